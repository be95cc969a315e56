package com.pinbatch.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * A lease owner as stored in the table: a host name and a process id ("build-2 pid 4711"), readable in a refusal
 * message and precise enough to tell, on the same host, that the owner process no longer exists.
 */
public record LeaseOwner(String host, long pid) {

	private static final String SEPARATOR = " pid ";

	/** This process on this host. */
	public static LeaseOwner current() {
		return new LeaseOwner(hostName(), ProcessHandle.current().pid());
	}

	/** The owner written by {@link #toString()}, or empty for text in another form. */
	public static Optional<LeaseOwner> parse(String text) {
		int at = text == null ? -1 : text.lastIndexOf(SEPARATOR);
		if (at <= 0) {
			return Optional.empty();
		}
		try {
			return Optional.of(new LeaseOwner(text.substring(0, at), Long.parseLong(text.substring(at + SEPARATOR.length()))));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** True only when the owner is on this host and its process has ended (it died without releasing). */
	public boolean isGoneFromThisHost() {
		return host.equals(hostName()) && ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
	}

	@Override
	public String toString() {
		return host + SEPARATOR + pid;
	}

	private static String hostName() {
		String fromEnvironment = System.getenv("HOSTNAME"); // set in containers, where it names the pod
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return fromEnvironment;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}
}

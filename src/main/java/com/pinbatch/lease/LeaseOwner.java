package com.pinbatch.lease;

import java.util.Optional;

import com.pinbatch.host.ThisHost;

/**
 * A lease owner as stored in the table: a host name and a process id ("build-2 pid 4711"), readable in a refusal
 * message and precise enough to tell, on the same host, that the owner process no longer exists.
 */
public record LeaseOwner(String host, long pid) {

	private static final String SEPARATOR = " pid ";

	/** This process on this host. */
	public static LeaseOwner current() {
		return new LeaseOwner(ThisHost.name(), ProcessHandle.current().pid());
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

	/**
	 * True only when the owner is on this host and its process has ended (it died without releasing). A host without
	 * a name is never known to be this one: its lease runs out instead.
	 */
	public boolean isGoneFromThisHost() {
		return !host.equals(ThisHost.UNKNOWN) && host.equals(ThisHost.name())
				&& ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
	}

	@Override
	public String toString() {
		return host + SEPARATOR + pid;
	}
}

package com.pinbatch.host;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The name of the machine this process runs on, as an operator knows it. */
public final class ThisHost {

	/** What {@link #name()} is when no name can be found: two such hosts cannot be told apart. */
	public static final String UNKNOWN = "unknown-host";

	/** Linux's own name of the machine (of its UTS namespace): there even when DNS does not resolve it. */
	private static final Path KERNEL_HOST_NAME = Path.of("/proc/sys/kernel/hostname");

	private ThisHost() {
	}

	public static String name() {
		String fromEnvironment = System.getenv("HOSTNAME"); // set in containers, where it names the pod
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return fromEnvironment;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			// a name the machine's DNS or /etc/hosts does not know: every such host was "unknown-host", so each took
			// the others' runs for its own (see lease.LeaseOwner#isGoneFromThisHost)
			return kernelName(KERNEL_HOST_NAME);
		}
	}

	static String kernelName(Path file) {
		try {
			String name = Files.readString(file, StandardCharsets.US_ASCII).strip();
			return name.isEmpty() ? UNKNOWN : name;
		}
		catch (IOException | RuntimeException unreadable) {
			return UNKNOWN;
		}
	}
}

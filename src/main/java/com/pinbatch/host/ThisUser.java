package com.pinbatch.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The account this process runs as. On Linux the owner of /proc/self, which is this process's user even where the
 * user has no name (a container run with a numeric user id, whose user.name is "?").
 */
public final class ThisUser {

	private static final Path SELF = Path.of("/proc/self");

	private ThisUser() {
	}

	/** By the name files show their owners by; elsewhere than Linux, the JVM's user.name. */
	public static String name() {
		try {
			return Files.getOwner(SELF).getName();
		}
		catch (UnsupportedOperationException | IOException noProc) {
			return System.getProperty("user.name");
		}
	}

	/** Its number; empty where the system does not say. */
	public static OptionalInt uid() {
		try {
			return OptionalInt.of((Integer) Files.getAttribute(SELF, "unix:uid"));
		}
		catch (IOException | RuntimeException notUnix) {
			return OptionalInt.empty();
		}
	}
}

package com.pinbatch.console;

import java.security.Principal;

/** Who is asking: the login, or {@code local} for the one person at a loopback console without users. */
final class Owner {

	static final String LOCAL = "local";

	private Owner() {
	}

	static String of(Principal principal) {
		return principal == null ? LOCAL : principal.getName();
	}
}

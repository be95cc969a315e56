package com.pinbatch.host;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of the machine this process runs on, as an operator knows it. */
public final class ThisHost {

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
			return "unknown-host";
		}
	}
}

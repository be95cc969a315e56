package com.pinbatch.console;

/** The console cannot start as configured (e.g. open to the network with nobody to log in): one line to show. */
public class ConsoleRefusedException extends RuntimeException {

	public ConsoleRefusedException(String message) {
		super(message);
	}
}

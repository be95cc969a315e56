package com.pinbatch.run;

/**
 * A run refused before anything was sent because of something the user must fix (an input, a result path, a missing
 * API key): its message is the one line to show, and the outcome is exit code 2.
 */
public class RunRefusedException extends RuntimeException {

	public RunRefusedException(String message) {
		super(message);
	}
}

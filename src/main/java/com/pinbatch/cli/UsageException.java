package com.pinbatch.cli;

/** A wrong command line or setting: the run stops before anything is sent, with exit code 2. */
public class UsageException extends RuntimeException {

	public UsageException(String message) {
		super(message);
	}
}

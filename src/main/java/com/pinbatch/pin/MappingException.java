package com.pinbatch.pin;

/**
 * A column mapping that cannot work: a bad mapping file, or an input file whose headers match no pin field
 * (or match one field twice). A user error: the message is one line saying what to fix (exit code 2).
 */
public class MappingException extends RuntimeException {

	public MappingException(String message) {
		super(message);
	}

	public MappingException(String message, Throwable cause) {
		super(message, cause);
	}
}

package com.pinbatch.input;

/**
 * A problem with an input file that the user must fix (exit code 2). The message is one line naming the
 * file, the row where known, and what to do.
 */
public class InputFileException extends RuntimeException {

	public InputFileException(String message) {
		super(message);
	}

	public InputFileException(String message, Throwable cause) {
		super(message, cause);
	}
}

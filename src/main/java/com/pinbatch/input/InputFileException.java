package com.pinbatch.input;

import java.nio.file.Path;

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

	/** A file named by {@code option} (--input, --retry-failed ...) that is not there. */
	public static InputFileException notFound(Path file, String option) {
		return new InputFileException(file + ": file not found; check the " + option + " path");
	}
}

package com.pinbatch.run;

/** The process exit codes of PRODUCT.md. */
public enum ExitCode {

	/** Every row CREATED, DUPLICATE or VALID. */
	SUCCESS(0),
	/** Stopped before the end (key rejected, API unreachable, interrupted); the same command resumes. */
	STOPPED(1),
	/** Usage or input error: nothing was sent. */
	USAGE(2),
	/** Finished, but some rows are INVALID or FAILED. */
	ROW_PROBLEMS(3);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return code;
	}

	/** The more serious of two outcomes, for a run over several inputs. */
	public ExitCode worst(ExitCode other) {
		return severity() >= other.severity() ? this : other;
	}

	private int severity() {
		return switch (this) {
			case SUCCESS -> 0;
			case ROW_PROBLEMS -> 1;
			case STOPPED -> 2;
			case USAGE -> 3;
		};
	}
}

package com.pinbatch.schema;

/**
 * The longest value the job repository keeps for a job parameter: Spring Batch's
 * {@code BATCH_JOB_EXECUTION_PARAMS.PARAMETER_VALUE}, 2,500 characters in every database it supports. A longer one (a
 * deep path) fails the run in the database, and then every later run of the same command.
 */
public final class JobParameterLimit {

	public static final int MAX_LENGTH = 2500;

	private JobParameterLimit() {
	}

	/** Why the job repository cannot keep {@code option}'s value (a path, for a file), or null when it can. */
	public static String refusal(String option, Object value) {
		int length = value == null ? 0 : value.toString().length();
		if (length <= MAX_LENGTH) {
			return null;
		}
		return option + " is " + length + " characters long (as an absolute path, for a file), and the job repository"
				+ " keeps at most " + MAX_LENGTH + "; give a shorter one (move the file to a shorter path, or link it from"
				+ " one)";
	}
}

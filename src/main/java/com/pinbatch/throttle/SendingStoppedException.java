package com.pinbatch.throttle;

/**
 * Sending cannot go on for any row: the job stops, rows not finished stay PENDING and the same command resumes.
 * The message is one line for the user.
 */
public class SendingStoppedException extends RuntimeException {

	public enum Reason {
		/** 401: the API key is wrong, expired or revoked; or 407: the proxy wants other credentials. */
		ACCESS_REFUSED,
		/** Too many 5xx or unanswered sends in a row. */
		API_UNAVAILABLE,
		/** The thread was interrupted (Ctrl-C, SIGTERM). */
		INTERRUPTED
	}

	private final Reason reason;

	public SendingStoppedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}
}

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

	/** How many times the row whose thread throws this was sent, each answered without creating anything; or -1. */
	private final int createdNothingIn;

	public SendingStoppedException(Reason reason, String message) {
		this(reason, message, -1);
	}

	private SendingStoppedException(Reason reason, String message, int createdNothingIn) {
		super(message);
		this.reason = reason;
		this.createdNothingIn = createdNothingIn;
	}

	public Reason reason() {
		return reason;
	}

	/**
	 * The same stop, as the thread of a row throws it whose sends were all answered and made no pin: refused for the
	 * key (a 401 or 403 creates nothing), or asked to wait (a 429) when the stop came before it went again. Its
	 * result line can say so instead of an answer that never came, and the next run sends it without looking for it.
	 */
	SendingStoppedException ofARowThatCreatedNothing(int attempts) {
		return new SendingStoppedException(reason, getMessage(), attempts);
	}

	/** Whether the row whose thread throws this was sent, and each send answered without a pin being made. */
	public boolean createdNothing() {
		return createdNothingIn > 0;
	}

	/** How many times that row was sent. */
	public int attempts() {
		return Math.max(createdNothingIn, 0);
	}
}

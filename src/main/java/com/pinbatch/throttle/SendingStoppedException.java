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

	private final boolean sendRefused;

	public SendingStoppedException(Reason reason, String message) {
		this(reason, message, false);
	}

	private SendingStoppedException(Reason reason, String message, boolean sendRefused) {
		super(message);
		this.reason = reason;
		this.sendRefused = sendRefused;
	}

	public Reason reason() {
		return reason;
	}

	/**
	 * The same stop, as the thread of the send Zernio refused throws it: that row's pin was not created (a 401 or 403
	 * creates nothing), which its result line can say instead of an answer that never came.
	 */
	SendingStoppedException ofTheRefusedSend() {
		return new SendingStoppedException(reason, getMessage(), true);
	}

	/** Whether this row's own send was answered with the refusal that stopped sending. */
	public boolean sendRefused() {
		return sendRefused;
	}
}

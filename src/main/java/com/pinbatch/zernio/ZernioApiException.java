package com.pinbatch.zernio;

import com.pinbatch.text.SafeText;

/** A Zernio call (other than creating a post) that failed in a way the run cannot continue from. */
public class ZernioApiException extends RuntimeException {

	private final int status;

	public ZernioApiException(int status, String message) {
		super(SafeText.withoutSecrets(message)); // the job repository stores it, a verbose log prints it
		this.status = status;
	}

	public ZernioApiException(String message, Throwable cause) {
		super(SafeText.withoutSecrets(message), cause);
		this.status = 0;
	}

	/** The HTTP status, or 0 when there was no answer. */
	public int status() {
		return status;
	}
}

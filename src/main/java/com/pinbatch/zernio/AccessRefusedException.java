package com.pinbatch.zernio;

/**
 * Zernio refused the API key (401, or 403 for a restricted key without the group a call needs), or the proxy on the
 * way refused to pass requests on without the right credentials (407): nothing else can work until the user fixes
 * them, so the run stops.
 */
public class AccessRefusedException extends ZernioApiException {

	public AccessRefusedException() {
		super(401, "Zernio rejected the API key (401): check ZERNIO_API_KEY");
	}

	/** A 407 from the proxy on the way; {@code problem} says what to fix. */
	public AccessRefusedException(String problem) {
		this(407, problem);
	}

	/** A refusal with this status; {@code problem} says what to fix. */
	public AccessRefusedException(int status, String problem) {
		super(status, problem);
	}
}

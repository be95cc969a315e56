package com.pinbatch.zernio;

/**
 * Lets the calls other than creates (account and board look-ups, upload slots, searches for earlier posts) take their
 * turn at the pace the creates are sent at. Every request to Zernio fills the key's one request window, so requests
 * the pace does not know about would either overfill it or look like another program's and slow the sending down.
 * Thread-safe.
 */
public interface RequestGate {

	/** No pacing, and a 429 is final: for a client used on its own. */
	RequestGate OPEN = new RequestGate() {

		@Override
		public void enter() {
		}

		@Override
		public void answered(RateLimitInfo rateLimit) {
		}

		@Override
		public boolean retryAfterRateLimit(RateLimitInfo rateLimit, int attempts) {
			return false;
		}

		@Override
		public boolean retryAfterFailure(RateLimitInfo rateLimit, int attempts) {
			return false;
		}
	};

	/** Blocks until a request may go out, and counts it as one of ours. */
	void enter() throws InterruptedException;

	/** The rate-limit headers of the answer to a request that went through {@link #enter()}. */
	void answered(RateLimitInfo rateLimit);

	/**
	 * Zernio answered 429: whether to send the same request again. The next {@link #enter()} waits as long as needed.
	 *
	 * @param attempts sends of this request so far, the first included
	 */
	boolean retryAfterRateLimit(RateLimitInfo rateLimit, int attempts);

	/**
	 * Zernio answered 5xx, or did not answer: whether to send the same request again, as a create would be (bounded
	 * attempts, back-off, {@code Retry-After} honoured); returns once the wait is over.
	 *
	 * @param rateLimit the answer's headers, or null when there was no answer
	 * @param attempts  sends of this request so far, the first included
	 */
	boolean retryAfterFailure(RateLimitInfo rateLimit, int attempts) throws InterruptedException;
}

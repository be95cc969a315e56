package com.pinbatch.zernio;

import java.time.Duration;
import java.time.Instant;

/**
 * Zernio's rate-limit headers of one answer; any part may be absent (null).
 *
 * @param limit      {@code X-RateLimit-Limit}: requests per window
 * @param remaining  {@code X-RateLimit-Remaining}
 * @param reset      {@code X-RateLimit-Reset} (epoch seconds): when the next slot frees
 * @param retryAfter {@code Retry-After} (seconds), on 429
 */
public record RateLimitInfo(Integer limit, Integer remaining, Instant reset, Duration retryAfter) {

	public static final RateLimitInfo NONE = new RateLimitInfo(null, null, null, null);

	/** Zernio's request window is a sliding minute: a wait within it is what the key's own limit asks. */
	private static final Duration KEY_WINDOW = Duration.ofMinutes(1);

	/**
	 * Whether a 429 with these headers is about an account (its posting limit, a cool-down), not about the key's
	 * requests: the key's window still had room, and Zernio did not ask to come back within the window's minute
	 * (Zernio's guidance takes a Retry-After for the key's limit: waited out and sent again, the row goes; before,
	 * one of 2 s with room left failed the row as over its account's cap). An hour's or a day's is an account's cap.
	 */
	public boolean accountLevel() {
		return remaining != null && remaining > 0 && (retryAfter == null || retryAfter.compareTo(KEY_WINDOW) > 0);
	}
}

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

	/** Zernio's request window is a sliding minute. */
	private static final Duration KEY_WINDOW = Duration.ofMinutes(1);

	/**
	 * Whether the key's request window still had room: a 429 then is about an account (its posting limit, a
	 * cool-down), not about the key's requests.
	 */
	public boolean roomLeft() {
		return remaining != null && remaining > 0;
	}

	/**
	 * Whether Zernio asked to come back within its window's minute: Zernio's guidance reads any Retry-After as the
	 * key's limit, though an account's cap lasts an hour or a day.
	 */
	public boolean backWithinWindow() {
		return retryAfter != null && !retryAfter.isNegative() && retryAfter.compareTo(KEY_WINDOW) <= 0;
	}
}

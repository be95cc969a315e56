package com.pinbatch.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * What else happens on the API key while the job runs, so that a user's report ("another tool sends on our key",
 * "bursts of 429s") becomes a sandbox command line.
 *
 * @param neighbourRequestsPerMinute requests per minute another program sends on the same key, evenly; they take
 *                                   slots of the throughput window like the job's own; 0 for none
 * @param stormEvery                 how often a 429 storm starts (the first one after this long); zero for none
 * @param stormLength                how long each storm lasts: every request is refused meanwhile; as long as
 *                                   {@code stormEvery} or longer, the first storm never ends
 * @param stormRetryAfter            the {@code Retry-After} a storm's 429s carry
 * @param stormShowsRoom             whether a storm's 429s keep the window's {@code X-RateLimit-Remaining} (room left,
 *                                   as a 429 Zernio gives for something else than the key's requests may) rather
 *                                   than 0
 */
public record KeyContention(int neighbourRequestsPerMinute, Duration stormEvery, Duration stormLength,
		Duration stormRetryAfter, boolean stormShowsRoom) {

	public static final KeyContention NONE = new KeyContention(0, Duration.ZERO, Duration.ZERO, Duration.ZERO,
			false);

	public KeyContention {
		Objects.requireNonNull(stormEvery, "stormEvery");
		Objects.requireNonNull(stormLength, "stormLength");
		Objects.requireNonNull(stormRetryAfter, "stormRetryAfter");
		if (neighbourRequestsPerMinute < 0) {
			throw new IllegalArgumentException("neighbour requests per minute must not be negative");
		}
		if (stormEvery.isNegative() || stormLength.isNegative() || stormRetryAfter.isNegative()) {
			throw new IllegalArgumentException("storm durations must not be negative");
		}
	}

	boolean storms() {
		return !stormEvery.isZero() && !stormLength.isZero();
	}
}

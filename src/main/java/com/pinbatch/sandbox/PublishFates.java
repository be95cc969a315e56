package com.pinbatch.sandbox;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * What Pinterest makes of each publish attempt in the simulator: live, or refused with one of the errors Zernio's
 * Pinterest guide lists as the most frequent, and whether the outcome is in the create's answer or comes a few
 * seconds later. Decided from the seed, the post's content fingerprint and the attempt number alone, so the same
 * input fares the same way whatever the order or concurrency of the sends.
 */
final class PublishFates {

	/** Share of transient failures that pass on each retry, unless told otherwise. */
	static final double RETRY_SUCCESS = 0.75;

	/** Mixed into the seed for the removal draw, so it does not follow the publish draw of the same post. */
	private static final long REMOVAL_DRAW = 0x5DEECE66DL;

	/** The errors a publish can end in, with Zernio's category and source and how often each occurs. */
	enum PinterestError {

		INVALID_URL("Invalid URL or request data.", "user_content", "user", false, 4),
		URL_UNREACHABLE("Unable to reach the URL. Please check the URL is correct and try again.", "user_content",
				"user", false, 3),
		RATE_LIMIT("Pinterest rate limit reached.", "platform_rate_limit", "platform", true, 2),
		PLATFORM_ERROR("Pinterest is temporarily unavailable. Please try again later.", "platform_error", "platform",
				true, 1),
		/** Only for an account the sandbox was told Pinterest limits (never drawn at random). */
		ACCOUNT_LIMITED("Your account has been temporarily limited due to unusual activity.", "user_abuse", "platform",
				false, 0);

		private static final int TOTAL_WEIGHT = 10;

		final String message;
		final String category;
		final String source;
		final boolean transientFailure;
		final int weight;

		PinterestError(String message, String category, String source, boolean transientFailure, int weight) {
			this.message = message;
			this.category = category;
			this.source = source;
			this.transientFailure = transientFailure;
			this.weight = weight;
		}

		static PinterestError pick(double draw) {
			double at = draw * TOTAL_WEIGHT;
			for (PinterestError error : values()) {
				at -= error.weight;
				if (at < 0) {
					return error;
				}
			}
			return PLATFORM_ERROR;
		}
	}

	/**
	 * One attempt's outcome.
	 *
	 * @param error null when the pin goes live
	 * @param delay how long after the attempt the outcome is known; zero: in the answer to the attempt
	 */
	record Fate(PinterestError error, Duration delay) {

		boolean published() {
			return error == null;
		}
	}

	private final double failureRate;
	private final Duration maxDelay;
	private final long seed;
	private volatile double retrySuccess = RETRY_SUCCESS;
	private volatile double removalShare;
	private volatile Duration removalDelay = Duration.ZERO;

	/**
	 * @param failureRate share (0..1) of posts whose first publish fails
	 * @param maxDelay    the longest an outcome takes; zero puts every outcome in the answer
	 */
	PublishFates(double failureRate, Duration maxDelay, long seed) {
		this.failureRate = failureRate;
		this.maxDelay = maxDelay;
		this.seed = seed;
	}

	/**
	 * @param fingerprint the post's content fingerprint
	 * @param attempt     0 for the create, 1 for the first retry, ...
	 */
	Fate fate(String fingerprint, int attempt) {
		SplittableRandom random = new SplittableRandom(seed ^ prefix(fingerprint));
		PinterestError first = random.nextDouble() < failureRate ? PinterestError.pick(random.nextDouble()) : null;
		PinterestError error = first;
		if (first != null && first.transientFailure) {
			// a transient failure passes on some retry, each with the same chance
			for (int retry = 1; retry <= attempt && error != null; retry++) {
				error = random.nextDouble() < retrySuccess ? null : first;
			}
		}
		return new Fate(error, delay(new SplittableRandom(seed ^ prefix(fingerprint) ^ ((attempt + 1) * 0x9E3779B97F4A7C15L))));
	}

	/** From now on, this share (0..1) of transient failures passes on each retry of the same post. */
	void passRetries(double share) {
		if (share < 0 || share > 1) {
			throw new IllegalArgumentException("a retry success share within 0..1, was " + share);
		}
		retrySuccess = share;
	}

	/**
	 * From now on, this share (0..1) of the pins that go live is removed from Pinterest that long after (deleted
	 * there, or taken down), as Zernio's {@code removedFromPlatformAt} tells.
	 */
	void removeAfterPublishing(double share, Duration delay) {
		if (share < 0 || share > 1 || delay.isNegative()) {
			throw new IllegalArgumentException("a removal share within 0..1 and a delay not negative, was " + share
					+ " and " + delay);
		}
		removalShare = share;
		removalDelay = delay;
	}

	/** How long after going live this post's pin is removed from Pinterest; null: it stays. */
	Duration removal(String fingerprint) {
		double share = removalShare;
		if (share <= 0) {
			return null;
		}
		return new SplittableRandom(seed ^ prefix(fingerprint) ^ REMOVAL_DRAW).nextDouble() < share ? removalDelay
				: null;
	}

	/** About half the outcomes are in the answer, the rest come within the longest delay. */
	private Duration delay(SplittableRandom random) {
		if (maxDelay.isZero() || random.nextBoolean()) {
			return Duration.ZERO;
		}
		long max = maxDelay.toMillis();
		return Duration.ofMillis(max / 4 + random.nextLong(Math.max(1, max - max / 4)));
	}

	private static long prefix(String fingerprint) {
		return fingerprint == null || fingerprint.length() < 16 ? 0 : Long.parseUnsignedLong(fingerprint.substring(0, 16), 16);
	}
}

package com.pinbatch.throttle;

import java.time.Duration;

import com.pinbatch.zernio.RateLimitInfo;

/**
 * Tells a progress display what the sender is doing. Called from the sending threads, so implementations must be
 * thread-safe and quick. Ordinary pacing between requests is not reported; holds and backoffs are.
 */
public interface ThrottleListener {

	ThrottleListener NONE = new ThrottleListener() {
	};

	/** A wait longer than ordinary pacing: a drained request window, a backoff before a resend. */
	default void onWait(String what, Duration howLong) {
	}

	/** Just before a send; {@code attempt} counts from 1. */
	default void onAttempt(String accountId, String requestId, int attempt) {
	}

	/** Zernio answered 429; {@code accountLevel} when it concerns only that account. */
	default void onRateLimited(String accountId, RateLimitInfo rateLimit, boolean accountLevel) {
	}

	/** The global pace changed, following Zernio's headers. */
	default void onPaceChanged(double requestsPerMinute) {
	}
}

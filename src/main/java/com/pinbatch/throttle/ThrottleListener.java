package com.pinbatch.throttle;

import java.time.Duration;
import java.time.Instant;

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

	/** Nobody sends until {@code until} (a 429's Retry-After, a drained window): a run's time left grows by it. */
	default void onHeldUntil(Instant until) {
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

	/** Tells both, {@code first} first. */
	static ThrottleListener both(ThrottleListener first, ThrottleListener second) {
		return new ThrottleListener() {

			@Override
			public void onWait(String what, Duration howLong) {
				first.onWait(what, howLong);
				second.onWait(what, howLong);
			}

			@Override
			public void onHeldUntil(Instant until) {
				first.onHeldUntil(until);
				second.onHeldUntil(until);
			}

			@Override
			public void onAttempt(String accountId, String requestId, int attempt) {
				first.onAttempt(accountId, requestId, attempt);
				second.onAttempt(accountId, requestId, attempt);
			}

			@Override
			public void onRateLimited(String accountId, RateLimitInfo rateLimit, boolean accountLevel) {
				first.onRateLimited(accountId, rateLimit, accountLevel);
				second.onRateLimited(accountId, rateLimit, accountLevel);
			}

			@Override
			public void onPaceChanged(double requestsPerMinute) {
				first.onPaceChanged(requestsPerMinute);
				second.onPaceChanged(requestsPerMinute);
			}
		};
	}
}

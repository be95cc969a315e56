package com.pinbatch.throttle;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits for sending pins to Zernio. Their defaults live in one place, the configuration properties that build them
 * ({@code pinbatch.throttle.*}, documented in config/application.yml).
 *
 * @param configuredRequestsPerMinute cap below the announced ceiling (e.g. to leave room for other tools on the
 *                                    key); null follows {@code X-RateLimit-Limit}
 * @param initialRequestsPerMinute    cautious pace until the first answer announces the ceiling
 * @param headroom                    share of the ceiling to pace at, so clock drift does not earn 429s
 * @param accountHourlyCap            creates per account in any rolling hour (Zernio's velocity cap)
 * @param accountDailyCap             creates per account in any rolling 24 hours (Pinterest's daily cap)
 * @param maxAttempts                 sends per row, the first included, before a transient failure is final
 * @param initialBackoff              wait before the first resend; doubles (with jitter) per resend
 * @param maxBackoff                  longest computed backoff
 * @param maxRetryAfter               longest wait honoured from {@code Retry-After} / {@code X-RateLimit-Reset}
 * @param breakerFailureThreshold     consecutive 5xx / unanswered sends, across all rows, that stop the job
 */
public record ThrottleSettings(Integer configuredRequestsPerMinute, int initialRequestsPerMinute, double headroom,
		int accountHourlyCap, int accountDailyCap, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
		Duration maxRetryAfter, int breakerFailureThreshold) {

	public ThrottleSettings {
		if (configuredRequestsPerMinute != null && configuredRequestsPerMinute < 1) {
			throw new IllegalArgumentException("configured requests per minute must be at least 1, or unset");
		}
		requirePositive(initialRequestsPerMinute, "initial requests per minute");
		if (!(headroom > 0 && headroom <= 1)) {
			throw new IllegalArgumentException("headroom must be above 0 and at most 1, was " + headroom);
		}
		requirePositive(accountHourlyCap, "account hourly cap");
		requirePositive(accountDailyCap, "account daily cap");
		requirePositive(maxAttempts, "max attempts");
		requirePositive(breakerFailureThreshold, "breaker failure threshold");
		requirePositive(initialBackoff, "initial backoff");
		requirePositive(maxBackoff, "max backoff");
		requirePositive(maxRetryAfter, "max retry-after");
	}

	private static void requirePositive(int value, String name) {
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be at least 1, was " + value);
		}
	}

	private static void requirePositive(Duration value, String name) {
		if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + value);
		}
	}
}

package com.pinbatch.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.pinbatch.zernio.RateLimitInfo;
import com.pinbatch.zernio.SendResult;

/** How long Zernio asks us to wait, from {@code Retry-After} or else {@code X-RateLimit-Reset}. */
final class ServerHints {

	private ServerHints() {
	}

	static Optional<Duration> waitHint(RateLimitInfo info, Instant now) {
		Optional<Duration> retryAfter = retryAfter(info);
		if (retryAfter.isPresent() || info == null) {
			return retryAfter;
		}
		if (info.reset() != null && info.reset().isAfter(now)) {
			return Optional.of(Duration.between(now, info.reset()));
		}
		return Optional.empty();
	}

	static Optional<Duration> retryAfter(RateLimitInfo info) {
		if (info == null || info.retryAfter() == null || info.retryAfter().isNegative()) {
			return Optional.empty();
		}
		return Optional.of(info.retryAfter());
	}

	/** A 429 while the request window still had room is about the account (velocity, daily cap, cooldown). */
	static boolean accountLevel(RateLimitInfo info) {
		return info != null && info.roomLeft();
	}

	/**
	 * A 429 about the account that asks this row to come back within the minute, without naming a cap: Zernio's
	 * guidance reads a Retry-After as "wait, then send the same again", so the row does, alone (the key has room).
	 */
	static boolean rowAskedToWait(SendResult.RateLimited refusal) {
		return accountLevel(refusal.rateLimit()) && refusal.rateLimit().backWithinWindow()
				&& refusal.accountLimit().kind() == null;
	}

	static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}
}

package com.pinbatch.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.pinbatch.zernio.RateLimitInfo;

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

	/** A 429 about the account (velocity, daily cap, cooldown), not the key's requests: see RateLimitInfo. */
	static boolean accountLevel(RateLimitInfo info) {
		return info != null && info.accountLevel();
	}

	static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}
}

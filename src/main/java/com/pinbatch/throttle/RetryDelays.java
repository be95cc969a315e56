package com.pinbatch.throttle;

import java.time.Clock;
import java.time.Duration;

import com.pinbatch.zernio.RateLimitInfo;
import com.pinbatch.zernio.SendResult;

import io.github.resilience4j.core.IntervalFunction;

/** The wait before a resend: exponential backoff with jitter, or longer when Zernio says so. */
final class RetryDelays {

	private static final double MULTIPLIER = 2.0;

	/** ±50 % spreads resends of rows that failed together, so they do not come back as a burst. */
	private static final double JITTER = 0.5;

	private final IntervalFunction backoff;
	private final Duration maxRetryAfter;
	private final Clock clock;

	RetryDelays(ThrottleSettings settings, Clock clock) {
		this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), MULTIPLIER, JITTER,
				settings.maxBackoff());
		this.maxRetryAfter = settings.maxRetryAfter();
		this.clock = clock;
	}

	/** After {@code attempts} sends, the last of which answered {@code last}. */
	Duration after(int attempts, SendResult last) {
		if (last instanceof SendResult.RateLimited) {
			return afterRateLimit(attempts, last.rateLimit());
		}
		return afterFailure(attempts, last.rateLimit());
	}

	/** After {@code attempts} sends, the last of which failed (5xx or no answer; {@code rateLimit} may be null). */
	Duration afterFailure(int attempts, RateLimitInfo rateLimit) {
		return bounded(attempts, ServerHints.retryAfter(rateLimit).orElse(Duration.ZERO));
	}

	/** After {@code attempts} sends, the last of which Zernio answered with 429 and these headers. */
	Duration afterRateLimit(int attempts, RateLimitInfo rateLimit) {
		// Reset names the next free slot of the request window: a reason to wait after a 429 only
		return bounded(attempts, ServerHints.waitHint(rateLimit, clock.instant()).orElse(Duration.ZERO));
	}

	private Duration bounded(int attempts, Duration asked) {
		Duration computed = Duration.ofMillis(backoff.apply(attempts));
		return ServerHints.min(ServerHints.max(computed, asked), maxRetryAfter);
	}
}

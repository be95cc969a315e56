package com.pinbatch.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.pinbatch.zernio.SendResult;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;

/**
 * Stops all sending after a run of consecutive 5xx or unanswered sends, across all rows: then Zernio is down or
 * unreachable, and failing every remaining row would only make the user retry them one by one.
 */
final class ApiBreaker {

	/** The job stops when the breaker opens; a later run closes it again ({@link #newRun}), so it never times out. */
	private static final Duration STAY_OPEN = Duration.ofDays(1);

	private final CircuitBreaker breaker;
	private final int threshold;
	private volatile String lastFailure = "";

	ApiBreaker(int threshold, Clock clock) {
		this.threshold = threshold;
		// a count window of N calls at a 100 % failure rate opens on exactly N failures in a row
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindow(threshold, threshold, SlidingWindowType.COUNT_BASED)
			.failureRateThreshold(100)
			.recordResult(ApiBreaker::isFailure)
			.waitDurationInOpenState(STAY_OPEN)
			.clock(clock)
			.build();
		this.breaker = CircuitBreaker.of("zernio", config);
	}

	/** Throws when sending must stop. */
	void checkClosed() {
		if (!breaker.tryAcquirePermission()) {
			throw new SendingStoppedException(SendingStoppedException.Reason.API_UNAVAILABLE,
					// what opened it: a send answered since (it was in flight) does not close it again
					"Zernio is not answering (" + threshold + " failures in a row, the last " + lastFailure
							+ "); nothing more is sent; run the same command later to resume");
		}
	}

	void record(SendResult result, long nanos) {
		if (isFailure(result)) {
			lastFailure = Outcomes.describe(result);
		}
		breaker.onResult(nanos, TimeUnit.NANOSECONDS, result);
	}

	/**
	 * A new run gives Zernio a fresh chance: in a long-lived process (the web console) an outage must not fail every
	 * later run of the same session until the process restarts.
	 */
	void newRun() {
		breaker.reset();
	}

	boolean isOpen() {
		return breaker.getState() == CircuitBreaker.State.OPEN;
	}

	private static boolean isFailure(Object result) {
		return result instanceof SendResult.ServerError || result instanceof SendResult.NoAnswer;
	}
}

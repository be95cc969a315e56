package com.pinbatch.throttle;

import java.time.Duration;

import com.pinbatch.zernio.RateLimitInfo;
import com.pinbatch.zernio.RequestGate;

/**
 * The sender's pace as a {@link RequestGate} for Zernio calls other than creates. Each call takes a permit like a
 * create and is counted as ours, so the pace neither overfills the window with them nor mistakes them for another
 * program's requests (which would slow the sending down for a minute after the look-ups); their answers' headers
 * steer the pace like a create's. A 429 holds every sender, creates included, and is sent again like a create's; a
 * 5xx or a missing answer is sent again like a create's too (bounded attempts, back-off, Retry-After honoured).
 */
final class PacedCalls implements RequestGate {

	private final AdaptivePace pace;
	private final RetryDelays delays;
	private final SendCounters counters;
	private final ThrottleListener listener;
	private final int maxAttempts;
	private final Sleeper sleeper;

	PacedCalls(AdaptivePace pace, RetryDelays delays, SendCounters counters, ThrottleListener listener,
			int maxAttempts, Sleeper sleeper) {
		this.sleeper = sleeper;
		this.pace = pace;
		this.delays = delays;
		this.counters = counters;
		this.listener = listener;
		this.maxAttempts = maxAttempts;
	}

	@Override
	public void enter() throws InterruptedException {
		pace.awaitTurn();
	}

	@Override
	public void answered(RateLimitInfo rateLimit) {
		pace.observe(rateLimit);
	}

	@Override
	public boolean retryAfterRateLimit(RateLimitInfo rateLimit, int attempts) {
		counters.rateLimited();
		listener.onRateLimited(null, rateLimit, false);
		if (attempts >= maxAttempts) {
			return false;
		}
		Duration wait = delays.afterRateLimit(attempts, rateLimit);
		pace.refused(wait);
		counters.retry();
		return true;
	}

	@Override
	public boolean retryAfterFailure(RateLimitInfo rateLimit, int attempts) throws InterruptedException {
		if (attempts >= maxAttempts) {
			return false;
		}
		Duration wait = delays.afterFailure(attempts, rateLimit);
		listener.onWait("asking again after a failed request", wait);
		counters.retry();
		sleeper.sleep(wait);
		return true;
	}
}

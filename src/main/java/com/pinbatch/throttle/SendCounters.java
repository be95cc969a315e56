package com.pinbatch.throttle;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters behind {@link ThrottleStats}. */
final class SendCounters {

	private final LongAdder sends = new LongAdder();
	private final LongAdder rateLimited = new LongAdder();
	private final LongAdder retries = new LongAdder();
	private final LongAdder capRefusals = new LongAdder();
	private final AtomicInteger inFlight = new AtomicInteger();
	private final AtomicInteger peakInFlight = new AtomicInteger();

	void sendStarted() {
		sends.increment();
		peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
	}

	void sendEnded() {
		inFlight.decrementAndGet();
	}

	void rateLimited() {
		rateLimited.increment();
	}

	void retry() {
		retries.increment();
	}

	void capRefusal() {
		capRefusals.increment();
	}

	ThrottleStats snapshot(double pacePerMinute) {
		return new ThrottleStats(sends.sum(), rateLimited.sum(), retries.sum(), capRefusals.sum(), peakInFlight.get(),
				pacePerMinute);
	}
}

package com.pinbatch.media;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** Spaces requests to one host evenly, so parallel checks do not hit a media server in bursts. */
final class HostPacer {

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	/** Host -> the earliest time the next request may start. */
	private final Map<String, Long> nextSlots = new HashMap<>();

	HostPacer(double requestsPerSecond, LongSupplier nanoTime) {
		this.intervalNanos = (long) (1_000_000_000L / requestsPerSecond);
		this.nanoTime = nanoTime;
	}

	/** Waits for this request's turn at the host. */
	void await(String host) throws InterruptedException {
		long waitNanos = reserve(host);
		if (waitNanos > 0) {
			Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
		}
	}

	/** Takes the host's next free slot; returns how long to wait for it, in nanoseconds. */
	synchronized long reserve(String host) {
		long now = nanoTime.getAsLong();
		long slot = Math.max(now, nextSlots.getOrDefault(host, now));
		nextSlots.put(host, slot + intervalNanos);
		return slot - now;
	}
}

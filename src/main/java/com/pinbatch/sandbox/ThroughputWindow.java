package com.pinbatch.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Zernio's per-key request ceiling: a 60-second sliding window. Only admitted requests occupy a slot, so
 * {@code Retry-After} is an honest promise.
 */
final class ThroughputWindow {

	static final Duration WINDOW = Duration.ofSeconds(60);

	/**
	 * What the window says about one request.
	 *
	 * @param resetEpochSecond when the next slot frees (X-RateLimit-Reset)
	 * @param retryAfterSeconds seconds to wait when not admitted, else 0
	 */
	record Decision(boolean admitted, int limit, int remaining, long resetEpochSecond, long retryAfterSeconds) {
	}

	private final int limit;
	private final ArrayDeque<Instant> admitted = new ArrayDeque<>();

	ThroughputWindow(int limit) {
		this.limit = limit;
	}

	int limit() {
		return limit;
	}

	/** Takes a slot if one is free. */
	synchronized Decision acquire(Instant now) {
		evict(now);
		if (admitted.size() < limit) {
			admitted.addLast(now);
			return new Decision(true, limit, limit - admitted.size(), ceilSeconds(admitted.peekFirst().plus(WINDOW)),
					0);
		}
		Instant frees = slotFreesAt();
		long wait = Math.max(1, (Duration.between(now, frees).toMillis() + 999) / 1000);
		return new Decision(false, limit, 0, ceilSeconds(frees), wait);
	}

	/** The window's state without taking a slot (for answers outside the metered API). */
	synchronized Decision peek(Instant now) {
		evict(now);
		if (admitted.size() < limit) {
			Instant next = admitted.isEmpty() ? now : admitted.peekFirst().plus(WINDOW);
			return new Decision(true, limit, limit - admitted.size(), ceilSeconds(next), 0);
		}
		return new Decision(false, limit, 0, ceilSeconds(slotFreesAt()), 0);
	}

	/** Fills slots as if another client used the same key. */
	synchronized void occupy(int requests, Instant now) {
		evict(now);
		for (int i = 0; i < requests; i++) {
			admitted.addLast(now);
		}
	}

	private void evict(Instant now) {
		Instant horizon = now.minus(WINDOW);
		while (!admitted.isEmpty() && !admitted.peekFirst().isAfter(horizon)) {
			admitted.removeFirst();
		}
	}

	// With phantom requests the window can be over-full; a slot frees once enough old requests have aged out.
	private Instant slotFreesAt() {
		int skip = admitted.size() - limit;
		Iterator<Instant> it = admitted.iterator();
		Instant stamp = it.next();
		for (int i = 0; i < skip; i++) {
			stamp = it.next();
		}
		return stamp.plus(WINDOW);
	}

	private static long ceilSeconds(Instant instant) {
		long seconds = instant.getEpochSecond();
		return instant.getNano() > 0 ? seconds + 1 : seconds;
	}
}

package com.pinbatch.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Our own sends within the last window, to tell them apart from other users of the same key. Sends are kept for two
 * windows, so an answer that arrives late still finds every send of ours that was in the window when it was sent.
 * Looked up by binary search: the pace asks at every look and every answer, and a window at 1,200/min holds 1,200
 * sends.
 */
final class RecentSends {

	private final Duration window;

	/** In the order sent (so by time); those before {@link #first} are forgotten, and dropped now and then. */
	private final List<Instant> sends = new ArrayList<>();

	private int first;

	RecentSends(Duration window) {
		this.window = window;
	}

	/** @param sentAt not before any send recorded earlier */
	synchronized void record(Instant sentAt) {
		sends.add(sentAt);
	}

	/** Our sends in the window that ends now. */
	synchronized int count(Instant now) {
		return countUntil(now);
	}

	/** Our sends in the window that ends at {@code end} (a recent instant). */
	synchronized int countUntil(Instant end) {
		forgetOlderThan(end.minus(window).minus(window));
		return after(end) - after(end.minus(window));
	}

	/** The oldest of our sends still in the window; null when there is none. */
	synchronized Instant oldest(Instant now) {
		int index = after(now.minus(window));
		return index < sends.size() ? sends.get(index) : null;
	}

	/** The index of the first kept send later than {@code instant} (the number of sends when there is none). */
	private int after(Instant instant) {
		int low = first;
		int high = sends.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (sends.get(middle).isAfter(instant)) {
				high = middle;
			}
			else {
				low = middle + 1;
			}
		}
		return low;
	}

	private void forgetOlderThan(Instant horizon) {
		first = Math.max(first, after(horizon));
		if (first > 1024 && first > sends.size() / 2) {
			sends.subList(0, first).clear();
			first = 0;
		}
	}
}

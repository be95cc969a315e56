package com.pinbatch.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Our own sends within the last window, to tell them apart from other users of the same key. Sends are kept for two
 * windows, so an answer that arrives late still finds every send of ours that was in the window when it was sent.
 */
final class RecentSends {

	private final Duration window;
	private final Deque<Instant> sends = new ArrayDeque<>();

	RecentSends(Duration window) {
		this.window = window;
	}

	/** @param sentAt not before any send recorded earlier */
	synchronized void record(Instant sentAt) {
		sends.addLast(sentAt);
	}

	/** Our sends in the window that ends now. */
	synchronized int count(Instant now) {
		return countUntil(now);
	}

	/** Our sends in the window that ends at {@code end} (a recent instant). */
	synchronized int countUntil(Instant end) {
		forgetOlderThan(end.minus(window).minus(window));
		Instant start = end.minus(window);
		int count = 0;
		for (Iterator<Instant> newestFirst = sends.descendingIterator(); newestFirst.hasNext();) {
			Instant sent = newestFirst.next();
			if (!sent.isAfter(start)) {
				break;
			}
			if (!sent.isAfter(end)) {
				count++;
			}
		}
		return count;
	}

	/** The oldest of our sends still in the window; null when there is none. */
	synchronized Instant oldest(Instant now) {
		Instant start = now.minus(window);
		for (Instant sent : sends) {
			if (sent.isAfter(start)) {
				return sent;
			}
		}
		return null;
	}

	private void forgetOlderThan(Instant horizon) {
		while (!sends.isEmpty() && !sends.peekFirst().isAfter(horizon)) {
			sends.removeFirst();
		}
	}
}

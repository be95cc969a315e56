package com.pinbatch.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** Our own sends within the last window, to tell them apart from other users of the same key. */
final class RecentSends {

	private final Duration window;
	private final Deque<Instant> sends = new ArrayDeque<>();

	RecentSends(Duration window) {
		this.window = window;
	}

	synchronized void record(Instant sentAt) {
		sends.addLast(sentAt);
	}

	synchronized int count(Instant now) {
		forgetOlderThanWindow(now);
		return sends.size();
	}

	/** The oldest of our sends still in the window; null when there is none. */
	synchronized Instant oldest(Instant now) {
		forgetOlderThanWindow(now);
		return sends.peekFirst();
	}

	private void forgetOlderThanWindow(Instant now) {
		Instant start = now.minus(window);
		while (!sends.isEmpty() && !sends.peekFirst().isAfter(start)) {
			sends.removeFirst();
		}
	}
}

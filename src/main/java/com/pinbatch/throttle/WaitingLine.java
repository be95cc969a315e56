package com.pinbatch.throttle;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The threads waiting for a permit, first come, first served. Only the first in line watches the clock; the others
 * wait until it leaves. With all of them watching, every slot of the pace woke every waiting thread (48 then) to
 * grant one of them: about a thousand wake-ups a second at 1,200/min, for nothing.
 */
final class WaitingLine {

	/**
	 * A safety net only: the first in line always rings the next when it leaves. Long, because every thread behind
	 * the first wakes this often (at 10 s, with 200 threads, 20 wake-ups a second: as many as the sends at 1,200/min).
	 */
	private static final Duration RECHECK = Duration.ofSeconds(60);

	private final Sleeper sleeper;

	// guarded by this
	private final Deque<Sleeper.Doorbell> waiting = new ArrayDeque<>();

	WaitingLine(Sleeper sleeper) {
		this.sleeper = sleeper;
	}

	/**
	 * Joins the end of the line and waits until this thread is first; the first waits for its permit on the doorbell
	 * returned, which {@link #nudgeFirst()} rings.
	 */
	Sleeper.Doorbell join() throws InterruptedException {
		return join(() -> {
		});
	}

	/** The same, leaving the line as soon as {@code stillWanted} throws (asked at each wake-up). */
	Sleeper.Doorbell join(Runnable stillWanted) throws InterruptedException {
		Sleeper.Doorbell place = sleeper.doorbell();
		synchronized (this) {
			waiting.addLast(place);
		}
		try {
			while (!isFirst(place)) {
				place.awaitRing(RECHECK);
				stillWanted.run();
			}
		}
		catch (InterruptedException | RuntimeException e) {
			leave(place);
			throw e;
		}
		return place;
	}

	/** Leaves the line, with a permit or without; the next in line, if any, takes over watching the clock. */
	void leave(Sleeper.Doorbell place) {
		Sleeper.Doorbell next;
		synchronized (this) {
			boolean wasFirst = waiting.peekFirst() == place;
			waiting.remove(place);
			next = wasFirst ? waiting.peekFirst() : null;
		}
		if (next != null) {
			next.ring();
		}
	}

	/** Ends the wait of the first in line early: something it waits for may have changed. */
	void nudgeFirst() {
		Sleeper.Doorbell first;
		synchronized (this) {
			first = waiting.peekFirst();
		}
		if (first != null) {
			first.ring();
		}
	}

	/** Wakes every thread in line, to look again whether it still wants its turn. */
	void ringEveryone() {
		List<Sleeper.Doorbell> all;
		synchronized (this) {
			all = List.copyOf(waiting);
		}
		all.forEach(Sleeper.Doorbell::ring);
	}

	private synchronized boolean isFirst(Sleeper.Doorbell place) {
		return waiting.peekFirst() == place;
	}
}

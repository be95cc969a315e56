package com.pinbatch.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock for several threads that moves only when every thread taking part is asleep on it, straight to the
 * earliest wake-up: real threads and the real locks and waits of the code under test, with minutes simulated in
 * milliseconds and no dependence on how fast the machine is. A thread takes part between {@link #join()} and
 * {@link #leave()}; a thread waiting on one of its doorbells is asleep until rung.
 */
final class SimulatedTime extends Clock implements Sleeper {

	static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

	private final ReentrantLock lock = new ReentrantLock();
	private final PriorityQueue<Ticket> sleepers = new PriorityQueue<>((a, b) -> Long.compare(a.wakeAt, b.wakeAt));
	private long nanos;
	private int awake;
	private long wakeUps;

	/** A sleeper's wake-up time, and its own condition: an advance wakes only the threads whose time came. */
	private static final class Ticket {

		final long wakeAt;
		final Condition due;
		boolean woken;

		Ticket(long wakeAt, Condition due) {
			this.wakeAt = wakeAt;
			this.due = due;
		}
	}

	void join() {
		lock.lock();
		try {
			awake++;
		}
		finally {
			lock.unlock();
		}
	}

	void leave() {
		lock.lock();
		try {
			awake--;
			advanceIfAllAsleep();
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void sleep(Duration howLong) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		if (howLong.isNegative() || howLong.isZero()) {
			return;
		}
		lock.lock();
		try {
			sleepUntilWoken(new Ticket(nanos + howLong.toNanos(), lock.newCondition()));
		}
		finally {
			lock.unlock();
		}
	}

	/** A wait on this clock that another thread's ring ends early, the ringing thread's instant being the same. */
	@Override
	public Doorbell doorbell() {
		return new Doorbell() {

			// guarded by lock
			private boolean rung;
			private Ticket waiting;

			@Override
			public void awaitRing(Duration atMost) throws InterruptedException {
				sleep(atMost);
			}

			@Override
			public void sleep(Duration atMost) throws InterruptedException {
				if (Thread.interrupted()) {
					throw new InterruptedException();
				}
				lock.lock();
				try {
					if (rung) {
						rung = false;
						return;
					}
					waiting = new Ticket(nanos + atMost.toNanos(), lock.newCondition());
					sleepUntilWoken(waiting);
				}
				finally {
					waiting = null;
					lock.unlock();
				}
			}

			@Override
			public void ring() {
				lock.lock();
				try {
					if (waiting != null && !waiting.woken) {
						sleepers.remove(waiting);
						wake(waiting);
					}
					else {
						rung = true;
					}
				}
				finally {
					lock.unlock();
				}
			}
		};
	}

	/** Called with the lock held. */
	private void sleepUntilWoken(Ticket ticket) throws InterruptedException {
		sleepers.add(ticket);
		awake--;
		advanceIfAllAsleep();
		try {
			while (!ticket.woken) {
				ticket.due.await();
			}
		}
		catch (InterruptedException e) {
			if (!ticket.woken) {
				sleepers.remove(ticket);
				awake++;
			}
			throw e;
		}
	}

	@Override
	public Instant instant() {
		lock.lock();
		try {
			return START.plusNanos(nanos);
		}
		finally {
			lock.unlock();
		}
	}

	/** How many times a sleeping thread was woken: each one a real thread switch. */
	long wakeUps() {
		lock.lock();
		try {
			return wakeUps;
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("fixed to UTC");
	}

	/** Wakes the earliest sleepers once nobody is awake; they count as awake at once, so the clock waits for them. */
	private void advanceIfAllAsleep() {
		if (awake > 0 || sleepers.isEmpty()) {
			return;
		}
		nanos = Math.max(nanos, sleepers.peek().wakeAt);
		while (!sleepers.isEmpty() && sleepers.peek().wakeAt <= nanos) {
			wake(sleepers.poll());
		}
	}

	/** The woken thread counts as awake at once, so the clock waits for it. */
	private void wake(Ticket ticket) {
		wakeUps++;
		ticket.woken = true;
		ticket.due.signal();
		awake++;
	}
}

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
 * {@link #leave()}.
 */
final class SimulatedTime extends Clock implements Sleeper {

	static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

	private final ReentrantLock lock = new ReentrantLock();
	private final PriorityQueue<Ticket> sleepers = new PriorityQueue<>((a, b) -> Long.compare(a.wakeAt, b.wakeAt));
	private long nanos;
	private int awake;

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
			Ticket ticket = new Ticket(nanos + howLong.toNanos(), lock.newCondition());
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
		finally {
			lock.unlock();
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
			Ticket ticket = sleepers.poll();
			ticket.woken = true;
			ticket.due.signal();
			awake++;
		}
	}
}

package com.pinbatch.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when someone sleeps on it: tests wait minutes in no time. */
final class FakeTime extends Clock implements Sleeper {

	static final Instant START = Instant.parse("2026-11-24T13:00:00Z");

	private final AtomicLong nanosSinceStart = new AtomicLong();

	@Override
	public void sleep(Duration howLong) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		nanosSinceStart.addAndGet(howLong.toNanos());
	}

	void advance(Duration howLong) {
		nanosSinceStart.addAndGet(howLong.toNanos());
	}

	Duration elapsed() {
		return Duration.ofNanos(nanosSinceStart.get());
	}

	@Override
	public Instant instant() {
		return START.plusNanos(nanosSinceStart.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("fixed to UTC");
	}
}

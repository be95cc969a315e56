package com.pinbatch.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The sandbox's clock in a test: real time moved ahead by what the test added, or standing still once frozen (then
 * publishing settles only when the test moves it).
 */
public final class MovableClock extends Clock {

	private Duration offset = Duration.ZERO;

	private Instant frozenAt;

	/** A clock standing still at {@code instant} until a test moves it. */
	public static MovableClock stoppedAt(Instant instant) {
		MovableClock clock = new MovableClock();
		clock.frozenAt = instant;
		return clock;
	}

	public synchronized void add(Duration duration) {
		if (frozenAt != null) {
			frozenAt = frozenAt.plus(duration);
		}
		else {
			offset = offset.plus(duration);
		}
	}

	public synchronized void freeze() {
		frozenAt = instant();
	}

	@Override
	public synchronized Instant instant() {
		return frozenAt != null ? frozenAt : Instant.now().plus(offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}
}

package com.pinbatch.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Scripted 429 storms: from {@code start}, every {@code stormEvery} a storm of {@code stormLength}. */
final class RateLimitStorms {

	private final KeyContention contention;
	private final Instant start;

	RateLimitStorms(KeyContention contention, Instant start) {
		this.contention = contention;
		this.start = start;
	}

	/** Whether the storms' 429s show the room left in the window, not 0. */
	boolean showRoom() {
		return contention.stormShowsRoom();
	}

	/** The Retry-After of a request refused by a storm now, or empty when no storm is on. */
	Optional<Duration> refusal(Instant now) {
		if (!contention.storms() || now.isBefore(start)) {
			return Optional.empty();
		}
		long sinceStart = Duration.between(start, now).toNanos();
		long every = contention.stormEvery().toNanos();
		long intoCycle = sinceStart % every;
		boolean stormOn = sinceStart >= every && intoCycle < contention.stormLength().toNanos();
		return stormOn ? Optional.of(contention.stormRetryAfter()) : Optional.empty();
	}
}

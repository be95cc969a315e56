package com.pinbatch.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A scripted outage: from {@code start}, for {@code length}, every request is answered 503, as when Zernio is down
 * mid-run (a length of zero: none).
 */
record Outage(Instant start, Duration length) {

	static final Outage NONE = new Outage(Instant.EPOCH, Duration.ZERO);

	Outage {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(length, "length");
		if (length.isNegative()) {
			throw new IllegalArgumentException("an outage's length must not be negative");
		}
	}

	boolean on(Instant now) {
		return !length.isZero() && !now.isBefore(start) && now.isBefore(start.plus(length));
	}
}

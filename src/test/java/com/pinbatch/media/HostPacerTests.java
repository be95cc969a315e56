package com.pinbatch.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class HostPacerTests {

	private static final long MILLI = 1_000_000;

	private final AtomicLong now = new AtomicLong(5_000 * MILLI);

	private final HostPacer pacer = new HostPacer(10, now::get);

	@Test
	void requestsToOneHostAreSpacedEvenly() {
		assertThat(pacer.reserve("cdn.example")).isZero();
		assertThat(pacer.reserve("cdn.example")).isEqualTo(100 * MILLI);
		assertThat(pacer.reserve("cdn.example")).isEqualTo(200 * MILLI);
	}

	@Test
	void otherHostsDoNotWait() {
		pacer.reserve("cdn.example");
		pacer.reserve("cdn.example");

		assertThat(pacer.reserve("images.example")).isZero();
	}

	@Test
	void aHostIdleForLongerThanTheIntervalDoesNotWait() {
		pacer.reserve("cdn.example");
		now.addAndGet(250 * MILLI);

		assertThat(pacer.reserve("cdn.example")).isZero();
		assertThat(pacer.reserve("cdn.example")).isEqualTo(100 * MILLI);
	}
}

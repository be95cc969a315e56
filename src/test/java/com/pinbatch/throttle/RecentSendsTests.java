package com.pinbatch.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RecentSendsTests {

	private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

	private static final Duration WINDOW = Duration.ofSeconds(60);

	@Test
	void countsTheSendsOfTheWindowThatEndsAtTheInstantAskedAbout() {
		RecentSends sends = new RecentSends(WINDOW);
		for (int second = 0; second < 180; second++) {
			sends.record(START.plusSeconds(second));
		}

		assertThat(sends.count(START.plusSeconds(179))).isEqualTo(60); // 120 to 179
		assertThat(sends.oldest(START.plusSeconds(179))).isEqualTo(START.plusSeconds(120));
		// an answer that comes late describes the window as of its send
		assertThat(sends.countUntil(START.plusSeconds(150))).isEqualTo(60); // 91 to 150
		assertThat(sends.countUntil(START.plusSeconds(130).plusMillis(500))).isEqualTo(60); // 71 to 130
		assertThat(sends.count(START.plusSeconds(300))).isZero();
		assertThat(sends.oldest(START.plusSeconds(300))).isNull();
	}

	/** Against counting every kept send, over thousands at many rates (so that forgotten ones are dropped). */
	@Test
	void givesWhatCountingEverySendGives() {
		RecentSends sends = new RecentSends(WINDOW);
		List<Instant> all = new ArrayList<>();
		SplittableRandom random = new SplittableRandom(7);
		Instant now = START;
		Instant forgotten = Instant.MIN; // what the sends forget is older than two windows before the latest count
		for (int i = 0; i < 8_000; i++) {
			// bursts, ties and pauses: from the same instant to a minute and a half later
			long gap = random.nextInt(10) == 0 ? random.nextLong(90_000) : random.nextLong(60);
			now = now.plusMillis(gap);
			sends.record(now);
			all.add(now);
			if (i % 7 == 0) {
				Instant end = now.minusMillis(random.nextLong(WINDOW.toMillis()));
				Instant horizon = end.minus(WINDOW).minus(WINDOW);
				forgotten = horizon.isAfter(forgotten) ? horizon : forgotten;
				Instant kept = forgotten;
				long expected = all.stream()
					.filter(sent -> sent.isAfter(kept) && sent.isAfter(end.minus(WINDOW)) && !sent.isAfter(end))
					.count();
				assertThat(sends.countUntil(end)).as("sends in the window ending %s", end).isEqualTo((int) expected);
				Instant latest = now;
				Instant oldest = all.stream()
					.filter(sent -> sent.isAfter(latest.minus(WINDOW)))
					.findFirst()
					.orElse(null);
				assertThat(sends.oldest(latest)).isEqualTo(oldest);
			}
		}
	}
}

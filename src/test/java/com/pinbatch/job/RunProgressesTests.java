package com.pinbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;

import org.junit.jupiter.api.Test;

/** Launches side by side in one process (a console's check beside its send) each count their own rows. */
class RunProgressesTests {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private final RunProgresses progresses = new RunProgresses(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void eachLaunchCountsTheRowsOfItsOwnInputs() {
		RunProgress send = progresses.start(List.of("garden", "kitchen"), 6, Map.of(RowStatus.CREATED, 2L));
		RunProgress check = progresses.start(List.of("other"), 3, Map.of());

		progresses.of("kitchen").rowDone(new RowResult(4, RowStatus.CREATED, "p4", null, null, 1, "r4", NOW));
		progresses.of("other").rowDone(new RowResult(2, RowStatus.VALID, null, null, null, 0, null, NOW));

		assertThat(send.snapshot().total()).isEqualTo(6);
		assertThat(send.snapshot().done()).isEqualTo(3);
		assertThat(progresses.of("garden")).isSameAs(send);
		assertThat(check.snapshot().total()).isEqualTo(3);
		assertThat(check.snapshot().counts()).containsExactly(Map.entry(RowStatus.VALID, 1L));
	}

	@Test
	void aHoldOfTheSharedPaceIsEveryGoingLaunchsAndAnEndedOneHearsNoMore() {
		RunProgress send = progresses.start(List.of("garden"), 6, Map.of());
		RunProgress check = progresses.start(List.of("other"), 3, Map.of());
		progresses.end(check);

		progresses.onHeldUntil(NOW.plusSeconds(40));

		assertThat(send.snapshot().held()).isEqualTo(Duration.ofSeconds(40));
		assertThat(check.snapshot().held()).isZero();
		assertThat(progresses.of("other")).as("a job no launch runs any more counts for nobody").isNotSameAs(check);
	}
}

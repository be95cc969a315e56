package com.pinbatch.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SpreadSummaryTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void namesEachAccountsMovedPinsAndTheirSpanInTheRunsZone() {
		List<PlannedRow> rows = List.of(new PlannedRow(2, "acme-home", null), new PlannedRow(3, "acme-home", null),
				new PlannedRow(4, "acme-home", null), new PlannedRow(5, "acme-garden", null));
		Map<Long, Instant> moved = Map.of(3L, Instant.parse("2026-06-02T06:00:00Z"), 4L,
				Instant.parse("2026-06-03T10:30:00Z"));

		assertThat(SpreadSummary.lines(rows, moved, BERLIN))
			.containsExactly("acme-home: 2 pins rescheduled, 2026-06-02 08:00 to 2026-06-03 12:30");
	}

	@Test
	void saysSoWhenNothingMoved() {
		assertThat(SpreadSummary.lines(List.of(new PlannedRow(2, "acme-home", null)), Map.of(), BERLIN))
			.containsExactly("spread: every pin keeps its time");
	}
}

package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.pinbatch.job.RunProgress;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;

import org.junit.jupiter.api.Test;

/** The progress line says what the run still waits for once the pins are sent. */
class ProgressDisplayTests {

	@Test
	void whileTheRunWaitsForPinterestTheLineCountsThePinsStillPublishing() {
		RunProgress progress = new RunProgress(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
		progress.start(20, Map.of());
		for (int row = 2; row <= 21; row++) {
			progress.rowDone(new RowResult(row, row <= 9 ? RowStatus.PUBLISHED : RowStatus.CREATED, "p" + row, null,
					null, 1, "r" + row, Instant.parse("2026-12-01T10:00:00Z")));
		}
		progress.publishing(12);

		assertThat(ProgressDisplay.plainLine(progress.snapshot()))
			.isEqualTo("20 of 20 rows sent, 12 still publishing; 8 published, 12 created");
		assertThat(ProgressDisplay.liveLine(progress.snapshot())).startsWith("20/20 rows | 12 still publishing | ");

		progress.publishing(0);

		assertThat(ProgressDisplay.plainLine(progress.snapshot())).doesNotContain("publishing");
	}
}

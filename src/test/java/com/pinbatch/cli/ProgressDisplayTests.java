package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.pinbatch.job.RunProgress;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;
import com.pinbatch.sandbox.MovableClock;

import org.junit.jupiter.api.Test;

/** The progress line: the sending pace, and what the run still waits for once the pins are sent. */
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

	@Test
	void thePaceCountsEveryPinZernioTookWhateverPinterestMadeOfItSince() {
		// given: a minute of sends; Zernio answered most creates with their publish already done, or scheduled
		MovableClock clock = new MovableClock();
		clock.freeze();
		RunProgress progress = new RunProgress(clock);
		progress.start(7, Map.of());
		progress.rowDone(done(2, RowStatus.PUBLISHED, "p2", null));
		progress.rowDone(done(3, RowStatus.SCHEDULED, "p3", null));
		progress.rowDone(done(4, RowStatus.CREATED, "p4", null));
		progress.rowDone(done(5, RowStatus.FAILED, "p5", "publish_rejected")); // on Zernio, refused by Pinterest
		progress.rowDone(done(6, RowStatus.INVALID, null, "title_too_long"));
		progress.rowDone(done(7, RowStatus.FAILED, null, "duplicate_content"));
		// and a row whose pin an earlier run published: not sent, not this run's pace
		progress.rowDone(new RowResult(8, RowStatus.PUBLISHED, "p-earlier", null, null, "already on Zernio", 0, null,
				Instant.parse("2026-12-01T10:00:00Z")));
		clock.add(Duration.ofMinutes(1));

		// then: four pins went onto Zernio in that minute (before, only the one still CREATED counted)
		assertThat(ProgressDisplay.plainLine(progress.snapshot())).contains(", 4 pins/min,");
	}

	@Test
	void inTheFirstSecondsThePaceIsCountedOverTenSeconds() {
		// given: the first pin on Zernio a second after the start, on a tier of 60 requests a minute
		MovableClock clock = new MovableClock();
		clock.freeze();
		RunProgress progress = new RunProgress(clock);
		progress.start(30, Map.of());
		clock.add(Duration.ofSeconds(1));
		progress.rowDone(done(2, RowStatus.CREATED, "p2", null));

		// then: one pin in ten seconds, not "60 pins/min" (before: 60 after a second, 120 after half of one)
		assertThat(ProgressDisplay.plainLine(progress.snapshot())).contains(", 6 pins/min,");

		// and later, the pins over the time since the start
		for (int row = 3; row <= 21; row++) {
			progress.rowDone(done(row, RowStatus.CREATED, "p" + row, null));
		}
		clock.add(Duration.ofSeconds(119));
		assertThat(ProgressDisplay.plainLine(progress.snapshot())).contains(", 10 pins/min,");
	}

	@Test
	void whileZernioHoldsTheSendsTheTimeLeftCountsTheHold() {
		// given: 21 of 26 rows sent in the first minute (20 after the first), then a 429 asking to wait a minute and a
		// half
		MovableClock clock = new MovableClock();
		clock.freeze();
		RunProgress progress = new RunProgress(clock);
		progress.start(26, Map.of());
		for (int row = 2; row <= 22; row++) {
			progress.rowDone(done(row, RowStatus.CREATED, "p" + row, null));
		}
		clock.add(Duration.ofMinutes(1));
		assertThat(ProgressDisplay.plainLine(progress.snapshot())).contains(", 15 s left;");

		progress.onHeldUntil(clock.instant().plus(Duration.ofSeconds(90)));

		// then: the five rows left wait out the hold first (before, 15 s left for as long as it lasted)
		assertThat(ProgressDisplay.plainLine(progress.snapshot())).contains(", 1 min 45 s left;");
		clock.add(Duration.ofSeconds(60));
		assertThat(ProgressDisplay.plainLine(progress.snapshot())).contains(", 1 min left;");
		clock.add(Duration.ofSeconds(30));
		assertThat(ProgressDisplay.plainLine(progress.snapshot())).contains(", 38 s left;");
	}

	@Test
	void theTimeLeftCountsThePaceFromTheFirstRowNotFromTheRunsStart() {
		// given: half a minute of reading, look-ups and the first answer, then a row a second
		MovableClock clock = new MovableClock();
		clock.freeze();
		RunProgress progress = new RunProgress(clock);
		progress.start(70, Map.of());
		clock.add(Duration.ofSeconds(30));
		progress.rowDone(done(2, RowStatus.CREATED, "p2", null));
		assertThat(ProgressDisplay.plainLine(progress.snapshot())).contains(", ? left;");
		for (int row = 3; row <= 11; row++) {
			clock.add(Duration.ofSeconds(1));
			progress.rowDone(done(row, RowStatus.CREATED, "p" + row, null));
		}

		// then: 60 rows left at a row a second (before, at 10 rows in 39 s: 3 min 54 s)
		assertThat(ProgressDisplay.plainLine(progress.snapshot())).contains(", 1 min left;");
	}

	@Test
	void rowsDecidedAtOnceDoNotCountInThePaceOfTheSendsLeft() {
		// given: a file of 30 rows whose plan sends 18: its 12 INVALID rows decided at once, then 4 sends a second
		MovableClock clock = new MovableClock();
		clock.freeze();
		RunProgress progress = new RunProgress(clock);
		progress.start(30, Map.of());
		progress.planned(18);
		for (int row = 2; row <= 13; row++) {
			progress.rowDone(new RowResult(row, RowStatus.INVALID, null, "title_too_long", "why", 0, null,
					Instant.parse("2026-12-01T10:00:00Z")));
		}
		for (int row = 14; row <= 17; row++) {
			clock.add(Duration.ofSeconds(1));
			progress.rowDone(done(row, RowStatus.CREATED, "p" + row, null));
		}

		// then: 14 sends left at a send a second (before: 14 rows at 15 rows in 3 s, "3 s left"; the run took 14 more)
		assertThat(ProgressDisplay.plainLine(progress.snapshot())).contains("16 of 30 rows", ", 14 s left;");
	}

	@Test
	void withInputsStillToPlanTheTimeLeftIsTheRowsPace() {
		// given: two inputs of 100 rows, the second to plan once the first is sent (--spread), a row a second
		MovableClock clock = new MovableClock();
		clock.freeze();
		RunProgress progress = new RunProgress(clock);
		progress.start(200, Map.of());
		progress.expectPlans(2);
		progress.planned(100);
		for (int row = 2; row <= 12; row++) {
			clock.add(Duration.ofSeconds(1));
			progress.rowDone(done(row, RowStatus.CREATED, "p" + row, null));
		}

		// then: 189 rows at a row a second (before: the first input's 90 sends left alone, "1 min 29 s left")
		assertThat(ProgressDisplay.plainLine(progress.snapshot())).contains(", 3 min 9 s left;");
		progress.planned(100);
		assertThat(ProgressDisplay.plainLine(progress.snapshot())).contains(", 3 min 9 s left;");
	}

	private static RowResult done(long row, RowStatus status, String postId, String errorCode) {
		return new RowResult(row, status, postId, errorCode, errorCode == null ? null : "why", 1, "r" + row,
				Instant.parse("2026-12-01T10:00:00Z"));
	}
}

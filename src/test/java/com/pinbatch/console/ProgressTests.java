package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.pinbatch.job.RunProgress;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;

import org.junit.jupiter.api.Test;

/** Where a run stands on its page. */
class ProgressTests {

	private static final Upload UPLOAD = new Upload("u1", "maria", Path.of("pins.csv"), "pins.csv", Instant.EPOCH,
			null, null, null, null, null, null, null, false, false);

	private final LiveRun run = new LiveRun("r1", UPLOAD, false);

	@Test
	void aSendThatWaitsForTheFileBeforeItSaysSo() {
		Progress progress = Progress.of(run);

		// before: "Running", 0 of 0 rows
		assertThat(progress.running()).isTrue();
		assertThat(progress.state()).isEqualTo("Getting ready: reading the file, or waiting for the file sent before it");
	}

	/** Before any row is sent the time left is not known yet, and says so (before: "working out the pace left"). */
	@Test
	void aSendWhoseTimeLeftIsNotKnownYetSaysSo() {
		sending(10);

		assertThat(Progress.of(run).timeLeft()).isEqualTo("working out the time left");
	}

	/** Every row sent, Pinterest still publishing: before, "2 of 2 rows, about 1 s left" for minutes. */
	@Test
	void aSendWhoseRowsAreAllSentSaysItWaitsForPinterest() {
		RunProgress counters = sending(2);
		for (long row = 2; row <= 3; row++) {
			counters.rowDone(new RowResult(row, RowStatus.CREATED, "p" + row, null, null, 1, "r" + row,
					Instant.EPOCH));
		}

		Progress progress = Progress.of(run);

		assertThat(progress.following()).isTrue();
		assertThat(progress.state()).startsWith("Running: every row is sent; waiting for Pinterest");
		assertThat(progress.timeLeft()).isEmpty();
	}

	/** The run's sends begin, {@code rows} rows to go; their counters, as the job keeps them. */
	private RunProgress sending(long rows) {
		RunProgress counters = new RunProgress(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
		counters.start(rows, Map.of());
		run.sending(counters);
		return counters;
	}
}

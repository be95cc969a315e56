package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.pinbatch.result.RowStatus;
import com.pinbatch.run.ExitCode;

import org.junit.jupiter.api.Test;

/** The lines that end a command, as a cron operator reads them. */
class RunSummaryTests {

	private static final Instant STARTED = Instant.parse("2026-12-07T02:00:00Z");

	@Test
	void aCommandThatFinishedRowsSaysHowFast() {
		assertThat(printed(report(35, 3))).contains("  took 3 s: 35 rows at 700 rows/min");
	}

	@Test
	void aResumeThatFinishedNoRowSaysHowLongItTookWithoutARateOfNothing() {
		// a resume that only learnt what became of the pins sent before (before: "took 46 s: 0 rows at 0 rows/min",
		// read as a run that was stuck)
		String summary = printed(report(0, 46));

		assertThat(summary).contains("  took 46 s\n").doesNotContain("rows/min");
	}

	@Test
	void theLineOfSeveralInputsSaysTheSame() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		RunSummary.printTotal(new PrintStream(bytes, true, StandardCharsets.UTF_8), List.of(report(0, 46),
				report(0, 46)));

		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("  took 46 s\n").doesNotContain("rows/min");
	}

	private static String printed(RunReport report) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		RunSummary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), report, false);
		return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
	}

	private static RunReport report(long rowsThisRun, long seconds) {
		return new RunReport(Path.of("pins.csv"), Path.of("pins.results.csv"), "run", Map.of(RowStatus.PUBLISHED, 35L),
				Map.of(), List.of(), rowsThisRun, 1L, 1L, STARTED, STARTED.plusSeconds(seconds), null, false,
				ExitCode.SUCCESS, null, null);
	}
}

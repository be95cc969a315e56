package com.pinbatch.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.pinbatch.result.RowStatus;
import com.pinbatch.result.StatusTally;

/** The few lines printed at the end of every run, including runs that stopped early. */
final class RunSummary {

	private static final int TOP_ERRORS = 5;

	private RunSummary() {
	}

	static void print(PrintStream out, StatusTally tally, Map<String, long[]> errorCodes, Path results,
			String stopReason, String retryCommand) {
		String counts = Stream.of(RowStatus.values())
			.filter(status -> tally.count(status) > 0)
			.map(status -> tally.count(status) + " " + status)
			.collect(Collectors.joining(", "));
		out.println("pinbatch: " + tally.total() + " rows: " + counts);
		errorCodes.entrySet().stream().limit(TOP_ERRORS).forEach(code -> out.println("  " + code.getKey() + ": "
				+ code.getValue()[0] + " row(s), e.g. row " + code.getValue()[1]));
		out.println("results: " + results.toAbsolutePath().normalize());
		if (stopReason != null || tally.hasPending()) {
			out.println("to resume: run the same command again");
		}
		else if (tally.hasProblems()) {
			out.println("to retry the INVALID and FAILED rows (after fixing them in the result file): " + retryCommand);
		}
	}
}

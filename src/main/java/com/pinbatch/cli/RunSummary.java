package com.pinbatch.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.pinbatch.result.RowStatus;
import com.pinbatch.text.Durations;
import com.pinbatch.text.Formats;
import com.pinbatch.text.Plural;

/** The few lines printed at the end of every run, including runs that stopped early. */
final class RunSummary {

	private static final int TOP_ERRORS = 5;

	private RunSummary() {
	}

	/** @param followUp the run was a --follow-up: its rows were changed, not sent, so no rate is given */
	static void print(PrintStream out, RunReport report, boolean followUp) {
		out.println("pinbatch: " + report.input() + ": " + Plural.of(report.total(), "row") + ": "
				+ counts(report.counts()));
		if (!report.errorCodes().isEmpty()) {
			out.println("  top problems:");
			report.errorCodes().stream().limit(TOP_ERRORS).forEach(error -> out.println("    " + error.code() + ": "
					+ Plural.of(error.count(), "row") + ", e.g. row " + error.exampleRow()));
			int more = report.errorCodes().size() - TOP_ERRORS;
			if (more > 0) {
				out.println("    and " + more + " more codes: see the error_code column of the result file");
			}
		}
		if (!report.accounts().isEmpty()) {
			// a follow-up knows the account of a row's post only: rows refused before sending are not counted
			out.println(followUp ? "  by account (rows with a post on Zernio):" : "  by account:");
			report.accounts().forEach((account, counts) -> out.println("    " + account + ": " + account(counts)));
		}
		if (report.alreadyProcessed()) {
			out.println("  already processed earlier: nothing sent by this command");
		}
		else if (followUp) {
			out.println("  took " + Durations.describe(report.duration()) + ": "
					+ Plural.of(report.rowsThisRun(), "row") + " changed");
		}
		else {
			out.println(took(report.duration(), report.rowsThisRun()));
		}
		// none when the input was saved again during its run and there was no earlier one (the stop line says why)
		out.println("  results: " + (Files.exists(report.resultFile())
				? report.resultFile().toAbsolutePath().normalize() : "none written"));
		if (report.stopReason() != null || report.count(RowStatus.PENDING) > 0) {
			out.println("  to resume, run the same command again: " + report.nextCommand());
		}
		else if (report.nextCommand() != null) {
			out.println("  to retry the INVALID and FAILED rows (fix them in the result file first): "
					+ report.nextCommand());
		}
		if (report.followUpCommand() != null) {
			out.println("  " + toLearn(report.stillPublishing(), report.count(RowStatus.SCHEDULED)) + ": "
					+ report.followUpCommand());
		}
	}

	/** What is still to learn of the input's pins, and when (a cron operator's next step). */
	private static String toLearn(long publishing, long scheduled) {
		String onZernio = publishing + (publishing == 1 ? " row is" : " rows are") + " on Zernio with no outcome on"
				+ " Pinterest yet";
		if (scheduled == 0) {
			return onZernio + "; to learn it later";
		}
		// before: nothing said, so a nightly job never learnt whether its scheduled pins went live
		String also = " (a later run naming the same input learns it too), run";
		return publishing == 0
				? scheduled + (scheduled == 1 ? " row is scheduled; to learn whether Pinterest published it once its"
						: " rows are scheduled; to learn whether Pinterest published them once their") + " time has"
						+ " passed" + also
				: onZernio + ", and " + scheduled + " scheduled; to learn the outcomes, the scheduled ones' once their"
						+ " time has passed" + also;
	}

	/** The whole run's line, after the inputs' summaries, when it had several inputs. */
	static void printTotal(PrintStream out, List<RunReport> reports) {
		Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
		reports.forEach(report -> report.counts().forEach((status, count) -> counts.merge(status, count, Long::sum)));
		long rows = counts.values().stream().mapToLong(Long::longValue).sum();
		long rowsThisRun = reports.stream().mapToLong(RunReport::rowsThisRun).sum();
		Duration took = Duration.between(reports.get(0).started(), reports.get(0).ended());
		out.println("pinbatch: " + reports.size() + " inputs, " + Plural.of(rows, "row") + ": " + counts(counts));
		out.println(took(took, rowsThisRun));
	}

	/**
	 * {@code took 3 s: 35 rows at 648 rows/min}; the time alone when this command finished no row (a resume that
	 * only learnt what became of pins sent before: "0 rows at 0 rows/min" read as a run that was stuck).
	 */
	private static String took(Duration took, long rowsThisRun) {
		if (rowsThisRun == 0) {
			return "  took " + Durations.describe(took);
		}
		double perMinute = took.toMillis() <= 0 ? 0 : rowsThisRun * 60_000.0 / took.toMillis();
		return Formats.plain("  took %s: %s at %.0f rows/min", Durations.describe(took), Plural.of(rowsThisRun, "row"),
				perMinute);
	}

	/** Pins live and refused first, then every status of the account's rows. */
	private static String account(Map<RowStatus, Long> counts) {
		long published = counts.getOrDefault(RowStatus.PUBLISHED, 0L);
		long failed = counts.getOrDefault(RowStatus.FAILED, 0L);
		return published + " published, " + failed + " failed (" + counts(counts) + ")";
	}

	private static String counts(Map<RowStatus, Long> counts) {
		return Stream.of(RowStatus.values())
			.filter(status -> counts.getOrDefault(status, 0L) > 0)
			.map(status -> counts.get(status) + " " + status)
			.collect(Collectors.joining(", "));
	}
}

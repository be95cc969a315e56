package com.pinbatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import com.pinbatch.run.WritableFolders;

/**
 * The files a command writes besides its result files ({@code --summary}, {@code --report}) replace only what
 * pinbatch wrote there before: a path mistyped onto the input, its result file or any other file is refused before
 * anything is removed or sent, where it used to be replaced (the input's rows lost).
 */
final class OwnOutputFiles {

	/** What the start of a summary written by pinbatch holds. */
	static final String SUMMARY_MARK = "\"exitCode\"";

	/** What the start of a report written by pinbatch holds (its title). */
	static final String REPORT_MARK = "<title>pinbatch report";

	/** How much of a file's start is looked at. */
	private static final int LOOKED_AT = 4096;

	private OwnOutputFiles() {
	}

	/** Null when the command may write its summary and its report where it asks; else the line that refuses. */
	static String refusal(CommandLineOptions options) {
		Path summary = options.summary();
		Path report = options.report();
		if (summary != null && report != null
				&& summary.toAbsolutePath().normalize().equals(report.toAbsolutePath().normalize())) {
			return "--summary and --report name the same file " + summary + "; give each its own";
		}
		String refused = summary == null ? null : notOurs(summary, "summary file", "--summary", SUMMARY_MARK);
		if (refused == null && report != null) {
			refused = WritableFolders.refusal(report, "report", "--report");
			if (refused == null) {
				refused = notOurs(report, "report", "--report", REPORT_MARK);
			}
		}
		return refused;
	}

	private static String notOurs(Path file, String what, String option, String mark) {
		return isOthers(file, mark) ? "the " + what + " " + file + " is a file pinbatch did not write (an input, or a"
				+ " result file?): it would be replaced; choose another " + option : null;
	}

	/**
	 * Whether a regular file at {@code file} holds what pinbatch did not write there (nothing, a folder or a link is
	 * for the folder checks to refuse).
	 */
	static boolean isOthers(Path file, String mark) {
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			return false;
		}
		try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
			String start = new String(in.readNBytes(LOOKED_AT), StandardCharsets.UTF_8);
			return !start.isEmpty() && !start.contains(mark);
		}
		catch (IOException unreadable) {
			return true; // not known to be pinbatch's: kept
		}
	}
}

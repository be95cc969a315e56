package com.pinbatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.pinbatch.result.FreshFile;
import com.pinbatch.result.RowStatus;
import com.pinbatch.run.ExitCode;
import com.pinbatch.run.WritableFolders;
import com.pinbatch.text.FileProblems;
import com.pinbatch.text.SafeText;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-of-run summary as JSON ({@code --summary=FILE}), for automation: one document for the whole command,
 * with an entry per input and the command's exit code. Written last, so a file that is there is complete.
 */
final class SummaryFile {

	/**
	 * The document's layout; field names are its contract with the scripts that read it.
	 *
	 * @param reason the one line that ended the command before it processed its inputs (a usage error, a start-up
	 *               failure); null when the inputs say how it went
	 */
	record Document(int exitCode, String reason, List<Input> inputs) {
	}

	record Input(String input, String resultFile, String runKey, int exitCode, Long jobInstanceId,
			Long jobExecutionId, String startTime, String endTime, double durationSeconds, long rows,
			long rowsThisRun, Map<String, Long> counts, Map<String, Map<String, Long>> accounts,
			List<RunReport.ErrorCount> errorCodes, boolean alreadyProcessed, String stopReason, String nextCommand,
			String followUpCommand) {
	}

	private static final String OPTION = "--summary=";

	private SummaryFile() {
	}

	/**
	 * Writes the summary and says where it is; a summary that cannot be written is reported in one line (the
	 * command's exit code stays what the run came to).
	 */
	/**
	 * Removes the summary an earlier command wrote, once this command's options are checked: if this one is killed,
	 * no summary is left, rather than one that says the last night went well.
	 */
	static void removeEarlier(Path file) {
		if (file == null) {
			return;
		}
		try {
			if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
					&& !OwnOutputFiles.isOthers(file, OwnOutputFiles.SUMMARY_MARK)) {
				Files.deleteIfExists(file); // a folder or a link named there is for the checks to refuse
			}
		}
		catch (IOException ex) {
			// written over at the end, or the end says why it cannot be
		}
	}

	static void writeAndTell(Path file, JsonMapper json, List<RunReport> reports, ExitCode exitCode, String reason,
			PrintStream out, PrintStream err) {
		try {
			write(file, json, reports, exitCode, reason);
			out.println("summary: " + file.toAbsolutePath().normalize());
		}
		catch (IOException ex) {
			err.println("pinbatch: cannot write the summary file " + file + " (" + FileProblems.reason(ex)
					+ "); choose another --summary");
		}
	}

	static void write(Path file, JsonMapper json, List<RunReport> reports, ExitCode exitCode, String reason)
			throws IOException {
		Document document = new Document(exitCode.code(), SafeText.line(reason),
				reports.stream().map(SummaryFile::input).toList());
		byte[] content;
		try {
			content = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
		}
		catch (JacksonException ex) {
			throw new IOException(ex.getOriginalMessage(), ex);
		}
		if (OwnOutputFiles.isOthers(file, OwnOutputFiles.SUMMARY_MARK)) {
			// a command refused before its checks (a mistyped option) still never writes over an input
			throw new IOException("a file pinbatch did not write is there");
		}
		FreshFile.replace(file, content);
	}

	/**
	 * Why the summary file cannot be written where it is asked for, or null: found out before anything is sent, as for
	 * the result file, so that a run is never left with yesterday's summary in place.
	 */
	static String problem(Path file) {
		return WritableFolders.refusal(file, "summary file", "--summary");
	}

	/**
	 * The summary file the command line asks for, read leniently from the raw arguments: a command line that could
	 * not be parsed still gets its summary, so that an older one does not stay in place. Null when none is named.
	 */
	static Path requestedIn(String[] args) {
		Path requested = null;
		for (String arg : args) {
			if (arg.startsWith(OPTION) && !arg.substring(OPTION.length()).isBlank()) {
				try {
					requested = Path.of(arg.substring(OPTION.length()));
				}
				catch (InvalidPathException ex) {
					requested = null;
				}
			}
		}
		return requested;
	}

	private static Input input(RunReport report) {
		Map<String, Map<String, Long>> accounts = new LinkedHashMap<>();
		// account names are Zernio's words, error codes may be: like every text of a server, cleaned
		report.accounts().forEach((account, counts) -> accounts.put(SafeText.line(account), byName(counts, false)));
		List<RunReport.ErrorCount> errorCodes = report.errorCodes().stream()
			.map(error -> new RunReport.ErrorCount(SafeText.line(error.code()), error.count(), error.exampleRow()))
			.toList();
		return new Input(report.input().toAbsolutePath().normalize().toString(),
				report.resultFile().toAbsolutePath().normalize().toString(), report.runKey(), report.exitCode().code(),
				report.jobInstanceId(), report.jobExecutionId(), report.started().toString(), report.ended().toString(),
				report.duration().toMillis() / 1000.0, report.total(), report.rowsThisRun(), byName(report.counts(), true),
				accounts, errorCodes, report.alreadyProcessed(), SafeText.line(report.stopReason()),
				SafeText.line(report.nextCommand()), SafeText.line(report.followUpCommand()));
	}

	/** Counts by status name; the run's counts list every status, zeros included, so a script can read any. */
	private static Map<String, Long> byName(Map<RowStatus, Long> counts, boolean zeros) {
		Map<String, Long> named = new LinkedHashMap<>();
		for (RowStatus status : RowStatus.values()) {
			long count = counts.getOrDefault(status, 0L);
			if (zeros || count > 0) {
				named.put(status.name(), count);
			}
		}
		return named;
	}
}

package com.pinbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.pinbatch.result.RowStatus;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-of-run summary as JSON ({@code --summary=FILE}), for automation: one document for the whole command,
 * with an entry per input and the command's exit code. Written last, so a file that is there is complete.
 */
final class SummaryFile {

	/** The document's layout; field names are its contract with the scripts that read it. */
	record Document(int exitCode, List<Input> inputs) {
	}

	record Input(String input, String resultFile, String runKey, int exitCode, Long jobInstanceId,
			Long jobExecutionId, String startTime, String endTime, double durationSeconds, long rows,
			long rowsThisRun, Map<String, Long> counts, Map<String, Map<String, Long>> accounts,
			List<RunReport.ErrorCount> errorCodes, boolean alreadyProcessed, String stopReason, String nextCommand) {
	}

	private SummaryFile() {
	}

	static void write(Path file, JsonMapper json, List<RunReport> reports, ExitCode exitCode) throws IOException {
		Document document = new Document(exitCode.code(), reports.stream().map(SummaryFile::input).toList());
		Path folder = file.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		Path partial = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
		try {
			json.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), document);
			Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (JacksonException ex) {
			throw new IOException(ex.getOriginalMessage(), ex);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private static Input input(RunReport report) {
		Map<String, Map<String, Long>> accounts = new LinkedHashMap<>();
		report.accounts().forEach((account, counts) -> accounts.put(account, byName(counts, false)));
		return new Input(report.input().toAbsolutePath().normalize().toString(),
				report.resultFile().toAbsolutePath().normalize().toString(), report.runKey(), report.exitCode().code(),
				report.jobInstanceId(), report.jobExecutionId(), report.started().toString(), report.ended().toString(),
				report.duration().toMillis() / 1000.0, report.total(), report.rowsThisRun(), byName(report.counts(), true),
				accounts, report.errorCodes(), report.alreadyProcessed(), report.stopReason(), report.nextCommand());
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

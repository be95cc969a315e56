package com.pinbatch.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.pinbatch.result.RowStatus;
import com.pinbatch.run.ExitCode;

/**
 * What one input's run came to: the content of the printed summary and of the JSON summary file.
 *
 * @param counts           rows by status in the result file
 * @param accounts         rows by account and status (rows that never reached an account are left out)
 * @param rowsThisRun      rows this command finished (a resume or a report of a finished run does fewer)
 * @param jobInstanceId    Spring Batch's job instance; null when the run stopped before the job started
 * @param stopReason       why the run stopped before the end; null when it finished
 * @param alreadyProcessed the input had been processed to the end before: nothing was sent
 * @param nextCommand      the command to run next (resume, or retry the INVALID and FAILED rows); null: none needed
 * @param followUpCommand  the command that later learns the outcome of the rows still publishing; null: none left
 */
record RunReport(Path input, Path resultFile, String runKey, Map<RowStatus, Long> counts,
		Map<String, Map<RowStatus, Long>> accounts, List<ErrorCount> errorCodes, long rowsThisRun, Long jobInstanceId,
		Long jobExecutionId, Instant started, Instant ended, String stopReason, boolean alreadyProcessed,
		ExitCode exitCode, String nextCommand, String followUpCommand) {

	/** One error code of INVALID and FAILED rows, with the first row that had it. */
	record ErrorCount(String code, long count, long exampleRow) {
	}

	long total() {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	long count(RowStatus status) {
		return counts.getOrDefault(status, 0L);
	}

	/** Rows on Zernio whose outcome on Pinterest is not known yet. */
	long stillPublishing() {
		return count(RowStatus.CREATED) + count(RowStatus.DUPLICATE);
	}

	Duration duration() {
		return Duration.between(started, ended);
	}
}

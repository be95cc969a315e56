package com.pinbatch.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.pinbatch.result.RowStatus;

/**
 * What one input's run came to, read back from the job repository and the stored row outcomes once its result file
 * was written.
 *
 * @param runKey           the input's run key: the identifying job parameter of its job instance
 * @param counts           rows by status in the result file
 * @param accounts         rows by account and status (rows that never reached an account are left out)
 * @param rowsThisRun      rows this run finished (a resume or a report of a finished run does fewer)
 * @param jobInstanceId    Spring Batch's job instance; null when the run stopped before the job started
 * @param jobExecutionId   the job execution that ran (or, already processed, that finished) the input; may be null
 * @param stopReason       why the run stopped before the end; null when it finished
 * @param alreadyProcessed the input had been processed to the end before: nothing was sent
 * @param next             what to do next with the input
 * @param stillPublishing  rows on Zernio whose outcome on Pinterest is still to learn (a follow-up can learn it)
 * @param retryFrom        the file --retry-failed takes next: the result file, or the copy the user had edited, kept
 *                         beside it before it was written again (its fixes are there)
 */
public record InputOutcome(Path input, Path resultFile, String runKey, Map<RowStatus, Long> counts,
		Map<String, Map<RowStatus, Long>> accounts, List<ErrorCount> errorCodes, long rowsThisRun, Long jobInstanceId,
		Long jobExecutionId, Instant started, Instant ended, String stopReason, boolean alreadyProcessed,
		ExitCode exitCode, Next next, boolean stillPublishing, Path retryFrom) {

	/**
	 * The same outcome, for an input processed before whose follow-up stopped (Zernio did not answer its look-ups):
	 * the same command follows it up again.
	 */
	InputOutcome stoppedFollowing(String reason) {
		return new InputOutcome(input, resultFile, runKey, counts, accounts, errorCodes, rowsThisRun, jobInstanceId,
				jobExecutionId, started, ended, reason, alreadyProcessed, ExitCode.STOPPED, Next.RESUME, false,
				retryFrom);
	}

	/** One error code of INVALID and FAILED rows, with the first row that had it. */
	public record ErrorCount(String code, long count, long exampleRow) {
	}

	/** What the user does next with the input. */
	public enum Next {
		/** Nothing: every row is done. */
		NONE,
		/** Run the same request again: it resumes where this run stopped. */
		RESUME,
		/** Fix the INVALID and FAILED rows in the result file and retry them from it. */
		RETRY_FAILED
	}
}

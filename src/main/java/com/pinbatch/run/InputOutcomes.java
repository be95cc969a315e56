package com.pinbatch.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.pinbatch.job.InputParameters;
import com.pinbatch.job.InputSetup;
import com.pinbatch.job.ResultTotals;
import com.pinbatch.result.ResultFileBuilder;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.result.RowStatus;
import com.pinbatch.result.StatusTally;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * What came of one input of a request: from the result file its job wrote, or from one written here when no job of
 * the request wrote it; with the exit code it earns and what the user can do next.
 */
@Component
class InputOutcomes {

	private final ResultFileBuilder resultFiles;

	private final RowResultStore store;

	private final InputSetup setup;

	InputOutcomes(ResultFileBuilder resultFiles, RowResultStore store, InputSetup setup) {
		this.resultFiles = resultFiles;
		this.store = store;
		this.setup = setup;
	}

	/** The input's stored row outcomes by status: what earlier runs of its job did. */
	Map<RowStatus, Long> storedByStatus(String runKey) {
		return store.countByStatus(runKey);
	}

	/** Rows of the input with a stored outcome. */
	private long done(String runKey) {
		return storedByStatus(runKey).values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Says what the input's run came to, from the result file its job wrote; writes that file itself when no job of
	 * this request wrote it (the input was processed before, is a copy of another, or its job never started or could
	 * not write it: then this write says why in one line).
	 *
	 * @param finishedBefore the execution that completed the input before this request, or null: this run worked on it
	 * @param execution      this request's execution of the input's job; null when it did not start one
	 * @param doneBefore     rows of the input done before this run started; null when this run did not work on it
	 */
	InputOutcome of(CheckedInput input, JobExecution finishedBefore, JobExecution execution, String stopReason,
			Long doneBefore, Instant started, Instant ended) {
		boolean alreadyProcessed = finishedBefore != null;
		boolean finished = alreadyProcessed || execution != null && execution.getStatus() == BatchStatus.COMPLETED;
		InputParameters parameters = input.parameters();
		Optional<StatusTally> written = execution == null || doneBefore == null ? Optional.empty()
				: ResultTotals.of(execution.getExecutionContext());
		StatusTally tally = written.orElseGet(() -> resultFiles.write(input.path(),
				setup.inputOptions(parameters, setup.mapping(parameters)), input.key(), input.results(),
				execution != null && doneBefore != null, parameters.onSandbox()));
		ExitCode code = !finished && (stopReason != null || tally.hasPending()) ? ExitCode.STOPPED
				: tally.hasProblems() ? ExitCode.ROW_PROBLEMS : ExitCode.SUCCESS;
		InputOutcome.Next next = code == ExitCode.STOPPED || tally.hasPending() ? InputOutcome.Next.RESUME
				: tally.hasProblems() ? InputOutcome.Next.RETRY_FAILED : InputOutcome.Next.NONE;
		List<InputOutcome.ErrorCount> errors = new ArrayList<>();
		tally.errorCodes().forEach((error, countAndRow) -> errors.add(
				new InputOutcome.ErrorCount(error, countAndRow[0], countAndRow[1])));
		// a dry run stores no outcomes: its job counted the rows it checked
		Optional<Long> checked = execution == null ? Optional.empty()
				: ResultTotals.rowsDone(execution.getExecutionContext());
		long rowsThisRun = doneBefore == null ? 0
				: checked.orElseGet(() -> Math.max(0, done(input.key()) - doneBefore));
		JobExecution ranIn = alreadyProcessed ? finishedBefore : execution;
		return new InputOutcome(input.path(), input.results(), input.key(), tally.asMap(),
				store.countByAccount(input.key()), errors, rowsThisRun,
				ranIn == null ? null : ranIn.getJobInstance().getInstanceId(), ranIn == null ? null : ranIn.getId(),
				started, ended, code == ExitCode.STOPPED ? StopReasons.said(stopReason, tally.hasPending()) : null,
				alreadyProcessed, code, next,
				code != ExitCode.STOPPED && !parameters.dryRun() && tally.outcomesToLearn(),
				tally.editedCopy().orElse(input.results()));
	}
}

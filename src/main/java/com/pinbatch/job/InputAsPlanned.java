package com.pinbatch.job;

import java.util.Optional;

import com.pinbatch.input.InputChangedException;
import com.pinbatch.input.InputFileState;
import com.pinbatch.result.RowStatus;
import com.pinbatch.result.StatusTally;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The input file as the job's plan read it, kept in the job's execution context. The run is named by that content
 * and planned for those rows, so its steps send, check and report the file's rows only while it is still as it was
 * (see {@link InputFileState}).
 */
public final class InputAsPlanned {

	private static final String STATE = "plan.inputState";

	private static final String ROWS = "plan.inputRows";

	private InputAsPlanned() {
	}

	/** Kept by the plan step; a front end's test may play a plan with it. */
	public static void record(ExecutionContext context, InputFileState state, long rows) {
		context.putString(STATE, state.token());
		context.putLong(ROWS, rows);
	}

	/**
	 * @throws InputChangedException when the input was saved again since the plan read it
	 */
	static void requireUnchanged(JobExecution job) {
		if (changed(job)) {
			throw new InputChangedException(InputParameters.of(job.getJobParameters()).input());
		}
	}

	/** Whether the input was saved again since the plan read it; false before the plan. */
	static boolean changed(JobExecution job) {
		ExecutionContext context = job.getExecutionContext();
		return context.containsKey(STATE) && !new InputFileState(context.getString(STATE))
			.equals(InputFileState.of(InputParameters.of(job.getJobParameters()).input()));
	}

	/** The rows of the input the run planned; empty before its plan. */
	public static Optional<Long> rows(ExecutionContext context) {
		return context.containsKey(ROWS) ? Optional.of(context.getLong(ROWS)) : Optional.empty();
	}

	/** {@code tally}, with the planned rows it does not count as {@code PENDING}. */
	static StatusTally withRestPending(StatusTally tally, ExecutionContext context) {
		tally.add(RowStatus.PENDING, Math.max(0, context.getLong(ROWS, 0L) - tally.total()));
		return tally;
	}
}

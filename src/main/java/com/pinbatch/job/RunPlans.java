package com.pinbatch.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.pinbatch.media.MediaProblem;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.DateOrder;
import com.pinbatch.pin.RowPairs;
import com.pinbatch.plan.WhenNoDate;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * The plan of the input a job execution sends, as its steps see it: rebuilt from the job's parameters, what the
 * planning step left in the job's execution context, and the Zernio session of its target.
 */
@Component
class RunPlans {

	private final InputSetup setup;

	private final ApiSessionSource sessions;

	RunPlans(InputSetup setup, ApiSessionSource sessions) {
		this.setup = setup;
		this.sessions = sessions;
	}

	@SuppressWarnings("unchecked")
	RunPlan of(JobExecution job) {
		InputParameters input = InputParameters.of(job.getJobParameters());
		ExecutionContext context = job.getExecutionContext();
		ColumnMapping mapping = setup.mapping(input);
		Map<String, MediaProblem> media = new HashMap<>();
		((Map<String, List<String>>) context.get(PlanPinsTasklet.MEDIA_PROBLEMS, Map.class, Map.of()))
			.forEach((url, problem) -> media.put(url, new MediaProblem(problem.get(0), problem.get(1))));
		return new RunPlan(input.input(), setup.inputOptions(input, mapping), input.runKey(), mapping,
				setup.validation(input)
					.withDateOrder(DateOrder.valueOf(context.getString(PlanPinsTasklet.DATE_ORDER))),
				stored(context.get(PlanPinsTasklet.DUPLICATES)),
				WhenNoDate.fromOption(input.whenNoDate()), stored(context.get(PlanPinsTasklet.SLOTS)), media,
				input.dryRun(),
				sessions.session(input.target()),
				CappedMessages.of((Map<String, ?>) context.get(PlanPinsTasklet.CAPPED)));
	}

	/** Rows as {@link PlanPinsTasklet} stored them, packed; also the maps that versions before 2026-12-07 stored. */
	@SuppressWarnings("unchecked")
	private static RowPairs stored(Object rows) {
		if (rows == null) {
			return RowPairs.NONE;
		}
		return rows instanceof Map<?, ?> map ? RowPairs.of((Map<Long, Long>) map) : RowPairs.unpacked((byte[]) rows);
	}
}

package com.pinbatch.job;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.pinbatch.media.MediaProblem;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.DateOrder;
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
		Map<Long, Instant> slots = new HashMap<>();
		((Map<Long, Long>) context.get(PlanPinsTasklet.SLOTS, Map.class, Map.of()))
			.forEach((row, slot) -> slots.put(row, Instant.ofEpochMilli(slot)));
		Map<String, MediaProblem> media = new HashMap<>();
		((Map<String, List<String>>) context.get(PlanPinsTasklet.MEDIA_PROBLEMS, Map.class, Map.of()))
			.forEach((url, problem) -> media.put(url, new MediaProblem(problem.get(0), problem.get(1))));
		return new RunPlan(input.input(), setup.inputOptions(input, mapping), input.runKey(), mapping,
				setup.validation(input)
					.withDateOrder(DateOrder.valueOf(context.getString(PlanPinsTasklet.DATE_ORDER))),
				(Map<Long, Long>) context.get(PlanPinsTasklet.DUPLICATES, Map.class, Map.of()),
				WhenNoDate.fromOption(input.whenNoDate()), slots, media, input.dryRun(),
				sessions.session(input.target()),
				CappedMessages.of((Map<String, long[]>) context.get(PlanPinsTasklet.CAPPED)));
	}
}

package com.pinbatch.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.pinbatch.follow.PinFollower;
import com.pinbatch.result.RowResultStore;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The step after the sends: follows the run's pins until Pinterest has published or refused each, for at most
 * {@code maxWait}. One call is one round (the step's repeat loop calls it again while it returns CONTINUABLE), so
 * the execution context after each round holds where the following stands (requests spent, retries per row) and a
 * restart goes on from there, creating nothing. Rows whose outcome is still unknown at the end stay CREATED for
 * {@code --follow-up}.
 */
class FollowPinsTasklet implements Tasklet {

	static final String REQUESTS = "follow.lookUps";
	static final String BUDGET = "follow.budget";
	static final String DEADLINE = "follow.deadlineMs";
	static final String EXECUTION = "follow.stepExecution";
	static final String ROUND = "follow.round";
	static final String RETRIES = "follow.retries.";

	private final ApiSessionSource sessions;

	private final RowResultStore store;

	private final RunProgress progress;

	private final FollowProperties settings;

	private final Clock clock;

	FollowPinsTasklet(ApiSessionSource sessions, RowResultStore store, RunProgress progress,
			FollowProperties settings, Clock clock) {
		this.sessions = sessions;
		this.store = store;
		this.progress = progress;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		ExecutionContext context = step.getExecutionContext();
		InputParameters input = InputParameters.of(step.getJobExecution().getJobParameters());
		ApiSession api = input.dryRun() ? null : sessions.session(input.target());
		if (api == null || settings.maxWait().isZero()) {
			return RepeatStatus.FINISHED;
		}
		String runKey = input.runKey();
		List<PinFollower.Followed> open = open(runKey, context);
		progress.publishing(open.size());
		if (open.isEmpty()) {
			return RepeatStatus.FINISHED;
		}
		Instant now = clock.instant();
		if (context.getLong(EXECUTION, -1L) != step.getId()) {
			// this execution's window: a restart follows again for as long as a run would
			context.putLong(EXECUTION, step.getId());
			context.putLong(DEADLINE, now.plus(settings.maxWait()).toEpochMilli());
			context.putInt(ROUND, 0);
			context.putInt(BUDGET, Math.max(context.getInt(BUDGET, 0), context.getInt(REQUESTS, 0) + open.size()));
		}
		int round = context.getInt(ROUND, 0);
		Instant deadline = Instant.ofEpochMilli(context.getLong(DEADLINE));
		Duration wait = PinFollower.waitBeforeRound(settings.pollInterval(), round);
		Instant next = now.plus(wait);
		int budgetLeft = context.getInt(BUDGET) - context.getInt(REQUESTS, 0);
		if (next.isAfter(deadline) || budgetLeft <= 0) {
			return RepeatStatus.FINISHED;
		}
		Thread.sleep(wait.toMillis());
		PinFollower.Round result = new PinFollower(api.client(), settings.maxRetries(), clock).round(open, budgetLeft);
		for (PinFollower.Update update : result.updates()) {
			String[] key = update.item().key().split("#", 2);
			store.save(key[0], update.result(), null, null);
			progress.rowChanged(update.item().row(), update.result());
			context.putInt(RETRIES + update.item().key(), update.retries());
		}
		context.putInt(REQUESTS, context.getInt(REQUESTS, 0) + result.lookUps());
		context.putInt(ROUND, round + 1);
		progress.publishing(result.stillOpen().size());
		return result.stillOpen().isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
	}

	/** The rows of the input still to follow: outcome unknown, or a transient failure with retries left. */
	private List<PinFollower.Followed> open(String inputKey, ExecutionContext context) {
		List<PinFollower.Followed> open = new ArrayList<>();
		for (RowResultStore.Awaited row : store.awaitingOutcome(inputKey)) {
			String key = inputKey + "#" + row.result().rowNumber();
			int retries = context.getInt(RETRIES + key, 0);
			boolean awaited = row.result().status().awaitsOutcome()
					|| (PinFollower.transientCode(row.result().errorCode()) && retries < settings.maxRetries());
			if (awaited) {
				open.add(new PinFollower.Followed(key, row.result(), row.accountId(), row.sentAt(), retries));
			}
		}
		return open;
	}
}

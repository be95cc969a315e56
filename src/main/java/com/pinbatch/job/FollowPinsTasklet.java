package com.pinbatch.job;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.pinbatch.concurrent.Pause;
import com.pinbatch.follow.FollowProperties;
import com.pinbatch.follow.FollowingLoop;
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
 * {@code maxWait}. One call is one round of the {@link FollowingLoop}, so a restart goes on from where the following
 * stands, creating nothing. Rows whose outcome is still unknown at the end stay CREATED for
 * {@code --follow-up}.
 */
class FollowPinsTasklet implements Tasklet {

	private final ApiSessionSource sessions;

	private final RowResultStore store;

	private final RunProgresses progresses;

	private final FollowProperties settings;

	private final FollowingLoop loop;

	FollowPinsTasklet(ApiSessionSource sessions, RowResultStore store, RunProgresses progresses,
			FollowProperties settings, Clock clock, Pause pause) {
		this.sessions = sessions;
		this.store = store;
		this.progresses = progresses;
		this.settings = settings;
		// the pins were just sent: the first round waits the poll interval
		this.loop = new FollowingLoop("follow.", settings, clock, FollowingLoop.Budget.PER_EXECUTION, false, store,
				pause);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		InputParameters input = InputParameters.of(step.getJobExecution().getJobParameters());
		ApiSession api = sessions.session(input.target()); // null without Zernio (no key): nothing to follow
		if (api == null || settings.maxWait().isZero()) {
			return RepeatStatus.FINISHED;
		}
		String runKey = input.runKey();
		List<PinFollower.Followed> open = open(runKey, step.getExecutionContext());
		RunProgress progress = progresses.of(runKey);
		progress.publishing(open.size());
		Optional<PinFollower.Round> round = loop.next(step, api.client(), open);
		if (round.isEmpty()) {
			return RepeatStatus.FINISHED;
		}
		for (PinFollower.Update update : round.get().updates()) {
			store.save(runKey, update.result(), null, null);
			progress.rowChanged(update.item().row(), update.result());
		}
		// the other runs holding these posts (the run that failed a post this --retry-failed retries) report them as
		// they stand now, when their input is named again: before, the nightly file kept a failure the retry mended
		store.learnt(round.get().updates().stream().map(PinFollower.Update::result).toList());
		progress.publishing(round.get().stillOpen().size());
		return round.get().stillOpen().isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
	}

	/** The rows of the input still to follow: outcome unknown, or a transient failure with retries left. */
	private List<PinFollower.Followed> open(String inputKey, ExecutionContext context) {
		List<PinFollower.Followed> open = new ArrayList<>();
		List<RowResultStore.Awaited> awaited = store.awaitingOutcome(inputKey);
		Map<String, String> posts = new LinkedHashMap<>();
		awaited.forEach(row -> posts.put(inputKey + "#" + row.result().rowNumber(), row.result().postId()));
		Map<String, Integer> spent = loop.retries(context, posts);
		for (RowResultStore.Awaited row : awaited) {
			String key = inputKey + "#" + row.result().rowNumber();
			int retries = spent.get(key);
			boolean waits = row.result().status().awaitsOutcome()
					|| (PinFollower.transientCode(row.result().errorCode()) && retries < settings.maxRetries());
			if (waits) {
				open.add(new PinFollower.Followed(key, row.result(), row.accountId(), row.sentAt(), retries));
			}
		}
		return open;
	}
}

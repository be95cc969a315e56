package com.pinbatch.follow;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.pinbatch.concurrent.Pause;
import com.pinbatch.result.ResultFileBuilder;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.zernio.ZernioClient;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * {@code --follow-up}: reads a result file, asks Zernio what became of its rows still publishing (listing posts by
 * date, many per request), retries transient publish failures on the same post, and writes the result file again.
 * One call is one round of the {@link FollowingLoop}, for at most {@code pinbatch.follow.max-wait} and its request
 * budget, so a follow-up stopped half-way and run again goes on within the same bounds. It creates nothing.
 * When no row changed and the file is written over itself, it is left untouched.
 */
class FollowUpTasklet implements Tasklet {

	private final Path file;

	private final Path target;

	private final ZernioClient client;

	private final Clock clock;

	private final FollowingLoop loop;

	/** Told what the follow-up learnt, for the pins this data folder's runs sent. */
	private final RowResultStore store;

	private FollowUpFile.Read read;

	/** The rows as the file had them, by row number. */
	private final Map<Long, RowResult> before = new LinkedHashMap<>();

	private final Map<Long, RowResult> updates = new HashMap<>();

	private List<PinFollower.Followed> open;

	/**
	 * @param client the paced client of the follow-up's target
	 * @param clock  the time of the world it talks to (decides which scheduled pins are due)
	 */
	FollowUpTasklet(Path file, Path target, ZernioClient client, Clock clock, FollowProperties settings,
			RowResultStore store, Pause pause) {
		this.file = file;
		this.store = store;
		this.target = target;
		this.client = client;
		this.clock = clock;
		// the rows were sent long ago: the first round asks at once
		this.loop = new FollowingLoop("followUp.", settings, clock, FollowingLoop.Budget.ONCE, true, store, pause);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		ExecutionContext context = step.getExecutionContext();
		if (open == null) {
			read = FollowUpFile.read(file, clock.instant());
			read.open().forEach(row -> before.put(row.rowNumber(), row));
			Map<String, String> posts = new LinkedHashMap<>();
			read.open().forEach(row -> posts.put(Long.toString(row.rowNumber()), row.postId()));
			Map<String, Integer> retries = loop.retries(context, posts);
			open = read.open().stream()
				.map(row -> new PinFollower.Followed(Long.toString(row.rowNumber()), row, null, row.finishedAt(),
						retries.get(Long.toString(row.rowNumber()))))
				.toList();
		}
		Optional<PinFollower.Round> round = loop.next(step, client, open);
		if (round.isEmpty()) {
			return finish(step);
		}
		for (PinFollower.Update update : round.get().updates()) {
			RowResult was = before.get(update.result().rowNumber());
			// the row keeps the publish time it was sent with
			updates.put(was.rowNumber(), update.result().withPublishAt(was.publishAt()));
		}
		open = round.get().stillOpen();
		return open.isEmpty() ? finish(step) : RepeatStatus.CONTINUABLE;
	}

	/** Writes the file and keeps what the follow-up did in its job's context, which the repository saves after it. */
	private RepeatStatus finish(StepExecution step) {
		ExecutionContext context = step.getExecutionContext();
		FollowUpTally tally = read.closed().copy();
		int changed = 0;
		for (RowResult row : before.values()) {
			RowResult now = updates.getOrDefault(row.rowNumber(), row);
			tally.add(now);
			changed += now.equals(row) ? 0 : 1;
		}
		boolean written = changed > 0 || !sameFile();
		if (written) {
			ResultFileBuilder.rewrite(file, updates, target);
		}
		store.learnt(updates.values());
		new FollowUpOutcome(tally.counts(), tally.errorCodes(), PinsByAccount.of(written ? target : file, store),
				before.size(), changed, loop.lookUps(context), loop.retriesSent(context))
			.putInto(step.getJobExecution().getExecutionContext());
		return RepeatStatus.FINISHED;
	}

	private boolean sameFile() {
		return file.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize());
	}
}

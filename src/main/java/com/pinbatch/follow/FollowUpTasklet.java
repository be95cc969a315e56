package com.pinbatch.follow;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.pinbatch.job.FollowProperties;
import com.pinbatch.result.ResultFileBuilder;
import com.pinbatch.result.RowResult;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * {@code --follow-up}: reads a result file, asks Zernio what became of its rows still publishing (listing posts by
 * date, many per request), retries transient publish failures on the same post, and writes the result file again.
 * One call is one round; the step's repeat loop calls it again while it returns CONTINUABLE, waiting a little longer
 * each time, for at most {@code pinbatch.follow.max-wait}. The retries spent per row and the requests sent are kept
 * in the step's execution context, so a follow-up stopped half-way and run again goes on within the same bounds. It
 * creates nothing. When no row changed and the file is written over itself, it is left untouched.
 */
class FollowUpTasklet implements Tasklet {

	static final String LOOK_UPS = "followUp.lookUps";
	static final String RETRIES_SENT = "followUp.retriesSent";
	static final String ROUND = "followUp.round";
	static final String DEADLINE = "followUp.deadlineMs";
	static final String EXECUTION = "followUp.stepExecution";
	static final String RETRIES = "followUp.retries.";

	private final Path file;

	private final Path target;

	private final FollowUpSession session;

	private final FollowProperties settings;

	private final ResultFileBuilder files;

	private FollowUpFile.Read read;

	/** The rows as the file had them, by row number. */
	private final Map<Long, RowResult> before = new LinkedHashMap<>();

	private final Map<Long, RowResult> updates = new HashMap<>();

	private List<PinFollower.Followed> open;

	FollowUpTasklet(Path file, Path target, FollowUpSession session, FollowProperties settings,
			ResultFileBuilder files) {
		this.file = file;
		this.target = target;
		this.session = session;
		this.settings = settings;
		this.files = files;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		ExecutionContext context = step.getExecutionContext();
		Clock clock = session.clock();
		if (open == null) {
			start(step, context, clock);
		}
		else {
			Duration wait = PinFollower.waitBeforeRound(settings.pollInterval(), context.getInt(ROUND, 0) - 1);
			if (clock.instant().plus(wait).isAfter(Instant.ofEpochMilli(context.getLong(DEADLINE)))) {
				return finish(context);
			}
			Thread.sleep(wait.toMillis());
		}
		// at most one request per row on average, whatever the rounds: the listing answers for many rows at once
		int budgetLeft = read.open().size() - context.getInt(LOOK_UPS, 0);
		if (open.isEmpty() || budgetLeft <= 0) {
			return finish(context);
		}
		PinFollower.Round round = new PinFollower(session.client(), settings.maxRetries(), clock).round(open,
				budgetLeft);
		for (PinFollower.Update update : round.updates()) {
			RowResult was = before.get(update.result().rowNumber());
			// the row keeps the publish time it was sent with
			updates.put(was.rowNumber(), update.result().withPublishAt(was.publishAt()));
			context.putInt(RETRIES + update.item().key(), update.retries());
		}
		context.putInt(LOOK_UPS, context.getInt(LOOK_UPS, 0) + round.lookUps());
		context.putInt(RETRIES_SENT, context.getInt(RETRIES_SENT, 0) + round.retriesSent());
		context.putInt(ROUND, context.getInt(ROUND, 0) + 1);
		open = round.stillOpen();
		return open.isEmpty() ? finish(context) : RepeatStatus.CONTINUABLE;
	}

	/** Reads the file; a new execution (not a restart's later round) gets its own time window. */
	private void start(StepExecution step, ExecutionContext context, Clock clock) {
		Instant now = clock.instant();
		read = FollowUpFile.read(file, now);
		read.open().forEach(row -> before.put(row.rowNumber(), row));
		open = read.open().stream()
			.map(row -> new PinFollower.Followed(Long.toString(row.rowNumber()), row, null, row.finishedAt(),
					context.getInt(RETRIES + row.rowNumber(), 0)))
			.toList();
		if (context.getLong(EXECUTION, -1L) != step.getId()) {
			context.putLong(EXECUTION, step.getId());
			context.putLong(DEADLINE, now.plus(settings.maxWait()).toEpochMilli());
			context.putInt(ROUND, 0);
		}
	}

	private RepeatStatus finish(ExecutionContext context) {
		FollowUpTally tally = read.closed().copy();
		int changed = 0;
		for (RowResult row : before.values()) {
			RowResult now = updates.getOrDefault(row.rowNumber(), row);
			tally.add(now);
			changed += now.equals(row) ? 0 : 1;
		}
		if (changed > 0 || !sameFile()) {
			files.rewrite(file, updates, target);
		}
		session.finished(new FollowUpSession.Outcome(tally.counts(), tally.errorCodes(), before.size(), changed,
				context.getInt(LOOK_UPS, 0), context.getInt(RETRIES_SENT, 0)));
		return RepeatStatus.FINISHED;
	}

	private boolean sameFile() {
		return file.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize());
	}
}

package com.pinbatch.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.pinbatch.concurrent.Pause;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.stop.GracefulStop;
import com.pinbatch.throttle.SendingStoppedException;
import com.pinbatch.zernio.ZernioClient;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The loop that follows pins until Pinterest has published or refused each, shared by the run's follow step and by
 * {@code --follow-up}. A tasklet calls {@link #next} once per call of the step's repeat loop: one round, after a wait
 * twice as long each time, within a time window per step execution and a request budget. Where the following stands
 * (round, window, requests and retries spent, retries per row) lives in the step's execution context under a prefix,
 * so a restart goes on from there and creates nothing.
 */
public final class FollowingLoop {

	/**
	 * How many requests the following may spend: one per row open, or for few rows what each round of the window asks
	 * (at most {@link #FEW_ROWS_LOOK_UPS}).
	 */
	public enum Budget {
		/** the budget of the rows open at the first execution, for all: a restart goes on within the same bounds */
		ONCE,
		/** a new execution may spend a budget for the rows still open: a restarted run follows again as a run would */
		PER_EXECUTION
	}

	/**
	 * The requests a following of few rows may spend, however few the rows, so that each round of its window asks
	 * (one per row let a run of one row ask once, a few seconds after its send, and leave it CREATED for a pin
	 * published a little later): at most half of two minutes' requests at Zernio's smallest tier.
	 */
	private static final int FEW_ROWS_LOOK_UPS = 60;

	private final String prefix;

	private final FollowProperties settings;

	private final Clock clock;

	private final Budget budget;

	private final boolean firstRoundAtOnce;

	/** Where the retries of each post are kept for later runs and follow-ups; null: known to this step only. */
	private final RowResultStore retriesKept;

	private final Pause pause;

	public FollowingLoop(String prefix, FollowProperties settings, Clock clock, Budget budget,
			boolean firstRoundAtOnce) {
		this(prefix, settings, clock, budget, firstRoundAtOnce, null, Pause.thread());
	}

	/**
	 * @param prefix           the execution context keys' prefix ("follow." ...), one per kind of step
	 * @param firstRoundAtOnce true to ask at once in the first round (the rows were sent long ago), false to wait the
	 *                         poll interval first (they were just sent)
	 * @param pause            the wait between rounds: one a stop ends
	 */
	public FollowingLoop(String prefix, FollowProperties settings, Clock clock, Budget budget,
			boolean firstRoundAtOnce, RowResultStore retriesKept, Pause pause) {
		this.prefix = prefix;
		this.settings = settings;
		this.clock = clock;
		this.budget = budget;
		this.firstRoundAtOnce = firstRoundAtOnce;
		this.retriesKept = retriesKept;
		this.pause = pause;
	}

	/**
	 * Waits, then follows the {@code open} rows one round; the caller records the round's updates.
	 *
	 * @return the round, or empty when the following ends here: nothing open, its time or its requests spent
	 * @throws JobInterruptedException when a stop was asked for (SIGTERM, Ctrl-C) during the wait or the round: the
	 *                                 step and its job end STOPPED, as the history says of a run stopped on request,
	 *                                 not FAILED
	 */
	public Optional<PinFollower.Round> next(StepExecution step, ZernioClient client, List<PinFollower.Followed> open)
			throws Exception {
		try {
			return round(step, client, open);
		}
		catch (SendingStoppedException stop) {
			throw GracefulStop.asStepEnd(stop);
		}
	}

	private Optional<PinFollower.Round> round(StepExecution step, ZernioClient client,
			List<PinFollower.Followed> open) throws InterruptedException {
		ExecutionContext context = step.getExecutionContext();
		Instant now = clock.instant();
		if (context.getLong(key("stepExecution"), -1L) != step.getId()) {
			// this execution's window: a restart follows again for as long as a first execution would
			context.putLong(key("stepExecution"), step.getId());
			context.putLong(key("deadlineMs"), now.plus(settings.maxWait()).toEpochMilli());
			context.putInt(key("round"), 0);
			int wanted = lookUps(context) + Math.max(open.size(),
					Math.min(FEW_ROWS_LOOK_UPS, roundsInWindow() * PinFollower.requestsPerRound(open)));
			if (budget == Budget.PER_EXECUTION || !context.containsKey(key("budget"))) {
				context.putInt(key("budget"), Math.max(context.getInt(key("budget"), 0), wanted));
			}
		}
		int round = context.getInt(key("round"));
		Duration wait = waitBefore(round);
		Instant deadline = Instant.ofEpochMilli(context.getLong(key("deadlineMs")));
		// at most one request per row on average, whatever the rounds (the listing answers for many rows at once),
		// or, for few rows, what each round of the window asks
		int budgetLeft = context.getInt(key("budget")) - lookUps(context);
		// only the first round is owed whatever the window (a --follow-up with max-wait=0s is that round)
		if (open.isEmpty() || budgetLeft <= 0 || ((round > 0 || !wait.isZero()) && now.plus(wait).isAfter(deadline))) {
			return Optional.empty();
		}
		pause.sleep(wait);
		// the first round asks about every row whatever the window (a --follow-up with max-wait=0s is that round);
		// later ones stop asking at the window's end
		// each post's retries are kept as each is sent: a run killed during the round has spent them
		PinFollower follower = new PinFollower(client, settings.maxRetries(), clock, (postId, retries) -> {
			if (retriesKept != null) {
				retriesKept.publishRetried(postId, retries, clock.instant());
			}
		});
		PinFollower.Round result = follower.round(open, budgetLeft, round == 0 ? Instant.MAX : deadline, deadline);
		for (PinFollower.Update update : result.updates()) {
			context.putInt(key("retries.") + update.item().key(), update.retries());
		}
		context.putInt(key("lookUps"), lookUps(context) + result.lookUps());
		context.putInt(key("retriesSent"), retriesSent(context) + result.retriesSent());
		context.putInt(key("round"), round + 1);
		return Optional.of(result);
	}

	private Duration waitBefore(int round) {
		return firstRoundAtOnce ? (round == 0 ? Duration.ZERO
				: PinFollower.waitBeforeRound(settings.pollInterval(), round - 1))
				: PinFollower.waitBeforeRound(settings.pollInterval(), round);
	}

	/**
	 * How many rounds one window holds: the first, then each whose wait ends within max-wait (rounds without a wait
	 * between them, with a poll interval of 0s, count as one: they would only ask again at once).
	 */
	private int roundsInWindow() {
		Duration waited = waitBefore(0);
		int rounds = 1;
		while (rounds < FEW_ROWS_LOOK_UPS && !waitBefore(rounds).isZero()) {
			waited = waited.plus(waitBefore(rounds));
			if (waited.compareTo(settings.maxWait()) > 0) {
				break;
			}
			rounds++;
		}
		return rounds;
	}

	/** The retries already spent on the row of {@code rowKey}, by earlier rounds or executions. */
	public int retries(ExecutionContext context, String rowKey) {
		return context.getInt(key("retries.") + rowKey, 0);
	}

	/**
	 * The retries already spent on each row's post, by row key: by this step's rounds and executions, or by any run or
	 * follow-up before it (retries are per post: before, each night's follow-up, a job of its own, began from none).
	 *
	 * @param postIds each row's post id, by row key
	 */
	public Map<String, Integer> retries(ExecutionContext context, Map<String, String> postIds) {
		Map<String, Integer> kept = retriesKept == null ? Map.of() : retriesKept.publishRetries(postIds.values());
		Map<String, Integer> retries = new HashMap<>();
		postIds.forEach((rowKey, postId) -> retries.put(rowKey, Math.max(retries(context, rowKey),
				postId == null ? 0 : kept.getOrDefault(postId, 0))));
		return retries;
	}

	/** Requests sent to learn outcomes, over all executions. */
	public int lookUps(ExecutionContext context) {
		return context.getInt(key("lookUps"), 0);
	}

	/** Publish retries sent, over all executions. */
	public int retriesSent(ExecutionContext context) {
		return context.getInt(key("retriesSent"), 0);
	}

	private String key(String name) {
		return prefix + name;
	}
}

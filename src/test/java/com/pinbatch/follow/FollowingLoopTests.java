package com.pinbatch.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.LongStream;

import com.pinbatch.concurrent.Pause;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;
import com.pinbatch.throttle.SendingStoppedException;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

/**
 * The bounds of the following loop that need no request to show: where it ends before asking Zernio. (What it asks
 * and records is followed end to end by the follow-up and follow-step tests.) No client is given: a loop that asked
 * anyway would fail on it.
 */
class FollowingLoopTests {

	private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

	private static final FollowProperties SETTINGS = new FollowProperties(Duration.ofMinutes(2), Duration.ofSeconds(3),
			2);

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void aFollowUpRunAgainAfterSpendingOneRequestPerRowAsksNoMore() throws Exception {
		// given: an earlier execution of the step that spent its three requests on three rows
		FollowingLoop loop = new FollowingLoop("followUp.", SETTINGS, clock, FollowingLoop.Budget.ONCE, true);
		StepExecution earlier = MetaDataInstanceFactory.createStepExecution("followUp", 1L);
		earlier.getExecutionContext().putInt("followUp.budget", 3);
		earlier.getExecutionContext().putInt("followUp.lookUps", 3);
		earlier.getExecutionContext().putLong("followUp.stepExecution", 1L);
		StepExecution again = MetaDataInstanceFactory.createStepExecution("followUp", 2L);
		again.setExecutionContext(earlier.getExecutionContext());

		// when / then
		assertThat(loop.next(again, null, created(3))).isEmpty();
		assertThat(loop.lookUps(again.getExecutionContext())).isEqualTo(3);
	}

	@Test
	void theFollowingEndsWhenTheNextWaitWouldEndPastItsWindow() throws Exception {
		// given: the follow step's window, opened two minutes ago, and a round already asked
		FollowingLoop loop = new FollowingLoop("follow.", SETTINGS, clock, FollowingLoop.Budget.PER_EXECUTION, false);
		StepExecution step = MetaDataInstanceFactory.createStepExecution("follow", 7L);
		step.getExecutionContext().putLong("follow.stepExecution", 7L);
		step.getExecutionContext().putLong("follow.deadlineMs", NOW.plusSeconds(1).toEpochMilli());
		step.getExecutionContext().putInt("follow.round", 1);
		step.getExecutionContext().putInt("follow.budget", 10);

		// when / then
		assertThat(loop.next(step, null, created(3))).isEmpty();
	}

	@Test
	void theWaitBeforeARoundIsTheOneAStopEnds() {
		// given: a follow step about to wait its first round's poll interval, its pause ended by a stop
		List<Duration> waited = new ArrayList<>();
		FollowingLoop loop = followStep(stoppedAfter(waited));
		StepExecution step = MetaDataInstanceFactory.createStepExecution("follow", 7L);

		// when / then: the stop ends the step there, before any look-up, as Spring Batch's interruption: the step and
		// its job end STOPPED (before, the stop itself was thrown, and a run stopped by Ctrl-C while it followed its
		// pins was FAILED in the console's history), its one line kept as the cause
		assertThatThrownBy(() -> loop.next(step, null, created(3))).isInstanceOf(JobInterruptedException.class)
			.hasRootCauseInstanceOf(SendingStoppedException.class)
			.hasRootCauseMessage("stopped");
		assertThat(waited).containsExactly(SETTINGS.pollInterval());
		assertThat(loop.lookUps(step.getExecutionContext())).isZero();
	}

	@Test
	void aRunOfOneRowAsksAgainInTheNextRoundOfItsWindow() throws Exception {
		// given: a follow step whose first round asked Zernio once about its one row, still publishing
		List<Duration> waited = new ArrayList<>();
		FollowingLoop loop = followStep(stoppedAfter(waited));
		StepExecution step = MetaDataInstanceFactory.createStepExecution("follow", 7L);
		assertThatThrownBy(() -> loop.next(step, null, created(1))).isInstanceOf(JobInterruptedException.class);
		step.getExecutionContext().putInt("follow.lookUps", 1);
		step.getExecutionContext().putInt("follow.round", 1);

		// when / then: it waits for a second round (before, one request per row ended the following there, and the
		// row stayed CREATED though its pin went live seconds later, well within max-wait)
		assertThatThrownBy(() -> loop.next(step, null, created(1))).isInstanceOf(JobInterruptedException.class);
		assertThat(waited).containsExactly(SETTINGS.pollInterval(), SETTINGS.pollInterval().multipliedBy(2));
	}

	@Test
	void manyRowsSpendAtMostOneRequestPerRowAndFewRowsOfManyAccountsAtMostSixty() throws Exception {
		// given: 1,000 rows of one account; 30 rows of 30 accounts, each asked alone in each of the window's 6 rounds
		StepExecution many = MetaDataInstanceFactory.createStepExecution("follow", 7L);
		StepExecution few = MetaDataInstanceFactory.createStepExecution("follow", 8L);

		// when
		assertThatThrownBy(() -> followStep(stoppedAfter(new ArrayList<>())).next(many, null,
				created(1000, row -> "acme-home"))).isInstanceOf(JobInterruptedException.class);
		assertThatThrownBy(() -> followStep(stoppedAfter(new ArrayList<>())).next(few, null,
				created(30, row -> "account-" + row))).isInstanceOf(JobInterruptedException.class);

		// then
		assertThat(many.getExecutionContext().getInt("follow.budget")).isEqualTo(1000);
		assertThat(few.getExecutionContext().getInt("follow.budget")).isEqualTo(60);
	}

	@Test
	void aPollIntervalOfNoTimeAsksOnceNotAgainAndAgain() throws Exception {
		// given: a --follow-up of one row with neither a wait between rounds nor a window, its first round asked
		FollowProperties noWaits = new FollowProperties(Duration.ZERO, Duration.ZERO, 2);
		List<Duration> waited = new ArrayList<>();
		FollowingLoop loop = new FollowingLoop("followUp.", noWaits, clock, FollowingLoop.Budget.ONCE, true, null,
				stoppedAfter(waited));
		StepExecution step = MetaDataInstanceFactory.createStepExecution("followUp", 7L);
		assertThatThrownBy(() -> loop.next(step, null, created(1))).isInstanceOf(JobInterruptedException.class);
		step.getExecutionContext().putInt("followUp.lookUps", 1);
		step.getExecutionContext().putInt("followUp.round", 1);

		// when / then: the following ends (before, a round at once, again and again: the step never ended)
		assertThat(loop.next(step, null, created(1))).isEmpty();
		assertThat(step.getExecutionContext().getInt("followUp.budget")).isOne();
	}

	@Test
	void nothingOpenAsksNothing() throws Exception {
		FollowingLoop loop = new FollowingLoop("follow.", SETTINGS, clock, FollowingLoop.Budget.PER_EXECUTION, false);
		StepExecution step = MetaDataInstanceFactory.createStepExecution("follow", 7L);

		assertThat(loop.next(step, null, List.of())).isEmpty();
		assertThat(loop.lookUps(step.getExecutionContext())).isZero();
	}

	/** The run's follow step, waiting between rounds with {@code pause}. */
	private FollowingLoop followStep(Pause pause) {
		return new FollowingLoop("follow.", SETTINGS, clock, FollowingLoop.Budget.PER_EXECUTION, false, null, pause);
	}

	/** A wait a stop ends: it notes how long it was to be, and ends the step there, before any look-up. */
	private static Pause stoppedAfter(List<Duration> waited) {
		return duration -> {
			waited.add(duration);
			throw new SendingStoppedException(SendingStoppedException.Reason.INTERRUPTED, "stopped");
		};
	}

	/** Rows Zernio accepted whose outcome on Pinterest is not known yet, of accounts not known. */
	private static List<PinFollower.Followed> created(int rows) {
		return created(rows, row -> null);
	}

	/** The same, each of the account {@code accountOf} gives its row number. */
	private static List<PinFollower.Followed> created(int rows, LongFunction<String> accountOf) {
		return LongStream.rangeClosed(2, rows + 1)
			.mapToObj(row -> new RowResult(row, RowStatus.CREATED, "post-" + row, null, null, null, 1, "req-" + row,
					NOW.minusSeconds(60), null))
			.map(result -> new PinFollower.Followed(Long.toString(result.rowNumber()), result,
					accountOf.apply(result.rowNumber()), NOW.minusSeconds(60), 0))
			.toList();
	}
}

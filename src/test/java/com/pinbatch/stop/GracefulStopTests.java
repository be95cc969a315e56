package com.pinbatch.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.pinbatch.throttle.SendingStoppedException;
import com.pinbatch.zernio.RateLimitInfo;
import com.pinbatch.zernio.RequestGate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobInterruptedException;

/**
 * What a stop asked for before or between jobs does: no job runs here (those stops are the jobs' own tests), so what
 * is checked is the bookkeeping every phase consults, and the gate the look-ups go through.
 */
class GracefulStopTests {

	private final ExecutorService senders = Executors.newFixedThreadPool(2);

	private final GracefulStop stop = new GracefulStop(null, senders, "run.key");

	@AfterEach
	void shutDown() {
		senders.shutdownNow();
	}

	@Test
	void aStopAskedForLetsNoFurtherLookUpOutAndEndsTheSendingThreads() throws InterruptedException {
		// given: the look-ups' gate, open until the stop
		RequestGate gate = stop.guard(RequestGate.OPEN);
		gate.enter();

		// when
		stop.request();

		// then
		Throwable refused = catchThrowable(gate::enter);
		assertThat(refused).isInstanceOf(SendingStoppedException.class).hasMessage(GracefulStop.STOPPED);
		assertThat(gate.retryAfterRateLimit(RateLimitInfo.NONE, 1)).as("a 429 is not waited out").isFalse();
		assertThat(gate.retryAfterFailure(RateLimitInfo.NONE, 1)).as("nor a failure").isFalse();
		assertThat(senders.isShutdown()).isTrue();
		assertThat(stop.wasRequested()).isTrue();
		assertThat(stop.isRequested("any run")).isTrue();
	}

	@Test
	void aStopEndsAStepsWaitAtTheGateItsLookUpsWaitAt() throws InterruptedException {
		// given: a step's look-up waiting for its turn (a 429's Retry-After of minutes, played by a wait with no end)
		CountDownLatch neverOpens = new CountDownLatch(1);
		CountDownLatch waiting = new CountDownLatch(1);
		RequestGate gate = stop.guard(new RequestGate() {

			@Override
			public void enter() throws InterruptedException {
				waiting.countDown();
				neverOpens.await();
			}

			@Override
			public void answered(RateLimitInfo rateLimit) {
			}

			@Override
			public boolean retryAfterRateLimit(RateLimitInfo rateLimit, int attempts) {
				return true;
			}

			@Override
			public boolean retryAfterFailure(RateLimitInfo rateLimit, int attempts) {
				return true;
			}
		});
		AtomicReference<Throwable> ended = new AtomicReference<>();
		Thread step = new Thread(() -> ended.set(catchThrowable(gate::enter)), "plan step");
		step.setDaemon(true);
		step.start();
		waiting.await();

		// when
		stop.request();
		step.join(30_000); // a guard, not a measure: before, the wait went on to its end (the process was halted)

		// then: the step's wait ends with the stop's own words, so its step ends STOPPED and restarts
		assertThat(step.isAlive()).isFalse();
		assertThat(ended.get()).isInstanceOf(SendingStoppedException.class).hasMessage(GracefulStop.STOPPED);
	}

	@Test
	void aStopEndsTheFollowStepsWaitBetweenItsRounds() throws InterruptedException {
		// given: a follow step waiting before its next round (up to 30 s, which a stop had to sit out)
		AtomicReference<Throwable> ended = new AtomicReference<>();
		Thread step = new Thread(() -> ended.set(catchThrowable(() -> stop.pause().sleep(Duration.ofHours(1)))),
				"follow step");
		step.setDaemon(true);
		step.start();
		while (step.getState() != Thread.State.TIMED_WAITING) {
			Thread.onSpinWait();
		}

		// when
		stop.request();
		step.join(30_000); // a guard, not a measure: before, the wait went on to its end

		// then
		assertThat(step.isAlive()).isFalse();
		assertThat(ended.get()).isInstanceOf(SendingStoppedException.class).hasMessage(GracefulStop.STOPPED);
		assertThat(catchThrowable(() -> stop.pause().sleep(Duration.ofHours(1)))).as("a wait after the stop")
			.isInstanceOf(SendingStoppedException.class);
	}

	@Test
	void aStopAskedForEndsAStepAsSpringBatchsInterruptionAFailureStaysOne() {
		// given: what a step's sending or planning threw
		SendingStoppedException asked = new SendingStoppedException(SendingStoppedException.Reason.INTERRUPTED,
				GracefulStop.STOPPED);
		SendingStoppedException keyRejected = new SendingStoppedException(
				SendingStoppedException.Reason.ACCESS_REFUSED, "Zernio rejected the API key");

		// then: the stop ends its step STOPPED (Spring Batch's rule: an interruption, or one as the cause), with
		// the line that says why; the rejected key fails it
		assertThat(GracefulStop.asStepEnd(asked)).isInstanceOf(JobInterruptedException.class)
			.hasMessage(GracefulStop.STOPPED)
			.hasCause(asked);
		assertThat(GracefulStop.asStepEnd(keyRejected)).isSameAs(keyRejected);
	}

	@Test
	void oneRunStoppedAloneLeavesTheOthersGoingUntilItsStopIsForgotten() {
		// when: this process lost the lease of one input's run, twice over (the first reason is the one told)
		stop.stopRun("garden", "lost the lease on garden.csv");
		stop.stopRun("garden", "a later reason");

		// then
		assertThat(catchThrowable(() -> stop.throwIfRequested("garden"))).isInstanceOf(SendingStoppedException.class)
			.hasMessage("lost the lease on garden.csv");
		assertThat(stop.reasonFor("garden")).isEqualTo("lost the lease on garden.csv");
		assertThatCode(() -> stop.throwIfRequested("kitchen")).doesNotThrowAnyException();
		assertThat(stop.isRequested("kitchen")).isFalse();
		assertThat(stop.wasRequested()).as("the process goes on").isFalse();
		assertThat(senders.isShutdown()).as("the shared sending threads go on").isFalse();

		// and when its request has ended, the same input may run again in this process
		stop.forgetRun("garden");
		assertThat(stop.isRequested("garden")).isFalse();
		assertThatCode(() -> stop.throwIfRequested("garden")).doesNotThrowAnyException();
	}
}

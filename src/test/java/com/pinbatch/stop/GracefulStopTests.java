package com.pinbatch.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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

package com.pinbatch.throttle;

import static com.pinbatch.throttle.Answers.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.pinbatch.zernio.RateLimitInfo;
import com.pinbatch.zernio.RequestGate;

/** Zernio calls other than creates (account and board look-ups) going through the sender's pace. */
class PacedCallsTests {

	private final FakeTime time = new FakeTime();

	private final List<Instant> createdAt = new CopyOnWriteArrayList<>();

	@Test
	void lookUpsCountAsOurOwnRequestsSoThePaceStaysAtTheCeilingAfterThem() throws InterruptedException {
		// given: 53 look-ups (an account list and 52 board lists), each answered with the window it left
		PacedSender sender = sender(Answers.window(600, 600 - 54));
		RequestGate gate = sender.requestGate();
		for (int lookUp = 0; lookUp < 53; lookUp++) {
			gate.enter();
			gate.answered(Answers.window(600, 599 - lookUp));
		}

		// when
		sender.send("bench-001", REQUEST, "req-1");

		// then: not mistaken for another program's 53 requests, which would cut the pace for a minute
		assertThat(sender.stats().pacePerMinute()).isEqualTo(600 * 0.98);
	}

	@Test
	void lookUpsTakeTheirTurnAtThePaceOfTheCreates() throws InterruptedException {
		// given
		PacedSender sender = sender(Answers.window(600, 500));
		RequestGate gate = sender.requestGate();
		List<Instant> lookedUpAt = new ArrayList<>();

		// when
		for (int lookUp = 0; lookUp < 22; lookUp++) {
			gate.enter();
			lookedUpAt.add(time.instant());
			gate.answered(Answers.window(600, 599 - lookUp));
		}
		sender.send("bench-001", REQUEST, "req-1");

		// then: the first answer sets the pace; twenty look-ups after the next one need nineteen periods, and the
		// create after them waits its turn too
		Duration period = Duration.ofNanos(Math.round(60e9 / 588));
		assertThat(Duration.between(lookedUpAt.get(2), lookedUpAt.get(21)))
			.isGreaterThanOrEqualTo(period.multipliedBy(18));
		assertThat(createdAt.get(0)).isAfter(lookedUpAt.get(21));
	}

	@Test
	void aLookUpAnsweredTooManyRequestsIsSentAgainAfterEveryoneWaited() throws InterruptedException {
		// given
		PacedSender sender = sender(Answers.window(600, 500));
		RequestGate gate = sender.requestGate();
		gate.enter();
		RateLimitInfo drained = new RateLimitInfo(600, 0, null, Duration.ofSeconds(20));
		gate.answered(drained);

		// when
		boolean again = gate.retryAfterRateLimit(drained, 1);
		sender.send("bench-001", REQUEST, "req-1");

		// then: the creates wait as well, the window is the same
		assertThat(again).isTrue();
		assertThat(createdAt.get(0)).isAfterOrEqualTo(FakeTime.START.plusSeconds(20));
		assertThat(sender.stats().rateLimited()).isEqualTo(1);
	}

	@Test
	void aLookUpRateLimitedOnEveryAttemptIsGivenUp() {
		PacedSender sender = sender(Answers.window(600, 500));

		boolean again = sender.requestGate().retryAfterRateLimit(new RateLimitInfo(600, 0, null, Duration.ZERO), 6);

		assertThat(again).isFalse();
	}

	@Test
	void aLookUpAnsweredUnavailableIsSentAgainAfterTheWaitZernioAskedFor() throws InterruptedException {
		// given
		PacedSender sender = sender(Answers.window(600, 500));
		RequestGate gate = sender.requestGate();
		gate.enter();
		RateLimitInfo unavailable = new RateLimitInfo(600, 500, null, Duration.ofSeconds(40));

		// when
		boolean again = gate.retryAfterFailure(unavailable, 1);

		// then
		assertThat(again).isTrue();
		assertThat(time.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(40));
		assertThat(sender.stats().retries()).isEqualTo(1);
	}

	@Test
	void aLookUpFailingOnEveryAttemptIsGivenUp() throws InterruptedException {
		PacedSender sender = sender(Answers.window(600, 500));

		boolean again = sender.requestGate().retryAfterFailure(null, 6);

		assertThat(again).isFalse();
		assertThat(time.elapsed()).isZero();
	}

	private PacedSender sender(RateLimitInfo createAnswers) {
		return new PacedSender((request, requestId) -> {
			createdAt.add(time.instant());
			return Answers.created(requestId, createAnswers);
		}, new ThrottleSettings(null, 600, 0.98, 25, 25, 6, Duration.ofMillis(500), Duration.ofSeconds(60),
				Duration.ofMinutes(5), 8), ThrottleListener.NONE, time, time);
	}
}

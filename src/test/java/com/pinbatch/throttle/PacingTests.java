package com.pinbatch.throttle;

import static com.pinbatch.throttle.Answers.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.pinbatch.zernio.RateLimitInfo;


class PacingTests {

	private final FakeTime time = new FakeTime();

	@Test
	void startsCautiouslyOnePermitAtATime() {
		PacedSender sender = sender(new ThrottleSettings(null, 60, 0.98, 25, 25, 6, Duration.ofMillis(500),
				Duration.ofSeconds(60), Duration.ofMinutes(5), 8), Answers.window(600, 599));

		assertThat(sender.stats().pacePerMinute()).isEqualTo(60);
	}

	@Test
	void followsTheAnnouncedCeilingWithHeadroom() {
		PacedSender sender = sender(settings(null), Answers.window(600, 599));

		sender.send("acme-home", REQUEST, "req-1");

		assertThat(sender.stats().pacePerMinute()).isEqualTo(588);
	}

	@Test
	void aConfiguredRateCapsTheCeiling() {
		PacedSender sender = sender(settings(300), Answers.window(1200, 1199));

		sender.send("acme-home", REQUEST, "req-1");

		assertThat(sender.stats().pacePerMinute()).isEqualTo(300 * 0.98);
	}

	@Test
	void slowsDownForOtherUsersOfTheSameKey() {
		// one send of ours, yet the window shows 301 used: 300 belong to someone else
		PacedSender sender = sender(settings(null), Answers.window(600, 299));

		sender.send("acme-home", REQUEST, "req-1");

		assertThat(sender.stats().pacePerMinute()).isEqualTo(300 * 0.98);
	}

	@Test
	void whatIsLeftOfTheWindowMustLastUntilOurOldestSendLeavesIt() {
		// about 30 s of sending at the ceiling, then the window shows 150 slots left: 160 requests are not ours (a
		// neighbour that started with us, still filling its part), and none of our slots frees before our first
		// send is 60 s old, so the 150 must last until then
		int ours = 290;
		AtomicInteger sends = new AtomicInteger();
		PacedSender sender = new PacedSender((request, requestId) -> Answers.created(requestId,
				sends.incrementAndGet() < ours ? Answers.window(600, 599) : Answers.window(600, 150)), settings(null),
				ThrottleListener.NONE, time, time);

		for (int row = 0; row < ours; row++) {
			sender.send("account-" + row % 12, REQUEST, "req-" + row);
		}

		// the share the window shows would allow (600 - 160) * 0.98 = 431 per minute; one of the 150 slots stays
		// spare
		double secondsUntilOurFirstSendLeaves = 60 - Duration.between(FakeTime.START, time.instant()).toMillis() / 1000.0;
		assertThat(sender.stats().pacePerMinute()).isCloseTo(149 * 60 / secondsUntilOurFirstSendLeaves, within(0.5))
			.isLessThan(310);
	}

	@Test
	void sendsAreSpreadAtTheAnnouncedPace() {
		List<Instant> sentAt = new CopyOnWriteArrayList<>();
		PacedSender sender = new PacedSender((request, requestId) -> {
			sentAt.add(time.instant());
			return Answers.created(requestId, Answers.window(600, 500));
		}, settings(null), ThrottleListener.NONE, time, time);

		for (int row = 0; row < 22; row++) {
			sender.send("account-" + row % 4, REQUEST, "req-" + row);
		}

		// the first answer sets the pace; the twenty sends after the next one need nineteen periods
		Duration period = Duration.ofNanos(Math.round(60e9 / 588));
		assertThat(Duration.between(sentAt.get(2), sentAt.get(21))).isGreaterThanOrEqualTo(period.multipliedBy(18));
	}

	@Test
	void aDrainedWindowHoldsEverySenderUntilItResets() {
		List<Instant> sentAt = new CopyOnWriteArrayList<>();
		PacedSender sender = new PacedSender((request, requestId) -> {
			sentAt.add(time.instant());
			RateLimitInfo drained = new RateLimitInfo(600, 0, FakeTime.START.plusSeconds(9), null);
			return Answers.created(requestId, sentAt.size() == 1 ? drained : Answers.window(600, 500));
		}, settings(null), ThrottleListener.NONE, time, time);

		sender.send("acme-home", REQUEST, "req-1");
		sender.send("acme-garden", REQUEST, "req-2");

		assertThat(sentAt.get(1)).isAfterOrEqualTo(FakeTime.START.plusSeconds(9));
	}

	@Test
	void aRefusalThatSaysToComeBackInASecondHoldsTheJobForAboutASecond() {
		// the 429 shows the window full while we sent three requests: counted as the others' for seconds, that
		// count held every send for 10 s, though Zernio said to come back after one
		List<Instant> sentAt = new CopyOnWriteArrayList<>();
		PacedSender sender = new PacedSender((request, requestId) -> {
			sentAt.add(time.instant());
			return sentAt.size() == 3 ? Answers.tooManyRequests(0, Duration.ofSeconds(1), null)
					: Answers.created(requestId, Answers.window(600, 600 - sentAt.size()));
		}, settings(null), ThrottleListener.NONE, time, time);

		for (int row = 0; row < 5; row++) {
			assertThat(sender.send("account-" + row, REQUEST, "req-" + row).created()).isTrue();
		}

		// the refused send goes again after the second asked (give or take its jitter), and the others follow at
		// the pace, not held by a count that the resend's answer replaced
		assertThat(sentAt).hasSize(6);
		assertThat(Duration.between(sentAt.get(2), sentAt.get(5))).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void aStormMetAfterSendsWentThroughIsWaitedOutAsAskedNotLonger() {
		// storms half the time that ask for 20 s (every 30 s, for 15): a hold that ended 3 s before the next storm
		// let two sends through, and the refusal of the third was taken for a storm met by the first send after the
		// hold, that comes back as often as it asks to wait; the hold made longer for that ended in the next storm,
		// and so on (a run resumed into such storms made 2 pins in 4 minutes)
		List<Instant> sentAt = new CopyOnWriteArrayList<>();
		PacedSender sender = new PacedSender((request, requestId) -> {
			sentAt.add(time.instant());
			return sentAt.size() == 1 || sentAt.size() == 4 ? Answers.tooManyRequests(0, Duration.ofSeconds(20), null)
					: Answers.created(requestId, Answers.window(600, 600 - sentAt.size()));
		}, settings(null), ThrottleListener.NONE, time, time);

		for (int row = 0; row < 3; row++) {
			assertThat(sender.send("account-" + row, REQUEST, "req-" + row).created()).isTrue();
		}

		// the send after the second refusal goes when the 20 s asked are over (give or take its jitter)
		assertThat(sentAt).hasSize(5);
		assertThat(Duration.between(sentAt.get(3), sentAt.get(4))).isLessThan(Duration.ofSeconds(25));
	}

	@Test
	void pacesInRealTimeAtTheConfiguredRate() {
		ThrottleSettings settings = new ThrottleSettings(600, 600, 1.0, 25, 25, 6, Duration.ofMillis(500),
				Duration.ofSeconds(60), Duration.ofMinutes(5), 8);
		PacedSender sender = new PacedSender((request, requestId) -> Answers.created(requestId,
				Answers.window(1200, 1100)), settings, ThrottleListener.NONE, Clock.systemUTC(), Sleeper.REAL);

		for (int row = 0; row < 5; row++) {
			assertThat(sender.send("acme-home", REQUEST, "req-" + row).created()).isTrue();
		}

		assertThat(sender.stats().sends()).isEqualTo(5);
		// the configured 600, less the one slot of the window kept spare
		assertThat(sender.stats().pacePerMinute()).isEqualTo(599);
	}

	private PacedSender sender(ThrottleSettings settings, RateLimitInfo answered) {
		return new PacedSender((request, requestId) -> Answers.created(requestId, answered), settings,
				ThrottleListener.NONE, time, time);
	}

	private static ThrottleSettings settings(Integer configured) {
		return new ThrottleSettings(configured, 600, 0.98, 25, 25, 6, Duration.ofMillis(500), Duration.ofSeconds(60),
				Duration.ofMinutes(5), 8);
	}
}

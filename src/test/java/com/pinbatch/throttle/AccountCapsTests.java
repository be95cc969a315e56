package com.pinbatch.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class AccountCapsTests {

	private final FakeTime time = new FakeTime();

	@Test
	void refusesTheCreateBeyondTheHourlyCapUntilTheOldestLeavesTheHour() throws Exception {
		AccountCaps caps = new AccountCaps(3, 100, time);
		createAt(caps, "acme-home", 3, Duration.ofMinutes(10));

		Optional<AccountCaps.Refusal> refusal = caps.reserve("acme-home");

		assertThat(refusal).get().satisfies(r -> {
			assertThat(r.why()).isEqualTo("reached its 3 pins per hour cap");
			assertThat(r.freesAt()).isEqualTo(FakeTime.START.plusSeconds(3600));
		});
		time.advance(Duration.ofMinutes(40));
		assertThat(caps.reserve("acme-home")).isEmpty();
	}

	@Test
	void refusesTheCreateBeyondTheDailyCapForADay() throws Exception {
		AccountCaps caps = new AccountCaps(100, 2, time);
		createAt(caps, "acme-home", 2, Duration.ofHours(2));
		time.advance(Duration.ofHours(5));

		assertThat(caps.reserve("acme-home")).get().satisfies(r -> {
			assertThat(r.why()).isEqualTo("reached its 2 pins per day cap");
			assertThat(r.freesAt()).isEqualTo(FakeTime.START.plus(Duration.ofDays(1)));
		});
	}

	@Test
	void withBothCapsFullNamesTheOneThatFreesLast() throws Exception {
		AccountCaps caps = new AccountCaps(2, 2, time);
		createAt(caps, "acme-home", 2, Duration.ofMinutes(1));

		assertThat(caps.reserve("acme-home")).get()
			.satisfies(r -> assertThat(r.why()).isEqualTo("reached its 2 pins per day cap"));
	}

	@Test
	void aReleasedSlotCountsNothing() throws Exception {
		AccountCaps caps = new AccountCaps(1, 1, time);
		assertThat(caps.reserve("acme-home")).isEmpty();
		caps.release("acme-home");

		assertThat(caps.reserve("acme-home")).isEmpty();
	}

	@Test
	void accountsAreCappedIndependently() throws Exception {
		AccountCaps caps = new AccountCaps(1, 1, time);
		createAt(caps, "acme-home", 1, Duration.ZERO);

		assertThat(caps.reserve("acme-home")).isPresent();
		assertThat(caps.reserve("acme-garden")).isEmpty();
	}

	@Test
	void aParkedAccountIsRefusedUntilTheGivenTime() throws Exception {
		AccountCaps caps = new AccountCaps(25, 25, time);
		caps.park("acme-home", FakeTime.START.plus(Duration.ofMinutes(20)), "was held back by Zernio");

		assertThat(caps.reserve("acme-home")).get().satisfies(r -> {
			assertThat(r.why()).isEqualTo("was held back by Zernio");
			assertThat(r.freesAt()).isEqualTo(FakeTime.START.plus(Duration.ofMinutes(20)));
		});
		time.advance(Duration.ofMinutes(20));
		assertThat(caps.reserve("acme-home")).isEmpty();
	}

	@Test
	void theLastSlotWaitsForTheSendsInFlightToSettle() throws Exception {
		AccountCaps caps = new AccountCaps(1, 1, time);
		assertThat(caps.reserve("acme-home")).isEmpty();
		CountDownLatch asking = new CountDownLatch(1);

		CompletableFuture<Optional<AccountCaps.Refusal>> second = CompletableFuture.supplyAsync(() -> {
			asking.countDown();
			try {
				return caps.reserve("acme-home");
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
		});
		asking.await();
		assertThat(second).isNotDone();
		caps.confirm("acme-home");

		assertThat(second.get(5, TimeUnit.SECONDS)).isPresent();
	}

	@Test
	void pinsScheduledOverSeveralDaysTakeSlotsWhereTheyGoLive() throws Exception {
		AccountCaps caps = new AccountCaps(25, 25, time);
		Instant firstDay = FakeTime.START.plus(Duration.ofHours(20));
		// 25, 25 and 10 pins on three days, half an hour apart: within both caps in every rolling window
		for (int n = 0; n < 60; n++) {
			Instant at = firstDay.plus(Duration.ofDays(n / 25)).plus(Duration.ofMinutes(30L * (n % 25)));
			assertThat(caps.reserve("acme-home", at)).as("pin %d at %s", n, at).isEmpty();
			caps.confirm("acme-home", at);
		}

		assertThat(caps.reserve("acme-home", firstDay.plus(Duration.ofHours(18)))).get()
			.satisfies(r -> assertThat(r.why()).contains("25 pins per day cap is full"));
		assertThat(caps.reserve("acme-home")).isEmpty();
	}

	@Test
	void theTwentySixthPinScheduledInOneHourFindsItsSlotFull() throws Exception {
		AccountCaps caps = new AccountCaps(25, 100, time);
		Instant hour = FakeTime.START.plus(Duration.ofDays(2));
		for (int n = 1; n <= 25; n++) {
			assertThat(caps.reserve("acme-home", hour.plus(Duration.ofMinutes(2L * n)))).isEmpty();
			caps.confirm("acme-home", hour.plus(Duration.ofMinutes(2L * n)));
		}
		Instant full = hour.plus(Duration.ofMinutes(59));

		assertThat(caps.reserve("acme-home", full)).get().satisfies(r -> {
			assertThat(r.slot()).isEqualTo(full);
			assertThat(r.why()).isEqualTo("has no free slot at " + full + ": its 25 pins per hour cap is full around"
					+ " that time");
		});
		// a window is [start, start + 1 h): a pin an hour after the first shares no hour with it
		assertThat(caps.reserve("acme-home", hour.plus(Duration.ofMinutes(62)))).isEmpty();
		assertThat(caps.reserve("acme-home")).isEmpty();
	}

	@Test
	void aReleasedScheduledSlotCountsNothing() throws Exception {
		AccountCaps caps = new AccountCaps(1, 1, time);
		Instant at = FakeTime.START.plus(Duration.ofDays(3));
		assertThat(caps.reserve("acme-home", at)).isEmpty();
		caps.release("acme-home", at);

		assertThat(caps.reserve("acme-home", at)).isEmpty();
	}

	@Test
	void aParkedAccountStillTakesScheduledPins() throws Exception {
		AccountCaps caps = new AccountCaps(25, 25, time);
		caps.park("acme-home", FakeTime.START.plus(Duration.ofMinutes(20)), "was held back by Zernio");

		assertThat(caps.reserve("acme-home", FakeTime.START.plus(Duration.ofDays(1)))).isEmpty();
		assertThat(caps.reserve("acme-home")).isPresent();
	}

	/** {@code count} creates, {@code apart} from each other, starting at the fake clock's start. */
	private void createAt(AccountCaps caps, String accountId, int count, Duration apart) throws InterruptedException {
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				time.advance(apart);
			}
			assertThat(caps.reserve(accountId)).isEmpty();
			caps.confirm(accountId);
		}
	}
}

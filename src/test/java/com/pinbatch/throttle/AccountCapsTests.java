package com.pinbatch.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

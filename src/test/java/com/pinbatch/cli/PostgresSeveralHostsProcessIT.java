package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.pinbatch.lease.PostgresDatabasePerTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What only a job repository shared by several machines allows, with the packaged jar as separate processes on a real
 * PostgreSQL server (a fresh database per test): a run resumed from another host, and the run lease between hosts.
 * Apart from PostgresCrashRestartProcessIT so that the two run side by side. Skipped, with the reason, where no server
 * is available.
 */
class PostgresSeveralHostsProcessIT extends ProcessRuns {

	/** Long, so that a process started right after a heartbeat surely sees it fresh, however slow the machine. */
	private static final Duration LEASE_TTL = Duration.ofMinutes(5);

	@RegisterExtension
	final PostgresDatabasePerTest database = new PostgresDatabasePerTest();

	@Override
	List<String> repositoryArguments() {
		return repositoryArguments(database);
	}

	/** The test's database as the job repository, with a lease that outlives the slowest machine's pauses. */
	static List<String> repositoryArguments(PostgresDatabasePerTest database) {
		List<String> arguments = new ArrayList<>(database.get().commandLineArguments());
		arguments.add("--pinbatch.lease.ttl=" + LEASE_TTL);
		return arguments;
	}

	@Test
	void killNineOnOneHostThenAnotherHostFinishesWithoutDuplicates() throws Exception {
		// given: host A dies by SIGKILL right after the server stored the 35th post, before it could answer
		Path input = pins(ROWS);
		killWhenPostCount(35, Process::destroyForcibly);

		// when: host B (its own data folder, only the database shared) runs the same command
		int crashed = runToEnd(input, "host-a", dir.resolve("host-a"));
		sandbox.onPostCreated(post -> {
		});
		int resumed = runToEnd(input, "host-b", dir.resolve("host-b"));

		// then
		assertThat(crashed).as("killed by SIGKILL").isEqualTo(137);
		assertThat(resumed).as(log("host-b")).isZero();
		assertThat(log("host-b")).contains("resuming");
		assertEveryRowExactlyOnce(input);
	}


	@Test
	void runOfAHostThatDiedIsTakenOverOnlyOnceItsLeaseIsStale() throws Exception {
		// given: host A killed mid-run; its lease row stays behind
		Path input = pins(ROWS);
		killWhenPostCount(35, Process::destroyForcibly);
		int crashed = runToEnd(input, "host-a", dir.resolve("host-a"), "host-a");
		sandbox.onPostCreated(post -> {
		});

		// when: host B tries while host A's heartbeat is fresh (it could be alive, cut off from us), then again
		// once host A has been silent for longer than the lease's time to live
		setLeaseLastKeptAlive(Duration.ZERO);
		int refused = runToEnd(input, "host-b", dir.resolve("host-b"), "host-b");
		setLeaseLastKeptAlive(LEASE_TTL.plusSeconds(1));
		int resumed = runToEnd(input, "host-b-later", dir.resolve("host-b"), "host-b");

		// then
		assertThat(crashed).as("killed by SIGKILL").isEqualTo(137);
		assertThat(refused).as(log("host-b")).isEqualTo(2);
		assertThat(log("host-b")).contains("host-a pid ");
		assertThat(resumed).as(log("host-b-later")).isZero();
		assertEveryRowExactlyOnce(input);
	}

	@Test
	void secondHostOnAnInputRunningElsewhereIsRefusedAtOnce() throws Exception {
		// given: host A busy sending, held in its first sends until host B has given up
		Path input = pins(ROWS);
		AtomicInteger seen = new AtomicInteger();
		CountDownLatch secondGaveUp = new CountDownLatch(1);
		sandbox.onPostCreated(post -> {
			seen.incrementAndGet();
			awaitQuietly(secondGaveUp);
		});
		Process first = start(input, "host-a", dir.resolve("host-a"));
		while (seen.get() == 0 && first.isAlive()) {
			sleepQuietly(50);
		}

		// when
		Process second = start(input, "host-b", dir.resolve("host-b"));
		boolean secondEnded = second.waitFor(60, TimeUnit.SECONDS);
		secondGaveUp.countDown();

		// then: refused, naming the process that holds the run; the first run goes on
		assertThat(secondEnded).isTrue();
		assertThat(second.exitValue()).as(log("host-b")).isEqualTo(2);
		assertThat(log("host-b")).contains("pid " + first.pid());
		assertThat(first.isAlive()).isTrue();
	}

	/**
	 * Sets the one lease left behind as last kept alive {@code ago} (by the database's clock, in UTC as ShedLock
	 * stores it), as time passing on the dead host would.
	 */
	private void setLeaseLastKeptAlive(Duration ago) throws SQLException {
		try (Connection connection = database.get().dataSource().getConnection();
				PreparedStatement update = connection.prepareStatement("UPDATE PINBATCH_RUN_LOCK SET lock_until ="
						+ " timezone('utc', CURRENT_TIMESTAMP) + make_interval(secs => ?)")) {
			update.setLong(1, LEASE_TTL.minus(ago).toSeconds());
			assertThat(update.executeUpdate()).as("lease rows left by the killed host").isEqualTo(1);
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}

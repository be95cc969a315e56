package com.pinbatch.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.pinbatch.schema.PinbatchSchema;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two "hosts" (two data sources, two owners) competing for the same run in one database; subclasses say which
 * database. The keep-alive thread beats every 10 s, longer than any test here. Expiry is judged by the database's
 * clock, so time passes by moving a lease's times into the past ({@link #passes}).
 */
abstract class RunLeaseScenarios {

	private static final Duration TTL = Duration.ofSeconds(30);

	private static final LeaseOwner HOST_A = new LeaseOwner("cron-a", 101);

	private static final LeaseOwner HOST_B = new LeaseOwner("cron-b", 202);

	private final List<LeaseHolder> held = new ArrayList<>();

	private RunLease hostA;

	private RunLease hostB;

	/** A new connection source on the same database on every call, as another host would have. */
	abstract DataSource sharedDatabase();

	/** Called before each test, before any data source is asked for. */
	void openDatabase() {
	}

	/** Called after each test, once every lease is closed. */
	void closeDatabase() throws Exception {
	}

	@BeforeEach
	void twoHosts() {
		openDatabase();
		hostA = lease(HOST_A);
		hostB = lease(HOST_B);
		PinbatchSchema.migrate(sharedDatabase());
		PinbatchSchema.migrate(sharedDatabase()); // a second host starting finds the table there
	}

	@AfterEach
	void releaseAll() throws Exception {
		held.forEach(LeaseHolder::close);
		closeDatabase();
	}

	@Test
	void secondHostIsRefusedWithTheHolderAndSinceWhen() {
		// given
		keep(hostA.acquire("run-1"));
		passes(Duration.ofSeconds(5), "run-1");

		// when / then: "since" is when host A took it, read back in this machine's terms whatever the zones
		assertThatThrownBy(() -> hostB.acquire("run-1")).isInstanceOfSatisfying(LeaseTaken.class, taken -> {
			assertThat(taken.holder().owner()).isEqualTo("cron-a pid 101");
			assertThat(taken.holder().acquiredAt()).isCloseTo(Instant.now().minusSeconds(5), within(1, ChronoUnit.MINUTES));
			// to the millisecond on a database's clock; this JVM's (HSQLDB's leases) takes the two times apart
			assertThat(taken.expiresAt()).isCloseTo(taken.holder().acquiredAt().plus(TTL),
					within(1, ChronoUnit.SECONDS));
			assertThat(taken.getMessage()).contains("cron-a pid 101", taken.holder().acquiredAt().toString());
		});
	}

	@Test
	void otherRunsAreNotBlocked() {
		keep(hostA.acquire("run-1"));

		LeaseHolder other = keep(hostB.acquire("run-2"));

		assertThat(other.isHeld()).isTrue();
	}

	@Test
	void holderThatStoppedHeartbeatingIsTakenOverAndLearnsItLostTheRun() {
		// given: host A stops beating (as if it died) for longer than the time to live
		LeaseHolder first = keep(hostA.acquire("run-1"));
		AtomicBoolean lostSeen = new AtomicBoolean();
		first.onLost(() -> lostSeen.set(true));
		passes(TTL.plusSeconds(1), "run-1");

		// when
		LeaseHolder second = keep(hostB.acquire("run-1"));

		// then
		assertThat(second.isHeld()).isTrue();
		assertThat(hostA.find("run-1")).get().extracting(Lease::owner).isEqualTo("cron-b pid 202");
		assertThat(first.heartbeat()).isFalse();
		assertThat(lostSeen).isTrue();
		first.close(); // must not free host B's lease
		assertThatThrownBy(() -> lease(new LeaseOwner("cron-c", 303)).acquire("run-1")).isInstanceOf(LeaseTaken.class);
	}

	@Test
	void heartbeatsKeepTheLeaseBeyondTheTimeToLive() {
		LeaseHolder first = keep(hostA.acquire("run-1"));
		passes(Duration.ofSeconds(20), "run-1");
		assertThat(first.heartbeat()).isTrue();
		passes(Duration.ofSeconds(20), "run-1");

		assertThatThrownBy(() -> hostB.acquire("run-1")).isInstanceOf(LeaseTaken.class);
	}

	@Test
	void holderWhoseLeaseRanOutLearnsItLostTheRunEvenIfNobodyTookIt() {
		LeaseHolder first = keep(hostA.acquire("run-1"));
		AtomicBoolean lostSeen = new AtomicBoolean();
		first.onLost(() -> lostSeen.set(true));
		passes(TTL.plusSeconds(1), "run-1");

		assertThat(first.heartbeat()).isFalse();
		assertThat(lostSeen).isTrue();
		assertThat(keep(hostB.acquire("run-1")).isHeld()).isTrue();
	}

	@Test
	void releaseFreesTheRunAtOnce() {
		hostA.acquire("run-1").close();

		LeaseHolder second = keep(hostB.acquire("run-1"));

		assertThat(second.isHeld()).isTrue();
		assertThat(hostB.find("run-1")).get().extracting(Lease::owner).isEqualTo("cron-b pid 202");
	}

	@Test
	void holderOnThisHostWhoseProcessEndedIsTakenOverWithoutWaiting() throws Exception {
		// given: a lease left by a process of this host that no longer runs (killed with -9, say)
		Process ended = new ProcessBuilder("true").start();
		ended.waitFor(10, TimeUnit.SECONDS);
		LeaseOwner thisHost = LeaseOwner.current();
		keep(lease(new LeaseOwner(thisHost.host(), ended.pid())).acquire("run-1"));

		// when
		LeaseHolder next = keep(lease(thisHost).acquire("run-1"));

		// then
		assertThat(next.isHeld()).isTrue();
		assertThat(hostA.find("run-1")).get().extracting(Lease::owner).isEqualTo(thisHost.toString());
	}

	@Test
	void holderOnThisHostThatStillRunsIsNotTakenOver() {
		keep(lease(LeaseOwner.current()).acquire("run-1"));

		assertThatThrownBy(() -> lease(LeaseOwner.current()).acquire("run-1")).isInstanceOf(LeaseTaken.class);
	}

	@Test
	void aRunIsRunningOnlyWhileALiveProcessHoldsItsLease() throws Exception {
		// given: run-1 held, run-2 held until its time ran out, run-3 released, run-4 left by a process of this host
		// that no longer runs (killed with -9, say), run-5 never taken
		keep(hostA.acquire("run-1"));
		keep(hostA.acquire("run-2"));
		passes(TTL.plusSeconds(1), "run-2");
		hostA.acquire("run-3").close();
		Process ended = new ProcessBuilder("true").start();
		ended.waitFor(10, TimeUnit.SECONDS);
		keep(lease(new LeaseOwner(LeaseOwner.current().host(), ended.pid())).acquire("run-4"));

		// then: as any host sees it
		assertThat(hostB.isRunning("run-1")).isTrue();
		assertThat(hostB.isRunning("run-2")).isFalse();
		assertThat(hostB.isRunning("run-3")).isFalse();
		assertThat(lease(LeaseOwner.current()).isRunning("run-4")).isFalse();
		assertThat(hostB.isRunning("run-5")).isFalse();
	}

	@Test
	void hostsRacingForTheSameRunNeverBothGetIt() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20; round++) {
				String runKey = "race-" + round;
				CountDownLatch go = new CountDownLatch(1);
				Future<Boolean> a = pool.submit(attempt(hostA, runKey, go));
				Future<Boolean> b = pool.submit(attempt(hostB, runKey, go));
				go.countDown();

				assertThat(a.get(10, TimeUnit.SECONDS) ^ b.get(10, TimeUnit.SECONDS)).as("exactly one of A and B holds " + runKey)
					.isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Callable<Boolean> attempt(RunLease lease, String runKey, CountDownLatch go) {
		return () -> {
			go.await();
			try {
				keep(lease.acquire(runKey));
				return true;
			}
			catch (LeaseTaken ex) {
				return false;
			}
		};
	}

	private RunLease lease(LeaseOwner owner) {
		return new RunLease(sharedDatabase(), TTL, owner);
	}

	/** As if {@code elapsed} had passed since the lease of {@code runKey} was taken or last kept alive. */
	private void passes(Duration elapsed, String runKey) {
		String back = "INTERVAL '" + elapsed.toSeconds() + "' SECOND";
		new JdbcTemplate(sharedDatabase()).update("UPDATE " + RunLease.TABLE + " SET locked_at = locked_at - " + back
				+ ", lock_until = lock_until - " + back + " WHERE name = ?", runKey);
	}

	private synchronized LeaseHolder keep(LeaseHolder holder) {
		held.add(holder);
		return holder;
	}
}

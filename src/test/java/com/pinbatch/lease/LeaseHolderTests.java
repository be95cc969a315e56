package com.pinbatch.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import net.javacrumbs.shedlock.core.SimpleLock;

import org.junit.jupiter.api.Test;

/** The lease's keep-alive when the job repository's database does not answer (an outage, a network split). */
class LeaseHolderTests {

	private static final Duration TTL = Duration.ofSeconds(30);

	private final AtomicLong nanos = new AtomicLong();

	private final AtomicBoolean databaseAnswers = new AtomicBoolean(true);

	/** A lease row whose extension fails, as ShedLock's JDBC provider does, while the database does not answer. */
	private final SimpleLock lock = new SimpleLock() {

		@Override
		public void unlock() {
		}

		@Override
		public Optional<SimpleLock> extend(Duration lockAtMostFor, Duration lockAtLeastFor) {
			if (!databaseAnswers.get()) {
				throw new IllegalStateException("Connection is not available, request timed out after 30000ms");
			}
			return Optional.of(this);
		}
	};

	@Test
	void aLeaseNotExtendedForItsTimeToLiveIsLostAndTheRunToldSo() {
		LeaseHolder holder = LeaseHolder.held(lock, "run-1", TTL, nanos::get);
		AtomicBoolean told = new AtomicBoolean();
		holder.onLost(() -> told.set(true));
		advance(Duration.ofSeconds(10));
		holder.beatQuietly();

		// when: the database stops answering; beats fail for a while, then for longer than the time to live
		databaseAnswers.set(false);
		advance(Duration.ofSeconds(10));
		holder.beatQuietly();
		advance(Duration.ofSeconds(10));
		holder.beatQuietly();

		// then: within the time to live since the last extension, the lease is still this run's
		assertThat(holder.isHeld()).isTrue();
		assertThat(told).isFalse();

		advance(Duration.ofSeconds(11));
		holder.beatQuietly();

		// then: run out, another process may take it once the database is back: this run stops (before: the beats
		// failed with a warning for as long as the outage lasted, and the run went on as the lease's holder)
		assertThat(holder.isHeld()).isFalse();
		assertThat(told).isTrue();
	}

	@Test
	void aDatabaseBackWithinTheTimeToLiveKeepsTheLease() {
		LeaseHolder holder = LeaseHolder.held(lock, "run-1", TTL, nanos::get);
		databaseAnswers.set(false);
		advance(Duration.ofSeconds(20));
		holder.beatQuietly();

		databaseAnswers.set(true);
		advance(Duration.ofSeconds(5));
		holder.beatQuietly();
		databaseAnswers.set(false);
		advance(Duration.ofSeconds(20));
		holder.beatQuietly();

		assertThat(holder.isHeld()).isTrue();
	}

	private void advance(Duration by) {
		nanos.addAndGet(by.toNanos());
	}
}

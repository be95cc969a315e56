package com.pinbatch.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One process at a time per input, across hosts sharing a job repository: a row per run key in the database, held
 * by the process that runs it and kept fresh by a heartbeat. A file lock cannot do this, as each host has its own
 * disk. Every step is a single statement whose row count says who won, so two hosts racing for the same input can
 * never both get it.
 * <p>
 * A holder is gone, and its lease may be taken over, when its heartbeat is older than the time to live, or at once
 * when it ran on this host and its process has ended (after kill -9, the same command on the same host resumes
 * without waiting). Heartbeats are written with each host's clock: keep hosts in time (NTP) and the time to live far
 * above their drift.
 */
public class RunLease {

	/** Long enough to ride out a stalled database connection, short enough that a dead host's run is taken up soon. */
	public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

	private final JdbcTemplate jdbc;

	private final Duration ttl;

	private final Clock clock;

	private final LeaseOwner owner;

	public RunLease(DataSource dataSource, Duration ttl) {
		this(dataSource, ttl, Clock.systemUTC(), LeaseOwner.current());
	}

	/** With the clock and owner given, so tests can play several hosts and let time pass. */
	public RunLease(DataSource dataSource, Duration ttl, Clock clock, LeaseOwner owner) {
		if (ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("the lease time to live must be positive: " + ttl);
		}
		this.jdbc = new JdbcTemplate(dataSource);
		this.ttl = ttl;
		this.clock = clock;
		this.owner = owner;
	}

	/**
	 * Takes the run of {@code runKey} for this process, free or from a holder that is gone, and starts heartbeating.
	 *
	 * @throws LeaseTaken when a live process holds it
	 */
	public LeaseHolder acquire(String runKey) {
		// a holder may release between our insert and our read: then the insert is simply tried again
		for (int attempt = 0; attempt < 3; attempt++) {
			long now = clock.millis();
			if (insert(runKey, now)) {
				return LeaseHolder.start(this, runKey, now);
			}
			Optional<Lease> holder = find(runKey);
			if (holder.isPresent()) {
				if (takeOverIfGone(holder.get(), now)) {
					return LeaseHolder.start(this, runKey, now);
				}
				throw new LeaseTaken(holder.get(), ttl);
			}
		}
		throw new IllegalStateException("the lease of run " + runKey + " keeps changing hands; try again");
	}

	/** The current holder of {@code runKey}, live or not. */
	public Optional<Lease> find(String runKey) {
		List<Lease> found = jdbc.query(
				"SELECT OWNER, ACQUIRED_AT_MS, HEARTBEAT_AT_MS FROM PINBATCH_RUN_LEASE WHERE RUN_KEY = ?",
				(rs, row) -> new Lease(runKey, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
						Instant.ofEpochMilli(rs.getLong(3))),
				runKey);
		return found.stream().findFirst();
	}

	Duration ttl() {
		return ttl;
	}

	/** Renews the heartbeat; false when the lease is no longer ours (taken over after we stalled). */
	boolean heartbeat(String runKey, long acquiredAtMs) {
		return jdbc.update("UPDATE PINBATCH_RUN_LEASE SET HEARTBEAT_AT_MS = ? WHERE RUN_KEY = ? AND OWNER = ?"
				+ " AND ACQUIRED_AT_MS = ?", clock.millis(), runKey, owner.toString(), acquiredAtMs) == 1;
	}

	void release(String runKey, long acquiredAtMs) {
		jdbc.update("DELETE FROM PINBATCH_RUN_LEASE WHERE RUN_KEY = ? AND OWNER = ? AND ACQUIRED_AT_MS = ?", runKey,
				owner.toString(), acquiredAtMs);
	}

	private boolean insert(String runKey, long now) {
		try {
			jdbc.update("INSERT INTO PINBATCH_RUN_LEASE (RUN_KEY, OWNER, ACQUIRED_AT_MS, HEARTBEAT_AT_MS)"
					+ " VALUES (?, ?, ?, ?)", runKey, owner.toString(), now, now);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Compare-and-set on the row as it was read: if two processes see the same dead holder, only one update matches,
	 * and a holder that heartbeats in between keeps its lease.
	 */
	private boolean takeOverIfGone(Lease holder, long now) {
		boolean stale = holder.heartbeatAt().toEpochMilli() < now - ttl.toMillis();
		boolean deadHere = LeaseOwner.parse(holder.owner()).map(LeaseOwner::isGoneFromThisHost).orElse(false);
		if (!stale && !deadHere) {
			return false;
		}
		return jdbc.update("""
				UPDATE PINBATCH_RUN_LEASE SET OWNER = ?, ACQUIRED_AT_MS = ?, HEARTBEAT_AT_MS = ?
				WHERE RUN_KEY = ? AND OWNER = ? AND HEARTBEAT_AT_MS = ?""", owner.toString(), now, now, holder.runKey(),
				holder.owner(), holder.heartbeatAt().toEpochMilli()) == 1;
	}
}

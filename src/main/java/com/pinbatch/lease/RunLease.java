package com.pinbatch.lease;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.provider.sql.DatabaseProduct;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * One process at a time per input, across hosts sharing a job repository: ShedLock's JDBC lock named by the run key,
 * held by "host pid N" and kept alive by {@link LeaseHolder}. A file lock cannot do this, as each host has its own
 * disk. Expiry is judged by the database's clock, so host clocks do not matter for who gets the run.
 * <p>
 * Hand-written here, because ShedLock does not do it: reading the holder for the refusal message, and taking over at
 * once a lease of this host whose process has ended (after kill -9, the same command on the same host resumes without
 * waiting for the time to live).
 */
public class RunLease {

	/** Long enough to ride out a stalled database connection, short enough that a dead host's run is taken up soon. */
	public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

	static final String TABLE = "PINBATCH_RUN_LOCK";

	private final JdbcTemplate jdbc;

	private final JdbcTemplateLockProvider locks;

	private final Duration ttl;

	private final LeaseOwner owner;

	/**
	 * Whether the database's clock times the leases. PostgreSQL's, shared by the hosts, stores UTC. The embedded
	 * HSQLDB's (one host) would store the session's local time, taken from this JVM's zone: a run left by a command
	 * in UTC then looked held for hours to the same command from a shell in New York. Its leases are timed by this
	 * JVM's clock, stored in UTC, instead.
	 */
	private final boolean databaseTime;

	public RunLease(DataSource dataSource, Duration ttl) {
		this(dataSource, ttl, LeaseOwner.current());
	}

	/** With the owner given, so tests can play several hosts on one machine. */
	public RunLease(DataSource dataSource, Duration ttl, LeaseOwner owner) {
		if (ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("the lease time to live must be positive: " + ttl);
		}
		this.jdbc = new JdbcTemplate(dataSource);
		this.ttl = ttl;
		this.owner = owner;
		DatabaseProduct product = databaseProduct(dataSource);
		this.databaseTime = product != DatabaseProduct.HQL;
		JdbcTemplateLockProvider.Configuration.Builder configuration = JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(jdbc)
			.withTableName(TABLE)
			.withDatabaseProduct(product)
			.withLockedByValue(owner.toString());
		this.locks = new JdbcTemplateLockProvider(databaseTime ? configuration.usingDbTime().build()
				: configuration.withTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC)).build());
	}

	/** How long a holder that stopped refreshing keeps its lease. */
	public Duration ttl() {
		return ttl;
	}

	/**
	 * Takes the run of {@code runKey} for this process, free or from a holder that is gone, and keeps it alive.
	 *
	 * @throws LeaseTaken when a live process holds it
	 */
	public LeaseHolder acquire(String runKey) {
		// a holder may release or change between our attempt and our read: then the lock is simply tried again
		for (int attempt = 0; attempt < 3; attempt++) {
			Optional<SimpleLock> lock = locks.lock(configuration(runKey));
			if (lock.isPresent()) {
				return LeaseHolder.start(lock.get(), runKey, ttl);
			}
			Optional<Lease> holder = find(runKey);
			if (holder.isPresent() && !expireIfGoneFromThisHost(holder.get())) {
				throw new LeaseTaken(holder.get());
			}
		}
		throw new IllegalStateException("the lease of run " + runKey + " keeps changing hands; try again");
	}

	/** The last holder of {@code runKey}, live or not (a released lease keeps its row, expired). */
	public Optional<Lease> find(String runKey) {
		List<Lease> found = jdbc.query("SELECT locked_by, locked_at, lock_until FROM " + TABLE + " WHERE name = ?",
				(rs, row) -> new Lease(runKey, rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))),
				runKey);
		return found.stream().findFirst();
	}

	/**
	 * Whether a live process runs {@code runKey} now: its lease is held, not run out, and not by a process of this
	 * host that has ended. A job execution left STARTED by a crash (kill -9, a reboot) is not running.
	 */
	public boolean isRunning(String runKey) {
		return find(runKey).filter(lease -> lease.lockedUntil().isAfter(Instant.now()))
			.filter(lease -> LeaseOwner.parse(lease.owner()).map(holder -> !holder.isGoneFromThisHost()).orElse(true))
			.isPresent();
	}

	/**
	 * Forgets the leases of runs pruned from the job repository (ShedLock keeps a row per lock name): those released
	 * or run out, never one a process holds now.
	 *
	 * @return the lease rows deleted
	 */
	public int forget(Collection<String> runKeys, Instant now) {
		int forgotten = 0;
		for (String runKey : runKeys) {
			Optional<Lease> lease = find(runKey);
			if (lease.isPresent() && !lease.get().lockedUntil().isAfter(now)) {
				forgotten += jdbc.update("DELETE FROM " + TABLE + " WHERE name = ? AND locked_by = ?", runKey,
						lease.get().owner());
			}
		}
		return forgotten;
	}

	LockConfiguration configuration(String runKey) {
		return new LockConfiguration(ClockProvider.now(), runKey, ttl, Duration.ZERO);
	}

	/**
	 * Expires a lease whose owner ran on this host and has ended, so that the next lock attempt gets it. The update
	 * matches only while that owner still holds it: of two processes seeing the same dead holder, ShedLock's own
	 * update then lets only one take the run.
	 */
	private boolean expireIfGoneFromThisHost(Lease holder) {
		if (!LeaseOwner.parse(holder.owner()).map(LeaseOwner::isGoneFromThisHost).orElse(false)) {
			return false;
		}
		jdbc.update("UPDATE " + TABLE + " SET lock_until = locked_at WHERE name = ? AND locked_by = ?", holder.runKey(),
				holder.owner());
		return true;
	}

	private Instant instant(Timestamp stored) {
		// both kinds of clock store UTC (a database other than these two: its own time, read as UTC too)
		Instant instant = stored.toLocalDateTime().toInstant(ZoneOffset.UTC);
		return instant.truncatedTo(ChronoUnit.MILLIS); // as the message showed before; PostgreSQL keeps microseconds
	}

	private static DatabaseProduct databaseProduct(DataSource dataSource) {
		try {
			String name = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
			return DatabaseProduct.matchProductName(name);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot tell the job repository's database for the run lease", ex);
		}
	}
}

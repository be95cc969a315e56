package com.pinbatch.lease;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.pinbatch.concurrent.DaemonThreads;

import net.javacrumbs.shedlock.core.SimpleLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A held run lease, extended on a daemon thread every third of the time to live, so one or two missed beats (a slow
 * database, a long pause) do not lose it; {@link #close()} stops the keep-alive and frees the run for the next process.
 * A process that dies without closing stops extending, which is how other hosts learn it is gone.
 * <p>
 * Hand-written rather than ShedLock's KeepAliveLockProvider, which only logs when an extension fails: a run that lost
 * its lease must learn it ({@link #onLost}) and stop cleanly before another process sends the same rows.
 */
public final class LeaseHolder implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(LeaseHolder.class);

	private final String runKey;

	private final Duration ttl;

	private final ScheduledExecutorService keepAlive;

	/** Each extension returns a new lock; the latest is the one to extend and release. */
	private SimpleLock lock;

	private volatile boolean lost;

	private boolean closed;

	private volatile Runnable onLost = () -> {
	};

	/** The time, in nanoseconds, of {@link System#nanoTime()} (tests give their own). */
	private final LongSupplier nanos;

	/** When the lease was last taken or extended, by {@link #nanos}. */
	private volatile long heldAt;

	private LeaseHolder(SimpleLock lock, String runKey, Duration ttl, LongSupplier nanos) {
		this.lock = lock;
		this.runKey = runKey;
		this.ttl = ttl;
		this.nanos = nanos;
		this.heldAt = nanos.getAsLong();
		this.keepAlive = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("pinbatch-lease-keep-alive"));
	}

	static LeaseHolder start(SimpleLock lock, String runKey, Duration ttl) {
		LeaseHolder holder = held(lock, runKey, ttl, System::nanoTime);
		long every = Math.max(1, ttl.toMillis() / 3);
		holder.keepAlive.scheduleWithFixedDelay(holder::beatQuietly, every, every, TimeUnit.MILLISECONDS);
		return holder;
	}

	/** A held lease that nothing extends but calls to {@link #beatQuietly()}. */
	static LeaseHolder held(SimpleLock lock, String runKey, Duration ttl, LongSupplier nanos) {
		return new LeaseHolder(lock, runKey, ttl, nanos);
	}

	public String runKey() {
		return runKey;
	}

	/** Called once, from the keep-alive thread, if the lease could not be extended (taken over, or expired). */
	public void onLost(Runnable action) {
		this.onLost = action;
		if (lost) {
			action.run();
		}
	}

	/** False once the lease is lost. */
	public boolean isHeld() {
		return !lost;
	}

	/** Extends the lease by the time to live from now; false when it was lost. The keep-alive thread calls this. */
	public synchronized boolean heartbeat() {
		if (lost || closed) {
			return !lost;
		}
		long now = nanos.getAsLong();
		var extended = lock.extend(ttl, Duration.ZERO);
		if (extended.isPresent()) {
			lock = extended.get();
			heldAt = now;
		}
		else {
			lose();
		}
		return !lost;
	}

	private void lose() {
		lost = true;
		keepAlive.shutdown();
		onLost.run();
	}

	@Override
	public synchronized void close() {
		keepAlive.shutdownNow();
		if (!lost && !closed) {
			closed = true;
			lock.unlock();
		}
	}

	/** The keep-alive thread's beat: a failure to reach the database is tried again, until the lease has run out. */
	synchronized void beatQuietly() {
		try {
			heartbeat();
		}
		catch (RuntimeException ex) {
			if (Duration.ofNanos(nanos.getAsLong() - heldAt).compareTo(ttl) < 0) {
				// the database may be back before the time to live runs out; the next beat tries again
				LOG.warn("lease keep-alive for run {} failed: {}", runKey, ex.getMessage());
			}
			else if (!lost && !closed) {
				// run out: another process may hold it now (once the database is back), so this one stops
				LOG.warn("lease of run {} lost: not extended for {} s ({})", runKey, ttl.toSeconds(), ex.getMessage());
				lose();
			}
		}
	}
}

package com.pinbatch.lease;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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

	private LeaseHolder(SimpleLock lock, String runKey, Duration ttl) {
		this.lock = lock;
		this.runKey = runKey;
		this.ttl = ttl;
		this.keepAlive = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("pinbatch-lease-keep-alive"));
	}

	static LeaseHolder start(SimpleLock lock, String runKey, Duration ttl) {
		LeaseHolder holder = new LeaseHolder(lock, runKey, ttl);
		long every = Math.max(1, ttl.toMillis() / 3);
		holder.keepAlive.scheduleWithFixedDelay(holder::beatQuietly, every, every, TimeUnit.MILLISECONDS);
		return holder;
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
		var extended = lock.extend(ttl, Duration.ZERO);
		if (extended.isPresent()) {
			lock = extended.get();
		}
		else {
			lost = true;
			keepAlive.shutdown();
			onLost.run();
		}
		return !lost;
	}

	@Override
	public synchronized void close() {
		keepAlive.shutdownNow();
		if (!lost && !closed) {
			closed = true;
			lock.unlock();
		}
	}

	private void beatQuietly() {
		try {
			heartbeat();
		}
		catch (RuntimeException ex) {
			// the database may be back before the time to live runs out; the next beat tries again
			LOG.warn("lease keep-alive for run {} failed: {}", runKey, ex.getMessage());
		}
	}
}

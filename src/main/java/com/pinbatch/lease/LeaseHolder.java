package com.pinbatch.lease;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.pinbatch.concurrent.DaemonThreads;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A held run lease: heartbeats on a daemon thread every third of the time to live, so one or two missed beats (a
 * slow database, a long pause) do not lose it; {@link #close()} stops the heartbeat and frees the run for the next
 * process. A process that dies without closing stops heartbeating, which is how other hosts learn it is gone.
 */
public final class LeaseHolder implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(LeaseHolder.class);

	private final RunLease lease;

	private final String runKey;

	private final long acquiredAtMs;

	private final ScheduledExecutorService heartbeats;

	private volatile boolean lost;

	private volatile Runnable onLost = () -> {
	};

	private LeaseHolder(RunLease lease, String runKey, long acquiredAtMs) {
		this.lease = lease;
		this.runKey = runKey;
		this.acquiredAtMs = acquiredAtMs;
		this.heartbeats = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("pinbatch-lease-heartbeat"));
	}

	static LeaseHolder start(RunLease lease, String runKey, long acquiredAtMs) {
		LeaseHolder holder = new LeaseHolder(lease, runKey, acquiredAtMs);
		long every = Math.max(1, lease.ttl().toMillis() / 3);
		holder.heartbeats.scheduleWithFixedDelay(holder::beatQuietly, every, every, TimeUnit.MILLISECONDS);
		return holder;
	}

	public String runKey() {
		return runKey;
	}

	/** Called once, from the heartbeat thread, if another process took the run over (this one stalled too long). */
	public void onLost(Runnable action) {
		this.onLost = action;
		if (lost) {
			action.run();
		}
	}

	/** False once another process has taken the run over. */
	public boolean isHeld() {
		return !lost;
	}

	/** Renews the lease now; false when it was lost. The heartbeat thread calls this on its schedule. */
	public boolean heartbeat() {
		if (lost) {
			return false;
		}
		if (!lease.heartbeat(runKey, acquiredAtMs)) {
			lost = true;
			heartbeats.shutdown();
			onLost.run();
		}
		return !lost;
	}

	@Override
	public void close() {
		heartbeats.shutdownNow();
		if (!lost) {
			lease.release(runKey, acquiredAtMs);
		}
	}

	private void beatQuietly() {
		try {
			heartbeat();
		}
		catch (RuntimeException ex) {
			// the database may be back before the time to live runs out; the next beat tries again
			LOG.warn("lease heartbeat for run {} failed: {}", runKey, ex.getMessage());
		}
	}
}

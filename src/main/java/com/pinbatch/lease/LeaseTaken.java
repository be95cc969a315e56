package com.pinbatch.lease;

import java.time.Duration;
import java.time.Instant;

/**
 * Another live process holds the run: the caller refuses to start and names the holder, so the user knows where the
 * run is and when it would be taken over if that process is in fact gone.
 */
public class LeaseTaken extends RuntimeException {

	private final Lease holder;

	private final Instant expiresAt;

	public LeaseTaken(Lease holder, Duration ttl) {
		super("run " + holder.runKey() + " is held by " + holder.owner() + " since " + holder.acquiredAt()
				+ " (last heartbeat " + holder.heartbeatAt() + "); if that process is gone, it can be taken over after "
				+ holder.heartbeatAt().plus(ttl));
		this.holder = holder;
		this.expiresAt = holder.heartbeatAt().plus(ttl);
	}

	public Lease holder() {
		return holder;
	}

	/** When the holder's lease goes stale if it stops heartbeating. */
	public Instant expiresAt() {
		return expiresAt;
	}
}

package com.pinbatch.lease;

import java.time.Instant;

/**
 * Another live process holds the run: the caller refuses to start and names the holder, so the user knows where the
 * run is and when it would be taken over if that process is in fact gone.
 */
public class LeaseTaken extends RuntimeException {

	private final Lease holder;

	public LeaseTaken(Lease holder) {
		super("run " + holder.runKey() + " is held by " + holder.owner() + " since " + holder.acquiredAt()
				+ "; if that process is gone, it can be taken over after " + holder.lockedUntil());
		this.holder = holder;
	}

	public Lease holder() {
		return holder;
	}

	/** When the holder's lease goes stale if it stops keeping it alive. */
	public Instant expiresAt() {
		return holder.lockedUntil();
	}
}

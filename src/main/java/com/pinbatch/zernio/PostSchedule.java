package com.pinbatch.zernio;

import java.time.Instant;

/**
 * Where a post stands as Zernio lists it: its status, and when it publishes while it is scheduled.
 *
 * @param status       Zernio's status of the post ({@code scheduled}, {@code published}, {@code failed}, ...)
 * @param scheduledFor when it publishes, while scheduled; else null
 */
public record PostSchedule(String status, Instant scheduledFor) {

	/** A post Zernio could not be asked about now: it stands, at no known time. */
	public static final PostSchedule UNKNOWN = new PostSchedule("unknown", null);

	/** Whether the post no longer stands for a pin: refused by Pinterest, or cancelled in Zernio. */
	public boolean gone() {
		return status.equals("failed") || status.equals("cancelled");
	}

	/** Whether it waits to be published at this instant. */
	public boolean scheduledAt(Instant instant) {
		return scheduledFor != null && scheduledFor.equals(instant);
	}
}

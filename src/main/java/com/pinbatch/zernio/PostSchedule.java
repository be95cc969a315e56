package com.pinbatch.zernio;

import java.time.Instant;

/**
 * Where a post stands for a row that may be its pin: gone, or waiting to be published and when.
 *
 * @param gone         it no longer stands for a pin: refused by Pinterest, or cancelled in Zernio
 * @param scheduledFor when it publishes, while it is scheduled; else null
 */
public record PostSchedule(boolean gone, Instant scheduledFor) {

	/** A post Zernio could not be asked about now: it stands, at no known time. */
	public static final PostSchedule UNKNOWN = new PostSchedule(false, null);

	/** Whether it waits to be published at this instant. */
	public boolean scheduledAt(Instant instant) {
		return scheduledFor != null && scheduledFor.equals(instant);
	}
}

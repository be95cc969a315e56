package com.pinbatch.plan;

/**
 * Zernio's publishing caps for one connected Pinterest account.
 *
 * @param perHour pins in any rolling hour (Zernio's velocity cap, 25)
 * @param perDay  pins per day (Pinterest's daily cap, 25)
 */
public record PostingCaps(int perHour, int perDay) {

	public PostingCaps {
		if (perHour < 1 || perDay < 1) {
			throw new IllegalArgumentException(
					"account caps must be at least 1 pin per hour and per day, were " + perHour + " and " + perDay);
		}
	}

	public static PostingCaps zernioDefaults() {
		return new PostingCaps(25, 25);
	}
}

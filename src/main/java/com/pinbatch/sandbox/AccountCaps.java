package com.pinbatch.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Zernio's anti-abuse caps per connected account: a velocity cap per rolling hour and a daily cap per rolling
 * 24 hours. Answered with 429 but without {@code Retry-After}, and the throughput headers left as they are, since
 * the key itself is fine.
 */
final class AccountCaps {

	private static final Duration HOUR = Duration.ofHours(1);
	private static final Duration DAY = Duration.ofHours(24);

	private final int hourlyCap;
	private final int dailyCap;

	AccountCaps(int hourlyCap, int dailyCap) {
		this.hourlyCap = hourlyCap;
		this.dailyCap = dailyCap;
	}

	/** Throws the 429 if one more create for this account would pass a cap. */
	void check(PostStore store, String accountId, Instant now) {
		List<Instant> lastDay = store.createdSince(accountId, now.minus(DAY));
		if (lastDay.size() >= dailyCap) {
			throw limitReached(accountId, "daily", dailyCap, lastDay.get(lastDay.size() - dailyCap).plus(DAY),
					"Daily posting limit reached for this Pinterest account (" + dailyCap + " posts per 24 hours).");
		}
		List<Instant> lastHour = lastDay.stream().filter(created -> created.isAfter(now.minus(HOUR))).toList();
		if (lastHour.size() >= hourlyCap) {
			throw limitReached(accountId, "hourly", hourlyCap, lastHour.get(lastHour.size() - hourlyCap).plus(HOUR),
					"Velocity limit reached: at most " + hourlyCap + " posts per hour for this account.");
		}
	}

	private static ApiError limitReached(String accountId, String kind, int cap, Instant resetsAt, String message) {
		ApiError error = new ApiError(429, Json.error(message));
		error.body()
			.putObject("details")
			.put("accountId", accountId)
			.put("platform", "pinterest")
			.put("limit", kind)
			.put("max", cap)
			.put("resetsAt", Json.timestamp(resetsAt));
		return error;
	}
}

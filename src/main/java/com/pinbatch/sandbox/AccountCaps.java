package com.pinbatch.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Zernio's anti-abuse caps per connected account: a velocity cap per rolling hour and a daily cap per rolling
 * 24 hours. Answered with 429 but without {@code Retry-After}, and the throughput headers left as they are, since
 * the key itself is fine.
 * <p>
 * Zernio calls them publishing caps and does not say whether a scheduled post counts when it is created or when it
 * is published. The sandbox counts each pin at the instant it goes live: its {@code scheduledFor}, or the moment of
 * the create for {@code publishNow}. Drafts never go live, and posts left to the profile's queue are placed by
 * Zernio itself, so neither counts. Only this reading lets a client schedule an account's pins ahead over several
 * days; counting at create time would refuse the 26th pin of a day however far apart the pins were scheduled.
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

	/**
	 * Throws the 429 if a pin of this account going live at {@code publishAt} would put more than a cap's worth of
	 * the account's pins into any rolling hour or rolling 24 hours.
	 */
	void check(PostStore store, String accountId, Instant publishAt) {
		// pins before publishAt - 24 h share no window with it; later ones are needed to find when a slot frees
		List<Instant> pins = store.publishTimesAfter(accountId, publishAt.minus(DAY));
		if (busiestWindowAround(pins, publishAt, DAY) >= dailyCap) {
			throw limitReached(accountId, "daily", dailyCap, firstFree(pins, publishAt, DAY, dailyCap),
					"Daily posting limit reached for this Pinterest account (" + dailyCap + " posts per 24 hours).");
		}
		if (busiestWindowAround(pins, publishAt, HOUR) >= hourlyCap) {
			throw limitReached(accountId, "hourly", hourlyCap, firstFree(pins, publishAt, HOUR, hourlyCap),
					"Velocity limit reached: at most " + hourlyCap + " posts per hour for this account.");
		}
	}

	/**
	 * The most pins (sorted) in any window {@code [start, start + length)} that contains {@code at}. Such a window
	 * holds the most when it starts at a pin or at {@code at}, so only those starts are tried.
	 */
	static int busiestWindowAround(List<Instant> pins, Instant at, Duration length) {
		Instant earliestStart = at.minus(length);
		int busiest = 0;
		int begin = 0;
		int end = 0;
		while (begin < pins.size() && !pins.get(begin).isAfter(earliestStart)) {
			begin++;
		}
		boolean atTried = false;
		while (!atTried) {
			Instant start;
			if (begin < pins.size() && pins.get(begin).isBefore(at)) {
				start = pins.get(begin);
			}
			else {
				start = at;
				atTried = true;
			}
			Instant windowEnd = start.plus(length);
			end = Math.max(end, begin);
			while (end < pins.size() && pins.get(end).isBefore(windowEnd)) {
				end++;
			}
			busiest = Math.max(busiest, end - begin);
			if (!atTried) {
				begin++;
			}
		}
		return busiest;
	}

	/** The first instant from {@code at} on when one more pin fits this cap: a slot frees as a pin leaves a window. */
	private static Instant firstFree(List<Instant> pins, Instant at, Duration length, int cap) {
		for (Instant pin : pins) {
			Instant candidate = pin.plus(length);
			if (candidate.isAfter(at) && busiestWindowAround(pins, candidate, length) < cap) {
				return candidate;
			}
		}
		// unreachable: a window starting after the last pin is empty
		return pins.get(pins.size() - 1).plus(length);
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

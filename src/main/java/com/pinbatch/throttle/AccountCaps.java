package com.pinbatch.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps each account under Zernio's publishing caps: creates in any rolling hour and any rolling 24 hours. A row
 * reserves a slot before it is sent, so concurrent rows of one account cannot overshoot; the slot is kept only when
 * a post was (or may have been) created. Accounts are independent: one at its cap never slows another.
 */
final class AccountCaps {

	private static final Duration HOUR = Duration.ofHours(1);
	private static final Duration DAY = Duration.ofDays(1);

	/** A cap reached: the row fails now; {@code why} completes "account X ...". */
	record Refusal(String accountId, String why, Instant freesAt) {
	}

	private final int perHour;
	private final int perDay;
	private final Clock clock;
	private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

	AccountCaps(int perHour, int perDay, Clock clock) {
		this.perHour = perHour;
		this.perDay = perDay;
		this.clock = clock;
	}

	/**
	 * Takes a slot for one create, or says why not. Waits only while the cap is full of this account's own sends
	 * still in flight, because whether they create decides whether this row may go.
	 */
	Optional<Refusal> reserve(String accountId) throws InterruptedException {
		return window(accountId).reserve(accountId);
	}

	/** The reserved send created a post (or may have: the outcome is unknown, so count it to stay safe). */
	void confirm(String accountId) {
		window(accountId).settle(true);
	}

	/** The reserved send created nothing. */
	void release(String accountId) {
		window(accountId).settle(false);
	}

	/** Zernio itself refused the account (429 with requests left): refuse its rows until then. */
	void park(String accountId, Instant until, String why) {
		window(accountId).park(until, why);
	}

	private Window window(String accountId) {
		return windows.computeIfAbsent(accountId, id -> new Window());
	}

	/** One account's creates of the last 24 hours (at most the daily cap, so small), guarded by its own monitor. */
	private final class Window {

		private final Deque<Instant> creates = new ArrayDeque<>();
		private int inFlight;
		private Instant parkedUntil = Instant.MIN;
		private String parkedWhy;

		synchronized Optional<Refusal> reserve(String accountId) throws InterruptedException {
			while (true) {
				Instant now = clock.instant();
				if (now.isBefore(parkedUntil)) {
					return Optional.of(new Refusal(accountId, parkedWhy, parkedUntil));
				}
				while (!creates.isEmpty() && !creates.peekFirst().plus(DAY).isAfter(now)) {
					creates.removeFirst();
				}
				long lastHour = creates.stream().filter(created -> created.plus(HOUR).isAfter(now)).count();
				boolean dayFull = creates.size() >= perDay;
				boolean hourFull = lastHour >= perHour;
				if (dayFull || hourFull) {
					return Optional.of(laterOf(dayFull ? refusal(accountId, perDay, "day", DAY) : null,
							hourFull ? refusal(accountId, perHour, "hour", HOUR) : null));
				}
				if (creates.size() + inFlight < perDay && lastHour + inFlight < perHour) {
					inFlight++;
					return Optional.empty();
				}
				wait();
			}
		}

		/** A slot frees when the create that makes the count reach the cap leaves the window. */
		private Refusal refusal(String accountId, int cap, String unit, Duration window) {
			Instant freeing = creates.stream().skip(creates.size() - cap).findFirst().orElseThrow();
			return new Refusal(accountId, "reached its " + cap + " pins per " + unit + " cap", freeing.plus(window));
		}

		/** With both caps full, the row can go only when both free up. */
		private Refusal laterOf(Refusal day, Refusal hour) {
			if (day == null || hour == null) {
				return day == null ? hour : day;
			}
			return hour.freesAt().isAfter(day.freesAt()) ? hour : day;
		}

		synchronized void settle(boolean created) {
			inFlight--;
			if (created) {
				creates.addLast(clock.instant());
			}
			notifyAll();
		}

		synchronized void park(Instant until, String why) {
			if (until.isAfter(parkedUntil)) {
				parkedUntil = until;
				parkedWhy = why;
			}
		}
	}
}

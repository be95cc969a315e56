package com.pinbatch.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.pinbatch.plan.CapAdvice;
import com.pinbatch.plan.CapRule;
import com.pinbatch.plan.PostingCaps;

/**
 * Keeps each account under Zernio's publishing caps, by the {@link CapRule} the plan uses too. A row reserves a slot
 * before it is sent, so concurrent rows of one account cannot overshoot; the slot is kept only when a post was (or
 * may have been) created. Accounts are independent: one at its cap never slows another. Drafts and posts left to the
 * profile's queue go live at no instant we choose, so they take no slot.
 */
final class AccountCaps {

	private static final Duration DAY = Duration.ofDays(1);

	/**
	 * A cap reached: the row fails now; {@code why} completes "account X ...".
	 *
	 * @param freesAt when the account can take an immediate pin again
	 * @param slot    for a scheduled pin, its publish instant (the slot that is full); null for an immediate pin
	 */
	record Refusal(String accountId, String why, Instant freesAt, Instant slot) {

		/** An immediate pin refused until {@code freesAt}. */
		Refusal(String accountId, String why, Instant freesAt) {
			this(accountId, why, freesAt, null);
		}
	}

	private final CapRule rule;
	private final Clock clock;
	private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

	AccountCaps(int perHour, int perDay, Clock clock) {
		this.rule = new CapRule(new PostingCaps(perHour, perDay));
		this.clock = clock;
	}

	/**
	 * Takes a slot for one pin published at once, or says why not. Waits only while the cap is full of this
	 * account's own sends still in flight, because whether they create decides whether this row may go.
	 */
	Optional<Refusal> reserve(String accountId) throws InterruptedException {
		return window(accountId).reserve(accountId, null);
	}

	/** Takes a slot for one pin scheduled for {@code publishAt}, or says why not; waits as {@link #reserve(String)}. */
	Optional<Refusal> reserve(String accountId, Instant publishAt) throws InterruptedException {
		return window(accountId).reserve(accountId, publishAt);
	}

	/** The reserved immediate send created a post (or may have: the outcome is unknown, so count it to stay safe). */
	void confirm(String accountId) {
		window(accountId).settle(null, true);
	}

	/** The reserved send scheduled for {@code publishAt} created a post (or may have). */
	void confirm(String accountId, Instant publishAt) {
		window(accountId).settle(publishAt, true);
	}

	/** The reserved immediate send created nothing. */
	void release(String accountId) {
		window(accountId).settle(null, false);
	}

	/** The reserved send scheduled for {@code publishAt} created nothing. */
	void release(String accountId, Instant publishAt) {
		window(accountId).settle(publishAt, false);
	}

	/** When this run's own count of the account's pins lets an immediate pin go again; null when it does now. */
	Instant freesAt(String accountId) {
		return window(accountId).freesAt();
	}

	/** Zernio itself refused the account (429 with requests left): refuse its immediate pins until then. */
	void park(String accountId, Instant until, String why) {
		window(accountId).park(until, why);
	}

	private Window window(String accountId) {
		return windows.computeIfAbsent(accountId, id -> new Window());
	}

	/**
	 * One account's publish instants: those created (from 24 hours ago on, including scheduled ones ahead) and those
	 * of sends still in flight. Guarded by its own monitor.
	 */
	private final class Window {

		private final TreeMap<Instant, Integer> created = new TreeMap<>();
		private final TreeMap<Instant, Integer> scheduledInFlight = new TreeMap<>();
		// immediate pins in flight go live when Zernio creates them: about now, whenever "now" is
		private int immediateInFlight;
		private Instant parkedUntil = Instant.MIN;
		private String parkedWhy;

		/** {@code publishAt} null: an immediate pin. */
		synchronized Optional<Refusal> reserve(String accountId, Instant publishAt) throws InterruptedException {
			while (true) {
				Instant now = clock.instant();
				if (publishAt == null && now.isBefore(parkedUntil)) {
					return Optional.of(new Refusal(accountId, parkedWhy, parkedUntil));
				}
				created.headMap(now.minus(DAY), true).clear();
				Instant at = publishAt == null ? now : publishAt;
				List<Instant> settled = pins(created, null, 0, now, at);
				CapRule.Cap passed = rule.passedAt(settled, at);
				if (passed != null) {
					return Optional.of(publishAt == null ? refusalNow(accountId, settled, now, passed)
							: refusalAt(accountId, publishAt, passed));
				}
				if (rule.fits(pins(created, scheduledInFlight, immediateInFlight, now, at), at)) {
					if (publishAt == null) {
						immediateInFlight++;
					}
					else {
						scheduledInFlight.merge(publishAt, 1, Integer::sum);
					}
					return Optional.empty();
				}
				wait();
			}
		}

		synchronized void settle(Instant publishAt, boolean wasCreated) {
			if (publishAt == null) {
				immediateInFlight--;
			}
			else {
				scheduledInFlight.computeIfPresent(publishAt, (at, count) -> count == 1 ? null : count - 1);
			}
			if (wasCreated) {
				// an immediate pin went live at some point of the send: its end is the safe guess
				created.merge(publishAt == null ? clock.instant() : publishAt, 1, Integer::sum);
			}
			notifyAll();
		}

		synchronized Instant freesAt() {
			Instant now = clock.instant();
			List<Instant> settled = pins(created, null, 0, now, now);
			return rule.fits(settled, now) ? null : rule.freesAt(settled, now);
		}

		synchronized void park(Instant until, String why) {
			if (until.isAfter(parkedUntil)) {
				parkedUntil = until;
				parkedWhy = why;
			}
		}

		/** The publish instants, sorted, that share a 24-hour window with {@code at} or come after it. */
		private List<Instant> pins(TreeMap<Instant, Integer> settled, TreeMap<Instant, Integer> inFlight,
				int immediate, Instant now, Instant at) {
			List<Instant> pins = new ArrayList<>();
			Instant since = at.minus(DAY);
			addAfter(pins, settled, since);
			if (inFlight != null) {
				addAfter(pins, inFlight, since);
			}
			if (now.isAfter(since)) {
				pins.addAll(Collections.nCopies(immediate, now));
			}
			pins.sort(null);
			return pins;
		}

		private void addAfter(List<Instant> pins, TreeMap<Instant, Integer> times, Instant since) {
			for (Map.Entry<Instant, Integer> time : times.tailMap(since, false).entrySet()) {
				pins.addAll(Collections.nCopies(time.getValue(), time.getKey()));
			}
		}

		/** An immediate pin refused: it may go once both caps have room at the same instant. */
		private Refusal refusalNow(String accountId, List<Instant> settled, Instant now, CapRule.Cap passed) {
			return new Refusal(accountId, "reached its " + passed.describe(rule.caps()) + " cap",
					rule.freesAt(settled, now));
		}

		/** A scheduled pin refused: its slot stays full however long the row waits. */
		private Refusal refusalAt(String accountId, Instant publishAt, CapRule.Cap passed) {
			String cap = "its " + passed.describe(rule.caps()) + " cap";
			return new Refusal(accountId, CapAdvice.noFreeSlot(publishAt, cap), null, publishAt);
		}
	}
}

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

/**
 * Keeps each account under Zernio's publishing caps: pins going live in any rolling hour and any rolling 24 hours.
 * A row reserves a slot before it is sent, so concurrent rows of one account cannot overshoot; the slot is kept only
 * when a post was (or may have been) created. Accounts are independent: one at its cap never slows another.
 * <p>
 * Zernio does not say whether a scheduled post counts when it is created or when it is published. We count each pin
 * at the instant it goes live: its {@code scheduledFor}, or the moment it is sent for {@code publishNow}. Drafts and
 * posts left to the profile's queue go live at no instant we choose, so they take no slot. Only this reading makes
 * scheduling ahead ({@code --spread}) meaningful: counted at creation, the 26th pin of a run would be refused however
 * many days apart the pins were scheduled. The sandbox counts the same way.
 */
final class AccountCaps {

	private static final Duration HOUR = Duration.ofHours(1);
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
				boolean dayFull = busiestWindowAround(settled, at, DAY) >= perDay;
				boolean hourFull = busiestWindowAround(settled, at, HOUR) >= perHour;
				if (dayFull || hourFull) {
					return Optional.of(publishAt == null ? refusalNow(accountId, settled, now, dayFull)
							: refusalAt(accountId, publishAt, dayFull));
				}
				List<Instant> all = pins(created, scheduledInFlight, immediateInFlight, now, at);
				if (busiestWindowAround(all, at, DAY) < perDay && busiestWindowAround(all, at, HOUR) < perHour) {
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

		/**
		 * An immediate pin refused: it may go once both caps have room at the same instant. The cap named is the
		 * daily one when that is full, as it frees last.
		 */
		private Refusal refusalNow(String accountId, List<Instant> settled, Instant now, boolean dayFull) {
			Instant freesAt = null;
			for (Instant pin : settled) {
				for (Duration length : List.of(HOUR, DAY)) {
					Instant candidate = pin.plus(length);
					if (candidate.isAfter(now) && (freesAt == null || candidate.isBefore(freesAt)) && fits(settled,
							candidate)) {
						freesAt = candidate;
					}
				}
			}
			return new Refusal(accountId, dayFull ? "reached its " + perDay + " pins per day cap"
					: "reached its " + perHour + " pins per hour cap", freesAt);
		}

		/** A scheduled pin refused: its slot stays full however long the row waits. */
		private Refusal refusalAt(String accountId, Instant publishAt, boolean dayFull) {
			String cap = dayFull ? perDay + " pins per 24 hours" : perHour + " pins per hour";
			return new Refusal(accountId, "has no free slot at " + publishAt + ": its " + cap
					+ " cap is full around that time", null, publishAt);
		}

		private boolean fits(List<Instant> pins, Instant at) {
			return busiestWindowAround(pins, at, DAY) < perDay && busiestWindowAround(pins, at, HOUR) < perHour;
		}
	}

	/**
	 * The most pins (sorted) in any window {@code [start, start + length)} that contains {@code at}, a pin at
	 * {@code at} not counted. Such a window holds the most when it starts at a pin or at {@code at}, so only those
	 * starts are tried.
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
}

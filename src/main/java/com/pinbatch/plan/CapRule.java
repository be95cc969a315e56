package com.pinbatch.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The one rule for Zernio's per-account publishing caps, used by the plan (what the run will do, before it starts)
 * and by the sender's throttle (what it lets through): one more pin of an account fits at an instant when no
 * rolling hour holding that instant would have more than {@code perHour} of the account's pins, and no rolling
 * 24 hours more than {@code perDay}.
 * <p>
 * Each pin counts at the instant it goes live: its {@code scheduledFor}, or the moment it is sent for
 * {@code publishNow}. Zernio does not say whether a scheduled post counts when it is created or when it is
 * published; only this reading makes scheduling ahead ({@code --spread}) meaningful, and the sandbox counts the same
 * way (with its own copy of the rule, so that it checks this one).
 */
public final class CapRule {

	static final Duration HOUR = Duration.ofHours(1);
	static final Duration DAY = Duration.ofHours(24);

	/** Which cap a pin would pass. */
	public enum Cap {

		HOURLY, DAILY;

		/** How the cap reads in a sentence: "25 pins per hour". */
		public String describe(PostingCaps caps) {
			return this == DAILY ? caps.perDay() + " pins per day" : caps.perHour() + " pins per hour";
		}
	}

	private final PostingCaps caps;

	public CapRule(PostingCaps caps) {
		this.caps = Objects.requireNonNull(caps, "caps");
	}

	public PostingCaps caps() {
		return caps;
	}

	/**
	 * The cap one more pin at {@code at} would pass, the daily one when both (it frees last); null when it fits.
	 *
	 * @param pins the account's other pins, sorted; only those within 24 hours of {@code at} matter
	 */
	public Cap passedAt(List<Instant> pins, Instant at) {
		if (busiestWindowAround(pins, at, DAY) >= caps.perDay()) {
			return Cap.DAILY;
		}
		if (busiestWindowAround(pins, at, HOUR) >= caps.perHour()) {
			return Cap.HOURLY;
		}
		return null;
	}

	public boolean fits(List<Instant> pins, Instant at) {
		return passedAt(pins, at) == null;
	}

	/**
	 * The first instant after {@code now} at which one more pin fits: a slot frees as a pin leaves a window, so only
	 * those instants are tried. Null when none of these pins is in the way.
	 *
	 * @param pins the account's pins, sorted
	 */
	public Instant freesAt(List<Instant> pins, Instant now) {
		Instant freesAt = null;
		for (Instant pin : pins) {
			for (Duration length : List.of(HOUR, DAY)) {
				Instant candidate = pin.plus(length);
				if (candidate.isAfter(now) && (freesAt == null || candidate.isBefore(freesAt))
						&& fits(pins, candidate)) {
					freesAt = candidate;
				}
			}
		}
		return freesAt;
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

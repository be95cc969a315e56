package com.pinbatch.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The publish instants one account already has, so that another is added only when the account's caps allow it, by
 * the same {@link CapRule} the sender's throttle holds. With {@code perCalendarDay}, as --spread plans, a calendar day
 * in the run's zone also takes no more than the daily cap (a day with an extra hour holds no extra pin).
 */
final class AccountTimeline {

	private final CapRule rule;
	private final ZoneId zone;
	private final boolean perCalendarDay;
	private final TreeMap<Instant, Integer> pins = new TreeMap<>();
	private final Map<LocalDate, Integer> pinsPerDay = new HashMap<>();

	AccountTimeline(CapRule rule, ZoneId zone, boolean perCalendarDay) {
		this.rule = rule;
		this.zone = zone;
		this.perCalendarDay = perCalendarDay;
	}

	boolean fits(Instant at) {
		return passedAt(at) == null;
	}

	/** The cap a pin at {@code at} would pass, or null when it fits. */
	CapRule.Cap passedAt(Instant at) {
		if (perCalendarDay && pinsPerDay.getOrDefault(dayOf(at), 0) >= rule.caps().perDay()) {
			return CapRule.Cap.DAILY;
		}
		return rule.passedAt(near(at), at);
	}

	/** The last {@link #freesAt} answer, until a pin is added: a capped account's rows all ask the same. */
	private Instant freesAtAsked;

	private Instant freesAtAnswer;

	/** When an immediate pin refused at {@code now} may go: the first instant the caps have room again. */
	Instant freesAt(Instant now) {
		if (!now.equals(freesAtAsked)) {
			freesAtAnswer = firstFree(now);
			freesAtAsked = now;
		}
		return freesAtAnswer;
	}

	private Instant firstFree(Instant now) {
		// a slot frees as a pin leaves a window, and whether it fits then depends on the pins a day around it
		List<Instant> around = new ArrayList<>();
		pins.subMap(now.minus(CapRule.DAY), false, now.plus(CapRule.DAY.multipliedBy(2)), false)
			.forEach((at, count) -> around.addAll(Collections.nCopies(count, at)));
		return rule.freesAt(around, now);
	}

	void add(Instant at) {
		freesAtAsked = null;
		pins.merge(at, 1, Integer::sum);
		pinsPerDay.merge(dayOf(at), 1, Integer::sum);
	}

	private LocalDate dayOf(Instant at) {
		return at.atZone(zone).toLocalDate();
	}

	/** The pins, sorted, that share a 24-hour window with {@code at}: all the rule needs to look at. */
	private List<Instant> near(Instant at) {
		List<Instant> near = new ArrayList<>();
		pins.subMap(at.minus(CapRule.DAY), false, at.plus(CapRule.DAY), false)
			.forEach((pin, count) -> near.addAll(Collections.nCopies(count, pin)));
		return near;
	}
}

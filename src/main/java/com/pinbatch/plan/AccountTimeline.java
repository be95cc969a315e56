package com.pinbatch.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The publish instants one account already has, so that another is added only when it keeps the account within
 * its caps. The daily cap is held both per calendar day (what the plan prints) and per rolling 24 hours (how the
 * sandbox and the sender's throttle count it; Zernio does not say which it uses, so both are kept).
 */
final class AccountTimeline {

	private static final Duration HOUR = Duration.ofHours(1);
	private static final Duration DAY = Duration.ofHours(24);

	private final PostingCaps caps;
	private final ZoneId zone;
	private final TreeMap<Instant, Integer> pins = new TreeMap<>();
	private final Map<LocalDate, Integer> pinsPerDay = new HashMap<>();

	AccountTimeline(PostingCaps caps, ZoneId zone) {
		this.caps = caps;
		this.zone = zone;
	}

	boolean fits(Instant at) {
		return pinsPerDay.getOrDefault(dayOf(at), 0) < caps.perDay()
				&& busiestWindowWith(at, HOUR) <= caps.perHour()
				&& busiestWindowWith(at, DAY) <= caps.perDay();
	}

	void add(Instant at) {
		pins.merge(at, 1, Integer::sum);
		pinsPerDay.merge(dayOf(at), 1, Integer::sum);
	}

	private LocalDate dayOf(Instant at) {
		return at.atZone(zone).toLocalDate();
	}

	/**
	 * The most pins, {@code at} counted in, of any window of this length that contains {@code at}. Such a window
	 * is busiest when it starts at a pin, so only windows starting at the pins in (at - length, at] are counted.
	 * Everything added so far kept the caps, so this looks at no more than about two caps' worth of pins.
	 */
	private int busiestWindowWith(Instant at, Duration length) {
		List<Instant> near = new ArrayList<>();
		boolean atPlaced = false;
		for (Map.Entry<Instant, Integer> pin : pins.subMap(at.minus(length), false, at.plus(length), false)
			.entrySet()) {
			if (!atPlaced && pin.getKey().isAfter(at)) {
				near.add(at);
				atPlaced = true;
			}
			for (int i = 0; i < pin.getValue(); i++) {
				near.add(pin.getKey());
			}
		}
		if (!atPlaced) {
			near.add(at);
		}
		int busiest = 0;
		int end = 0;
		for (int begin = 0; begin < near.size() && !near.get(begin).isAfter(at); begin++) {
			Instant windowEnd = near.get(begin).plus(length);
			while (end < near.size() && near.get(end).isBefore(windowEnd)) {
				end++;
			}
			busiest = Math.max(busiest, end - begin);
		}
		return busiest;
	}
}

package com.pinbatch.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counts the pins of each account per day and per hour against the account caps, row by row as a pre-scan
 * streams them, and says what would not fit. Memory grows with accounts and the days (and clock hours) their pins
 * fall on, never with rows.
 * <p>
 * Days are calendar days in the run's zone; undated pins count on the run's day, and as one batch against the
 * hourly cap, since they are all sent at once. Dated pins are checked per clock hour: the sender's throttle holds
 * the rolling hour, this only tells the user beforehand.
 */
public final class CapacityPlan {

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final PostingCaps caps;
	private final ZoneId zone;
	private final LocalDate runDay;
	private final Map<String, Tally> tallies = new TreeMap<>();

	public CapacityPlan(PostingCaps caps, Instant start, ZoneId zone) {
		this.caps = Objects.requireNonNull(caps, "caps");
		this.zone = Objects.requireNonNull(zone, "zone");
		this.runDay = start.atZone(zone).toLocalDate();
	}

	/** Counts one sendable row; a null {@code publishAt} publishes when sent. */
	public void add(long rowNumber, String account, Instant publishAt) {
		Tally tally = tallies.computeIfAbsent(Objects.requireNonNull(account, "account"), name -> new Tally());
		tally.pins++;
		if (publishAt == null) {
			tally.undated.count(rowNumber, caps.perHour());
			tally.days.computeIfAbsent(runDay, day -> new Count()).count(rowNumber, caps.perDay());
			return;
		}
		ZonedDateTime local = publishAt.atZone(zone);
		tally.days.computeIfAbsent(local.toLocalDate(), day -> new Count()).count(rowNumber, caps.perDay());
		tally.hours.computeIfAbsent(local.truncatedTo(ChronoUnit.HOURS).toInstant(), hour -> new Count())
			.count(rowNumber, caps.perHour());
	}

	public void add(PlannedRow row) {
		add(row.rowNumber(), row.account(), row.publishAt());
	}

	/** Each account's load, by account name. */
	public List<AccountLoad> accounts() {
		List<AccountLoad> loads = new ArrayList<>();
		tallies.forEach((account, tally) -> loads.add(load(account, tally)));
		return loads;
	}

	public boolean withinCaps() {
		return tallies.values().stream().allMatch(Tally::withinCaps);
	}

	public long totalPins() {
		return tallies.values().stream().mapToLong(tally -> tally.pins).sum();
	}

	/**
	 * The plan as printable lines: one per account, an indented line per day, clock hour or "now" batch over a
	 * cap (naming the first row that passes it), and a total.
	 */
	public List<String> describe() {
		List<String> lines = new ArrayList<>();
		tallies.forEach((account, tally) -> {
			lines.add(accountLine(account, tally));
			tally.days.forEach((day, count) -> {
				if (count.overCap) {
					lines.add("  " + account + " on " + day + ": " + pins(count.pins)
							+ overCap(count, caps.perDay(), "day"));
				}
			});
			if (tally.undated.overCap) {
				lines.add("  " + account + " now: " + tally.undated.pins + " undated pins"
						+ overCap(tally.undated, caps.perHour(), "hour"));
			}
			tally.hours.forEach((hour, count) -> {
				if (count.overCap) {
					lines.add("  " + account + " at " + HOUR.format(hour.atZone(zone)) + ": " + pins(count.pins)
							+ overCap(count, caps.perHour(), "hour"));
				}
			});
		});
		lines.add(totalLine());
		return lines;
	}

	private String accountLine(String account, Tally tally) {
		String line = account + ": " + pins(tally.pins) + ", ";
		if (tally.withinCaps()) {
			return line + "within caps";
		}
		if (tally.days.values().stream().anyMatch(count -> count.overCap)) {
			long days = tally.daysAtCap(caps.perDay());
			return line + caps.perDay() + "/day cap -> " + days + (days == 1 ? " day" : " days");
		}
		return line + "over the " + caps.perHour() + "/hour cap";
	}

	private String totalLine() {
		long over = tallies.values().stream().filter(tally -> !tally.withinCaps()).count();
		String line = "total: " + pins(totalPins()) + " for " + tallies.size()
				+ (tallies.size() == 1 ? " account" : " accounts");
		if (tallies.isEmpty()) {
			return line;
		}
		return line + (over == 0 ? ", within caps" : ", " + over + " over its caps");
	}

	private static String overCap(Count count, int cap, String unit) {
		return ", cap " + cap + "/" + unit + " (row " + count.firstRowOver + " is the first over)";
	}

	private static String pins(long pins) {
		return pins + (pins == 1 ? " pin" : " pins");
	}

	private AccountLoad load(String account, Tally tally) {
		SortedMap<LocalDate, Long> perDay = new TreeMap<>();
		tally.days.forEach((day, count) -> perDay.put(day, count.pins));
		return new AccountLoad(account, tally.pins, tally.undated.pins, Collections.unmodifiableSortedMap(perDay),
				tally.daysAtCap(caps.perDay()), tally.withinCaps());
	}

	/** Pins counted against one cap, and the row that first went over it. */
	private static final class Count {

		long pins;
		boolean overCap;
		long firstRowOver;

		void count(long rowNumber, int cap) {
			pins++;
			if (pins > cap && !overCap) {
				overCap = true;
				firstRowOver = rowNumber;
			}
		}
	}

	private static final class Tally {

		long pins;
		final Count undated = new Count();
		final SortedMap<LocalDate, Count> days = new TreeMap<>();
		final SortedMap<Instant, Count> hours = new TreeMap<>();

		boolean withinCaps() {
			return !undated.overCap && days.values().stream().noneMatch(count -> count.overCap)
					&& hours.values().stream().noneMatch(count -> count.overCap);
		}

		long daysAtCap(int perDay) {
			return Math.max(1, (pins + perDay - 1) / perDay);
		}
	}
}

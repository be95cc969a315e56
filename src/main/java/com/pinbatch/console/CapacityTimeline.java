package com.pinbatch.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The capacity plan as a small timeline: per account, how many of the rows to send go out in each hour (rows
 * without a date go out at once). Read from the dry run's own publish times, so it shows what {@code --spread}
 * made of them.
 */
record CapacityTimeline(String account, long pins, String per, List<Slot> slots) {

	/** One hour of an account's timeline; {@code percent} is its bar's length against the busiest hour. */
	record Slot(String hour, long pins, int percent) {
	}

	private static final String AT_ONCE = "at once";

	/**
	 * Hours an account's timeline lists before it counts per day instead, and days before the rest is one line: a file
	 * of 5,000 pins an hour apart listed about 4,950 hours, and its rows to fix came 200 screens down.
	 */
	static final int MOST_LINES = 48;

	private static final Comparator<String> AT_ONCE_FIRST = Comparator.comparing((String hour) -> !hour.equals(AT_ONCE))
		.thenComparing(Comparator.naturalOrder());

	/**
	 * @param accounts the account a row's pin goes to, by the name the plan gives it (a row may name none: its board
	 *                 tells), or null when nothing tells: the row is then shown under its board
	 */
	static List<CapacityTimeline> of(List<ReviewRow> rows, Function<ReviewRow, String> accounts) {
		Builder timelines = new Builder(accounts);
		rows.forEach(timelines);
		return timelines.timelines();
	}

	/** Takes the rows as they are read, keeping only each account's count per hour. */
	static final class Builder implements Consumer<ReviewRow> {

		private final Function<ReviewRow, String> accounts;

		private final Map<String, Map<String, Long>> byAccount = new TreeMap<>();

		/** @param accounts as {@link CapacityTimeline#of} takes it */
		Builder(Function<ReviewRow, String> accounts) {
			this.accounts = accounts;
		}

		@Override
		public void accept(ReviewRow row) {
			if (!"VALID".equals(row.status())) {
				return; // not to send: refused, over a cap, or already on Zernio (its place counted by the plan)
			}
			String known = accounts.apply(row);
			String account = known != null ? known : "board " + row.board();
			String hour = row.hour().isBlank() ? AT_ONCE : row.hour();
			byAccount.computeIfAbsent(account, key -> new TreeMap<>(AT_ONCE_FIRST)).merge(hour, 1L, Long::sum);
		}

		List<CapacityTimeline> timelines() {
			List<CapacityTimeline> timelines = new ArrayList<>();
			byAccount.forEach((account, hours) -> {
				boolean daily = hours.size() > MOST_LINES;
				Map<String, Long> counted = daily ? perDay(hours) : hours;
				List<Map.Entry<String, Long>> shown = new ArrayList<>(counted.entrySet());
				if (shown.size() > MOST_LINES) {
					long later = shown.subList(MOST_LINES - 1, shown.size()).stream().mapToLong(Map.Entry::getValue)
						.sum();
					shown = new ArrayList<>(shown.subList(0, MOST_LINES - 1));
					shown.add(Map.entry("later (" + (counted.size() - MOST_LINES + 1) + " more days)", later));
				}
				// against the busiest hour or day: the line of the later days is longer than any, its bar full
				long busiest = counted.values().stream().mapToLong(Long::longValue).max().orElse(1);
				List<Slot> slots = new ArrayList<>();
				shown.forEach(slot -> slots.add(new Slot(slot.getKey(), slot.getValue(),
						(int) Math.min(100, Math.max(4, 100 * slot.getValue() / busiest)))));
				timelines.add(new CapacityTimeline(account, hours.values().stream().mapToLong(Long::longValue).sum(),
						daily ? "day" : "hour", slots));
			});
			return timelines;
		}

		/** "2027-01-01 09:00 Europe/Berlin" counted under "2027-01-01 Europe/Berlin"; "at once" stays itself. */
		private static Map<String, Long> perDay(Map<String, Long> hours) {
			Map<String, Long> days = new TreeMap<>(AT_ONCE_FIRST);
			hours.forEach((hour, pins) -> {
				int time = hour.indexOf(' ');
				int zone = time < 0 ? -1 : hour.indexOf(' ', time + 1);
				String day = time < 0 ? hour : hour.substring(0, time) + (zone < 0 ? "" : hour.substring(zone));
				days.merge(day, pins, Long::sum);
			});
			return days;
		}
	}
}

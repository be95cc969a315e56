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
record CapacityTimeline(String account, long pins, List<Slot> slots) {

	/** One hour of an account's timeline; {@code percent} is its bar's length against the busiest hour. */
	record Slot(String hour, long pins, int percent) {
	}

	private static final String AT_ONCE = "at once";

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
				long busiest = hours.values().stream().mapToLong(Long::longValue).max().orElse(1);
				List<Slot> slots = new ArrayList<>();
				hours.forEach((hour, pins) -> slots.add(new Slot(hour, pins, (int) Math.max(4, 100 * pins / busiest))));
				timelines.add(new CapacityTimeline(account, hours.values().stream().mapToLong(Long::longValue).sum(),
						slots));
			});
			return timelines;
		}
	}
}

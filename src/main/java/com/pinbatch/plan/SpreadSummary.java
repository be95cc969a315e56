package com.pinbatch.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Printable lines saying what {@code --spread} moved: per account, how many pins and over which span. */
public final class SpreadSummary {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private SpreadSummary() {
	}

	/**
	 * @param rows  the rows given to {@link SpreadPlanner#plan}
	 * @param moved its answer
	 * @param zone  the run's zone, for the printed times
	 */
	public static List<String> lines(List<PlannedRow> rows, Map<Long, Instant> moved, ZoneId zone) {
		Map<String, Span> spans = new TreeMap<>();
		for (PlannedRow row : rows) {
			Instant slot = moved.get(row.rowNumber());
			if (slot != null) {
				spans.computeIfAbsent(row.account(), account -> new Span()).add(slot);
			}
		}
		List<String> lines = new ArrayList<>();
		spans.forEach((account, span) -> lines.add(account + ": " + span.pins + (span.pins == 1 ? " pin" : " pins")
				+ " rescheduled, " + MINUTE.format(span.first.atZone(zone)) + " to "
				+ MINUTE.format(span.last.atZone(zone))));
		if (lines.isEmpty()) {
			lines.add("spread: every pin keeps its time");
		}
		return lines;
	}

	private static final class Span {

		long pins;
		Instant first;
		Instant last;

		void add(Instant slot) {
			pins++;
			first = first == null || slot.isBefore(first) ? slot : first;
			last = last == null || slot.isAfter(last) ? slot : last;
		}
	}
}

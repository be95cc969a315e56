package com.pinbatch.plan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The local hours of the day in which spread pins may be scheduled, e.g. 08:00-20:00.
 *
 * @param from  first moment of the window
 * @param until end of the window (exclusive); {@link LocalTime#MIDNIGHT} means the end of the day
 */
public record PostingHours(LocalTime from, LocalTime until) {

	public PostingHours {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(until, "until");
		if (!until.equals(LocalTime.MIDNIGHT) && !from.isBefore(until)) {
			throw new IllegalArgumentException("posting hours must start before they end, were " + from + "-" + until);
		}
	}

	public static PostingHours defaults() {
		return new PostingHours(LocalTime.of(8, 0), LocalTime.of(20, 0));
	}

	/** Reads {@code HH:mm-HH:mm}; {@code 24:00} as the end means midnight. */
	public static PostingHours parse(String text) {
		String[] ends = text == null ? new String[0] : text.trim().split("\\s*-\\s*");
		if (ends.length != 2) {
			throw invalid(text);
		}
		try {
			LocalTime until = ends[1].equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(ends[1]);
			return new PostingHours(LocalTime.parse(ends[0]), until);
		}
		catch (DateTimeParseException ex) {
			throw invalid(text);
		}
	}

	/** Where the window opens on that day; a time skipped by a DST change moves forward, as Java resolves it. */
	ZonedDateTime opensOn(LocalDate day, ZoneId zone) {
		return day.atTime(from).atZone(zone);
	}

	ZonedDateTime closesOn(LocalDate day, ZoneId zone) {
		return until.equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(zone) : day.atTime(until).atZone(zone);
	}

	@Override
	public String toString() {
		return from + "-" + (until.equals(LocalTime.MIDNIGHT) ? "24:00" : until.toString());
	}

	private static IllegalArgumentException invalid(String text) {
		return new IllegalArgumentException(
				"posting hours must look like 08:00-20:00 (local time, start before end), were \"" + text + "\"");
	}
}

package com.pinbatch.pin;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A date written in a form pinbatch reads, whose day its month does not have (30 February, 31 April). */
final class NoSuchDayException extends DateTimeParseException {

	private static final long serialVersionUID = 1L;

	private final transient YearMonth month;

	private final int day;

	private NoSuchDayException(String text, YearMonth month, int day) {
		super("no day " + day + " in " + month, text, 0);
		this.month = month;
		this.day = day;
	}

	/**
	 * Refuses a day its month lacks, when the numbers are otherwise a month (1 to 12) and a day (1 to 31): the form
	 * was read, only the calendar says no. Numbers that are no month or day at all are left to the caller.
	 */
	static void refuseMissingDay(String text, int year, int month, int day) {
		if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && !YearMonth.of(year, month).isValidDay(day)) {
			throw new NoSuchDayException(text, YearMonth.of(year, month), day);
		}
	}

	YearMonth month() {
		return month;
	}

	int day() {
		return day;
	}
}

package com.pinbatch.pin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A date whose weekday, written before it, is not its own ("Mon, 25 Dec 2030": a Wednesday): one of them is wrong. */
final class WrongWeekdayException extends DateTimeParseException {

	private static final long serialVersionUID = 1L;

	private final transient LocalDate date;

	private final DayOfWeek written;

	WrongWeekdayException(String text, LocalDate date, DayOfWeek written) {
		super(written + " written before " + date + ", a " + date.getDayOfWeek(), text, 0);
		this.date = date;
		this.written = written;
	}

	LocalDate date() {
		return date;
	}

	DayOfWeek written() {
		return written;
	}
}

package com.pinbatch.pin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start of a cell written like 03/04/2027, 3.4.2027 or 03-04-2027: two numbers, then a four-digit year. Which
 * number is the day depends on the column ({@link DateOrder}).
 *
 * @param first  the first number (day or month)
 * @param second the second number (month or day)
 * @param end    index in the text just after the year
 */
record YearLastDate(int first, int second, int year, int end) {

	private static final Pattern FORM = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})");

	/** The date at the start of {@code text}, if it is written with the year last. */
	static Optional<YearLastDate> find(String text) {
		Matcher matcher = FORM.matcher(text);
		if (!matcher.lookingAt()) {
			return Optional.empty();
		}
		return Optional.of(new YearLastDate(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(3)),
				Integer.parseInt(matcher.group(4)), matcher.end()));
	}

	/** Only a day-first reading exists (the first number is above 12). */
	boolean showsDayFirst() {
		return first > 12 && second <= 12;
	}

	/** Only a month-first reading exists (the second number is above 12). */
	boolean showsMonthFirst() {
		return second > 12 && first <= 12;
	}

	Optional<LocalDate> dayFirst() {
		return date(second, first);
	}

	Optional<LocalDate> monthFirst() {
		return date(first, second);
	}

	private Optional<LocalDate> date(int month, int day) {
		try {
			return Optional.of(LocalDate.of(year, month, day));
		}
		catch (DateTimeException noSuchDate) {
			return Optional.empty();
		}
	}
}

package com.pinbatch.pin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start of a cell written like 03/04/2027, 3.4.2027 or 03-04-2027: two numbers, then the year. Which number is
 * the day depends on the column ({@link DateOrder}), except in dotted dates: 01.06.2027 is day first wherever it is
 * written that way (German, Swiss, Scandinavian, Russian ... spreadsheets), never month first. A year of two digits
 * (3/4/27, a spreadsheet's short date format) is the one closest to this year.
 *
 * @param first  the first number (day or month)
 * @param second the second number (month or day)
 * @param end       index in the text just after the year
 * @param separator '/', '.' or '-'
 * @param padded    whether day and month are written with two digits (01/06/2027)
 * @param shortYear whether the year is written with two digits (01/06/27)
 */
record YearLastDate(int first, int second, int year, int end, char separator, boolean padded, boolean shortYear) {

	private static final Pattern FORM = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2}(?!\\d))");

	/** The date at the start of {@code text}, if it is written with the year last. */
	static Optional<YearLastDate> find(String text) {
		return find(text, Year.now(ZoneOffset.UTC).getValue());
	}

	/** As {@link #find(String)}, a two-digit year read as the year closest to {@code thisYear} (99: 1999 in 2026). */
	static Optional<YearLastDate> find(String text, int thisYear) {
		Matcher matcher = FORM.matcher(text);
		if (!matcher.lookingAt()) {
			return Optional.empty();
		}
		boolean padded = matcher.group(1).length() == 2 && matcher.group(3).length() == 2;
		boolean shortYear = matcher.group(4).length() == 2;
		int year = shortYear ? closest(Integer.parseInt(matcher.group(4)), thisYear) : Integer.parseInt(matcher.group(4));
		return Optional.of(new YearLastDate(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(3)),
				year, matcher.end(), matcher.group(2).charAt(0), padded, shortYear));
	}

	/**
	 * The year ending in these two digits closest to this one: a publish date is near, and a year far in the past
	 * (12/31/99) is then refused as past rather than scheduled 73 years ahead.
	 */
	static int closest(int twoDigits, int thisYear) {
		int year = thisYear - Math.floorMod(thisYear, 100) + twoDigits;
		if (year > thisYear + 50) {
			return year - 100;
		}
		return year < thisYear - 49 ? year + 100 : year; // half a century either way, the future's when both are
	}

	/** Dotted dates are day first by convention; no column has to settle it. */
	boolean dayFirstByConvention() {
		return separator == '.';
	}

	/**
	 * The --date-format that reads this date day first or month first, with the file's own separator; one-letter
	 * fields read one or two digits, and the time after the date is read as without the option.
	 */
	String pattern(boolean dayFirst) {
		String day = padded ? "dd" : "d";
		String month = padded ? "MM" : "M";
		String pair = dayFirst ? day + separator + month : month + separator + day;
		return pair + separator + (shortYear ? "yy" : "yyyy");
	}

	/** Only a day-first reading exists (the first number is above 12). */
	boolean showsDayFirst() {
		return first > 12 && second <= 12;
	}

	/** Only a month-first reading exists (the second number is above 12). */
	boolean showsMonthFirst() {
		return second > 12 && first <= 12 && !dayFirstByConvention();
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

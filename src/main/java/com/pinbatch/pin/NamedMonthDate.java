package com.pinbatch.pin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start of a cell whose date names its month in English, as a spreadsheet shows a date formatted that way:
 * {@code Dec 25, 2027}, {@code December 25th, 2027}, {@code Sat, Dec 25, 2027}, {@code 25 December 2027},
 * {@code 25-Dec-2027} or {@code 25-Dec-27} (Excel's d-mmm-yy). The month's name settles which number is the day.
 *
 * @param date the date written
 * @param end  index in the text just after the year (and a comma after it)
 */
record NamedMonthDate(LocalDate date, int end) {

	private static final String WEEKDAY = "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?";

	private static final String MONTH = "([a-z]{3,9})\\.?";

	private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";

	private static final Pattern MONTH_FIRST = Pattern.compile(WEEKDAY + MONTH + "\\s+" + DAY + ",?\\s+(\\d{4}),?",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DAY_FIRST = Pattern.compile(WEEKDAY + DAY + "\\s+" + MONTH + ",?\\s+(\\d{4}),?",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DASHED = Pattern.compile("(\\d{1,2})-([a-z]{3,9})-(\\d{4}|\\d{2}(?!\\d))",
			Pattern.CASE_INSENSITIVE);

	/** A day and a month, either way round, its month named or not ("1-Mar", "Mar 1st", "01/03"): no year. */
	private static final Pattern NO_YEAR = Pattern.compile("(?:" + WEEKDAY + "(?:" + MONTH + "[\\s-]+" + DAY + "|" + DAY
			+ "[\\s-]+" + MONTH + ")|\\d{1,2}/\\d{1,2}|\\d{1,2}\\.\\d{1,2}\\.)(?!\\d),?", Pattern.CASE_INSENSITIVE);

	/**
	 * Whether the text is a day and month without a year, then nothing or a time: what a spreadsheet writes to CSV for
	 * a date formatted "d-mmm" (Excel's format for a date typed as "1 Mar"), which holds the year unseen.
	 *
	 * @param followsDate whether what comes after the day and month is what may follow a date (the parser's rule)
	 */
	static boolean withoutYear(String text, Predicate<String> followsDate) {
		Matcher matcher = NO_YEAR.matcher(text);
		if (!matcher.lookingAt() || !followsDate.test(text.substring(matcher.end()))) {
			return false;
		}
		String named = matcher.group(1) != null ? matcher.group(1) : matcher.group(4);
		return named == null || month(named).isPresent();
	}

	/**
	 * The date at the start of {@code text}, if its month is named.
	 *
	 * @throws NoSuchDayException for a day its month has not ({@code Feb 30, 2027})
	 */
	static Optional<NamedMonthDate> find(String text) {
		Matcher monthFirst = MONTH_FIRST.matcher(text);
		if (monthFirst.lookingAt()) {
			return date(text, monthFirst, 2, 1, monthFirst.group(3));
		}
		Matcher dayFirst = DAY_FIRST.matcher(text);
		if (dayFirst.lookingAt()) {
			return date(text, dayFirst, 1, 2, dayFirst.group(3));
		}
		Matcher dashed = DASHED.matcher(text);
		if (dashed.lookingAt()) {
			String year = dashed.group(3);
			return date(text, dashed, 1, 2, year.length() == 2
					? String.valueOf(YearLastDate.closest(Integer.parseInt(year), Year.now(ZoneOffset.UTC).getValue()))
					: year);
		}
		return Optional.empty();
	}

	private static Optional<NamedMonthDate> date(String text, Matcher matcher, int dayGroup, int monthGroup,
			String year) {
		Optional<Month> month = month(matcher.group(monthGroup));
		if (month.isEmpty()) {
			return Optional.empty();
		}
		int day = Integer.parseInt(matcher.group(dayGroup));
		NoSuchDayException.refuseMissingDay(text, Integer.parseInt(year), month.get().getValue(), day);
		try {
			return Optional.of(new NamedMonthDate(LocalDate.of(Integer.parseInt(year), month.get(), day),
					matcher.end()));
		}
		catch (DateTimeException noSuchDay) {
			return Optional.empty();
		}
	}

	/** An English month's name, whole or cut to three letters or more ({@code Sept}, {@code Febr}). */
	private static Optional<Month> month(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		for (Month month : Month.values()) {
			if (month.name().toLowerCase(Locale.ROOT).startsWith(lower)) {
				return Optional.of(month);
			}
		}
		return Optional.empty();
	}
}

package com.pinbatch.pin;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The start of a cell whose date names its month, as a spreadsheet shows a date formatted that way:
 * {@code Dec 25, 2027}, {@code December 25th, 2027}, {@code Sat, Dec 25, 2027}, {@code 25 December 2027},
 * {@code 25-Dec-2027} or {@code 25-Dec-27} (Excel's d-mmm-yy); or in the languages whose headers the default mapping
 * reads, as their spreadsheets write dates: {@code 1er mars 2027}, {@code Montag, 1. März 2027}, {@code 1 de marzo de
 * 2027}, {@code 1 marzo 2027}, {@code 1 maart 2027}, {@code 1 de março de 2027}. The month's name settles which number
 * is the day.
 *
 * @param date the date written
 * @param end  index in the text just after the year (and a comma after it)
 */
record NamedMonthDate(LocalDate date, int end) {

	/** The languages of month and weekday names: those whose spreadsheets' headers the default mapping reads. */
	private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN,
			Locale.forLanguageTag("es"), Locale.ITALIAN, Locale.forLanguageTag("pt"), Locale.forLanguageTag("nl"));

	private static final List<TextStyle> STYLES = List.of(TextStyle.FULL, TextStyle.SHORT, TextStyle.FULL_STANDALONE,
			TextStyle.SHORT_STANDALONE);

	/** Month names, whole and as each language shortens them, in {@link #folded} form. */
	private static final Map<String, Month> MONTHS = months();

	/** Weekday names, whole and short, in {@link #folded} form: "do" is Thursday in German, Sunday in Spanish. */
	private static final Map<String, Set<DayOfWeek>> WEEKDAYS = weekdaysByName();

	/** A weekday's name before the date, whole or short, in any of the languages ("Sat,", "Montag,", "mar."). */
	private static final String WEEKDAY = "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|" + weekdays() + ")\\.?,?\\s+";

	private static final String OPTIONAL_WEEKDAY = "(?:" + WEEKDAY + ")?";

	private static final String MONTH = "(\\p{L}{3,10})\\.?";

	/** "1st", "1." (German), "1er" (French). */
	private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th|er|\\.)?";

	/** "de" (Spanish, Portuguese: "1 de marzo de 2027"). */
	private static final String OF = "\\s+(?:de\\s+)?";

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern MONTH_FIRST = Pattern.compile(OPTIONAL_WEEKDAY + MONTH + "\\s+" + DAY
			+ ",?\\s+(\\d{4}),?", FLAGS);

	private static final Pattern DAY_FIRST = Pattern.compile(OPTIONAL_WEEKDAY + DAY + OF + MONTH + ",?" + OF
			+ "(\\d{4}),?", FLAGS);

	private static final Pattern DASHED = Pattern.compile("(\\d{1,2})-(\\p{L}{3,10})-(\\d{4}|\\d{2}(?!\\d))", FLAGS);

	/** A day and a month, either way round, its month named or not ("1-Mar", "Mar 1st", "01/03"): no year. */
	private static final Pattern NO_YEAR = Pattern.compile("(?:" + OPTIONAL_WEEKDAY + "(?:" + MONTH + "[\\s-]+" + DAY
			+ "|" + DAY + "(?:[\\s-]+|" + OF + ")" + MONTH + ")|\\d{1,2}/\\d{1,2}|\\d{1,2}\\.\\d{1,2}\\.)(?!\\d),?",
			FLAGS);

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
		LocalDate date;
		try {
			date = LocalDate.of(Integer.parseInt(year), month.get(), day);
		}
		catch (DateTimeException noSuchDay) {
			return Optional.empty();
		}
		DayOfWeek written = weekday(text.substring(0, Math.min(matcher.start(dayGroup), matcher.start(monthGroup))));
		if (written != null && written != date.getDayOfWeek()) {
			throw new WrongWeekdayException(text, date, written);
		}
		return Optional.of(new NamedMonthDate(date, matcher.end()));
	}

	/** The weekday named before a date ("Mon, ", "Montag, "), or null: none, or a short name of two days' languages. */
	private static DayOfWeek weekday(String before) {
		String name = folded(before.strip().replaceAll("[.,]+$", ""));
		if (name.isEmpty()) {
			return null;
		}
		Set<DayOfWeek> days = WEEKDAYS.getOrDefault(name, Set.of());
		if (days.isEmpty() && name.length() >= 3) {
			// English as people shorten it: "Tues", "Thurs"
			days = Arrays.stream(DayOfWeek.values())
				.filter(day -> day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT)
					.startsWith(name))
				.collect(Collectors.toSet());
		}
		return days.size() == 1 ? days.iterator().next() : null;
	}

	/**
	 * A month's name, whole, as a language shortens it ({@code mrt.}, {@code juil.}), or cut to three letters or more
	 * where that leaves one month ({@code Sept}, {@code Febr}; not {@code jui}, June or July in French).
	 */
	private static Optional<Month> month(String name) {
		String key = folded(name);
		Month named = MONTHS.get(key);
		if (named != null) {
			return Optional.of(named);
		}
		Set<Month> starting = EnumSet.noneOf(Month.class);
		MONTHS.forEach((whole, month) -> {
			if (whole.startsWith(key)) {
				starting.add(month);
			}
		});
		return starting.size() == 1 ? Optional.of(starting.iterator().next()) : Optional.empty();
	}

	/** Every language's weekday names, whole and short, as written and without accents, longest first. */
	private static String weekdays() {
		Set<String> names = new HashSet<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			for (Locale locale : LANGUAGES) {
				for (TextStyle style : STYLES) {
					String name = withoutClosingDot(day.getDisplayName(style, locale)).toLowerCase(locale);
					names.add(name);
					names.add(folded(name));
				}
			}
		}
		return names.stream()
			.filter(name -> name.length() >= 2)
			.sorted(Comparator.comparing(String::length).reversed())
			.map(Pattern::quote)
			.collect(Collectors.joining("|"));
	}

	/** Every language's weekday names, whole and short, in {@link #folded} form, with the days each may be. */
	private static Map<String, Set<DayOfWeek>> weekdaysByName() {
		Map<String, Set<DayOfWeek>> names = new HashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			for (Locale locale : LANGUAGES) {
				for (TextStyle style : STYLES) {
					names.computeIfAbsent(folded(day.getDisplayName(style, locale)), name -> EnumSet.noneOf(
							DayOfWeek.class)).add(day);
				}
			}
		}
		return Map.copyOf(names);
	}

	/** Every language's month names, whole and short, in {@link #folded} form. */
	private static Map<String, Month> months() {
		Map<String, Month> names = new HashMap<>();
		for (Month month : Month.values()) {
			for (Locale locale : LANGUAGES) {
				for (TextStyle style : STYLES) {
					names.putIfAbsent(folded(month.getDisplayName(style, locale)), month);
				}
			}
		}
		return Map.copyOf(names);
	}

	/** Lower case, accents and a closing dot removed: "Févr." is "fevr", "März" is "marz". */
	private static String folded(String name) {
		return Normalizer.normalize(withoutClosingDot(name), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT);
	}

	private static String withoutClosingDot(String name) {
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
	}
}

package com.pinbatch.pin;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a publish_at cell into a {@link WrittenTime}; the zone is applied later, per row. Accepted:
 * <ul>
 * <li>ISO-8601 with an offset or zone: {@code 2027-03-01T09:30:00Z}, {@code 2027-03-01T09:30+01:00},
 * {@code 2027-03-01T09:30+01:00[Europe/Paris]}</li>
 * <li>a date with the year first, separated by '-', '/' or '.': {@code 2027-03-01}, {@code 2027/3/1}</li>
 * <li>a date with the year last: {@code 01/03/2027}, {@code 1.3.2027}, {@code 01-03-2027}; which number is the day
 * is the column's {@link DateOrder}, or the user's --date-format replaces these forms altogether</li>
 * <li>a date that names its month, in English or in the other languages whose headers are read: {@code Dec 25,
 * 2027}, {@code 25 December 2027}, {@code 25-Dec-27}, {@code 1. März 2027} ({@link NamedMonthDate})</li>
 * <li>a spreadsheet's serial date number saved as text: {@code 46539.375} ({@link ExcelSerialDate})</li>
 * </ul>
 * A date may be followed by a time ({@code T} or spaces, then {@code 9:30}, {@code 09:30:15}, {@code 09:30:15.250},
 * {@code 9:30 PM}, {@code at 9:30 AM}) and, after a time, an offset ({@code Z}, {@code UTC}, {@code +01:00},
 * {@code +0100}, {@code -05}, {@code GMT+1}, {@code UTC-05:00}). A date alone means the configured default time of
 * day.
 */
final class PublishTimeParser {

	private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})([/.-])(\\d{1,2})\\2(\\d{1,2})");

	/**
	 * What may follow a date: nothing, or a time with an optional AM/PM and an optional offset, after a comma too
	 * (12/24/2026, 2:30 PM: JavaScript's toLocaleString, Numbers, many web tools' exports). Hours and minutes
	 * apart by ':', or as calendars write them: '.' (14.30), 'h' (French 14h30, 14 h 30, 21h, 21 h), the hour alone
	 * with AM/PM (9 PM, 9pm) or with "Uhr" (German 14 Uhr, 14:00 Uhr); "at" before the time, as Apple's apps write a
	 * date and time (March 1, 2027 at 9:30 AM), and its word in the other languages whose dates are read (um, à, a
	 * las, às, alle ore, om); an offset as GMT or UTC and hours (GMT+1, UTC-05:00), as people label times.
	 */
	private static final Pattern TIME = Pattern.compile("(?:(?:T|,?\\s+"
			+ "(?:(?:at|um|à|às|a\\s+las|alle(?:\\s+ore)?|ore|om)\\s+)?)"
			+ "(\\d{1,2})(?:([:.h]| h )(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?| ?(h))?"
			+ "(?:\\s*([AP])\\.?M\\.?|\\s*(uhr))?"
			+ "(?:\\s*(Z|(?:UTC|GMT)\\s?[+-]\\d{1,2}(?::?\\d{2})?|UTC|[+-]\\d{2}(?::?\\d{2})?))?)?",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** "GMT" or "UTC" before an offset's hours ("GMT+1"): the offset is what follows. */
	private static final Pattern NAMED_OFFSET = Pattern.compile("(?i)(?:UTC|GMT)\\s?");

	private static final int NANO_DIGITS = 9;

	/** The offset JavaScript writes before the zone's name: "GMT+0100". */
	private static final Pattern JS_OFFSET = Pattern.compile("GMT[+-]\\d{4}");

	private static final int JS_OFFSET_LENGTH = 8;

	private final LocalTime defaultTimeOfDay;

	private final DateOrder order;

	/** The user's --date-format, or null. */
	private final String dateFormat;

	/** A day, month or hour written with two letters, not next to another letter. */
	private static final Pattern TWO_DIGIT_FIELD = Pattern.compile("(?<![A-Za-z])(dd|MM|HH|hh)(?![A-Za-z])");

	private final DateTimeFormatter userFormat;

	/**
	 * @param dateFormat a java.time pattern (--date-format) that replaces the year-last forms but the dotted ones (day
	 *                   first), or null
	 * @throws IllegalArgumentException if {@code dateFormat} is not a valid pattern
	 */
	PublishTimeParser(LocalTime defaultTimeOfDay, DateOrder order, String dateFormat) {
		this.defaultTimeOfDay = defaultTimeOfDay;
		this.order = order;
		this.dateFormat = dateFormat;
		this.userFormat = dateFormat == null ? null : compile(dateFormat);
	}

	/**
	 * Compiles a --date-format pattern the way it is used to read cells: case-insensitive, strict (no 31 February),
	 * English month names, and {@code yyyy} read as the common era.
	 *
	 * @throws IllegalArgumentException with a user-facing message if the pattern is not valid
	 */
	static DateTimeFormatter compile(String pattern) {
		try {
			return new DateTimeFormatterBuilder().parseCaseInsensitive()
				.appendPattern(oneOrTwoDigits(pattern))
				.parseDefaulting(ChronoField.ERA, 1)
				.toFormatter(Locale.ENGLISH)
				.withResolverStyle(ResolverStyle.STRICT);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--date-format '" + pattern + "' is not a date pattern (" + ex.getMessage()
					+ ") — write it like dd/MM/yyyy or MM/dd/yyyy", ex);
		}
	}

	/**
	 * The pattern with its two-letter day, month and hour between separators read as one or two digits: dd/MM/yyyy
	 * is how people write the form of a column that also holds 4/5/2027 (Excel writes dates unpadded), and java.time
	 * refused that. Letters next to letters (yyyyMMdd) and patterns with quoted text are left as they are.
	 */
	private static String oneOrTwoDigits(String pattern) {
		return pattern.indexOf('\'') >= 0 ? pattern : TWO_DIGIT_FIELD.matcher(pattern).replaceAll(field -> field
			.group(1).substring(1));
	}

	/**
	 * @return what the cell says, or empty for an empty cell (publish now)
	 * @throws DateTimeParseException  if no accepted form reads the text ({@link NoSuchDayException} when one does
	 *                                 but the day is not in its month)
	 * @throws AmbiguousDateException  if the date reads both day first and month first and nothing settles which
	 */
	Optional<WrittenTime> read(String text) throws AmbiguousDateException {
		String value = withoutOffsetLabel(text == null ? "" : text.strip());
		if (value.isEmpty()) {
			return Optional.empty();
		}
		Optional<WrittenTime> written = isoZoned(value);
		if (written.isEmpty() && userFormat != null) {
			written = userFormat(value);
		}
		if (written.isEmpty()) {
			written = yearFirst(value);
		}
		if (written.isEmpty()) {
			// --date-format reads the year-last dates, but for the dotted ones, day first wherever they are written:
			// its pattern, suggested for a column's 3/2/27, made the column's 03.02.2027 unreadable
			written = yearLast(value, userFormat != null);
		}
		if (written.isEmpty()) {
			written = EastAsianDate.find(value).flatMap(date -> withTime(date.date(), date.time()));
		}
		if (written.isEmpty()) {
			written = NamedMonthDate.find(value).flatMap(date -> withTime(date.date(), value.substring(date.end())));
		}
		if (written.isEmpty()) {
			written = ExcelSerialDate.read(value).map(serial -> new WrittenTime(serial.at(defaultTimeOfDay), null));
		}
		return Optional.of(written.orElseThrow(() -> new DateTimeParseException("not a publish time", value, 0)));
	}

	/**
	 * JavaScript's way of writing a date and time, as scripts and automation tools put them into sheets ("Mon Mar 01
	 * 2027 09:30:00 GMT+0100 (Central European Standard Time)"): the zone's name in brackets after the offset adds
	 * nothing to it. Only the cell's end is looked at.
	 */
	private static String withoutOffsetLabel(String value) {
		int open = value.endsWith(")") ? value.lastIndexOf(" (") : -1;
		if (open < JS_OFFSET_LENGTH) {
			return value;
		}
		String before = value.substring(0, open);
		return JS_OFFSET.matcher(before.substring(open - JS_OFFSET_LENGTH)).matches() ? before : value;
	}

	/** Whether the text is a time of day alone ("14:00", "9pm", "14h30"), written as this parser reads one. */
	boolean isTimeOfDay(String text) {
		return !text.isBlank() && withTime(LocalDate.EPOCH, " " + text.strip()).isPresent();
	}

	/** Whether the text is what may follow a date: nothing, or a time of day as this parser reads one. */
	boolean followsDate(String text) {
		return withTime(LocalDate.EPOCH, text).isPresent();
	}

	/** An example of every accepted form, for messages. */
	List<String> acceptedForms() {
		List<String> forms = new ArrayList<>(List.of("2027-03-01T09:30:00Z", "2027-03-01T09:30+01:00",
				"2027-03-01 09:30[:00]", "2027/03/01 9:30 PM"));
		if (dateFormat != null) {
			forms.add("dates as --date-format " + dateFormat + " [09:30]");
			forms.add("01.03.2027 09:30 (dotted: day first)");
		}
		else if (order == DateOrder.DAY_FIRST) {
			forms.add("01/03/2027 09:30 (day first, like the rest of the column)");
		}
		else if (order == DateOrder.MONTH_FIRST) {
			forms.add("03/01/2027 09:30 (month first, like the rest of the column)");
		}
		else {
			forms.add("13/03/2027 09:30 or 03/13/2027 09:30");
		}
		forms.add("2027-03-01 (means " + defaultTimeOfDay + ")");
		return forms;
	}

	// offsets (+01:00) and a zone id in brackets ([Europe/Paris]) after the time, with every ISO detail
	private static Optional<WrittenTime> isoZoned(String value) {
		try {
			ZonedDateTime time = ZonedDateTime.parse(value, DateTimeFormatter.ISO_ZONED_DATE_TIME);
			return Optional.of(new WrittenTime(time.toLocalDateTime(), time.getOffset()));
		}
		catch (DateTimeException notThisForm) {
			return Optional.empty();
		}
	}

	private Optional<WrittenTime> userFormat(String value) {
		ParsePosition position = new ParsePosition(0);
		TemporalAccessor parsed;
		try {
			parsed = userFormat.parse(value, position);
		}
		catch (DateTimeException notThisForm) {
			return Optional.empty();
		}
		LocalDate date = parsed.query(TemporalQueries.localDate());
		if (date == null) {
			return Optional.empty();
		}
		LocalTime time = parsed.query(TemporalQueries.localTime());
		String rest = value.substring(position.getIndex());
		if (time != null) {
			// the pattern had the time too: nothing may follow but an offset the pattern read
			ZoneOffset offset = parsed.query(TemporalQueries.offset());
			return rest.isBlank() ? Optional.of(new WrittenTime(date.atTime(time), offset)) : Optional.empty();
		}
		return withTime(date, rest);
	}

	private Optional<WrittenTime> yearFirst(String value) {
		Matcher matcher = YEAR_FIRST.matcher(value);
		if (!matcher.lookingAt()) {
			return Optional.empty();
		}
		NoSuchDayException.refuseMissingDay(value, number(matcher, 1), number(matcher, 3), number(matcher, 4));
		try {
			LocalDate date = LocalDate.of(number(matcher, 1), number(matcher, 3), number(matcher, 4));
			return withTime(date, value.substring(matcher.end()));
		}
		catch (DateTimeException noSuchDate) {
			return Optional.empty();
		}
	}

	/** @param dottedOnly whether only dotted dates are read (a --date-format reads the others) */
	private Optional<WrittenTime> yearLast(String value, boolean dottedOnly) throws AmbiguousDateException {
		Optional<YearLastDate> found = YearLastDate.find(value);
		if (found.isEmpty() || dottedOnly && !found.get().dayFirstByConvention()) {
			return Optional.empty();
		}
		YearLastDate date = found.get();
		String rest = value.substring(date.end());
		// an unreadable time makes the cell unreadable, before any question of day and month
		if (withTime(LocalDate.EPOCH, rest).isEmpty()) {
			return Optional.empty();
		}
		Optional<LocalDate> dayFirst = date.dayFirst();
		Optional<LocalDate> monthFirst = date.monthFirst();
		Optional<LocalDate> reading;
		if (order == DateOrder.DAY_FIRST || date.dayFirstByConvention()) {
			NoSuchDayException.refuseMissingDay(value, date.year(), date.second(), date.first());
			reading = dayFirst;
		}
		else if (order == DateOrder.MONTH_FIRST) {
			NoSuchDayException.refuseMissingDay(value, date.year(), date.first(), date.second());
			reading = monthFirst;
		}
		else if (dayFirst.isPresent() && monthFirst.isPresent() && !dayFirst.equals(monthFirst)) {
			throw new AmbiguousDateException(dayFirst.get(), monthFirst.get(), date.pattern(true), date.pattern(false));
		}
		else {
			reading = dayFirst.or(() -> monthFirst);
			if (reading.isEmpty()) {
				// 30/02/2027: only one of the numbers is a month, and that month lacks the other as a day
				NoSuchDayException.refuseMissingDay(value, date.year(), date.second(), date.first());
				NoSuchDayException.refuseMissingDay(value, date.year(), date.first(), date.second());
			}
		}
		return reading.flatMap(day -> withTime(day, rest));
	}

	/** The date with the time (and offset) written after it, or the default time of day when none is. */
	private Optional<WrittenTime> withTime(LocalDate date, String rest) {
		Matcher matcher = TIME.matcher(rest);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		if (matcher.group(1) == null) {
			return Optional.of(new WrittenTime(date.atTime(defaultTimeOfDay), null));
		}
		boolean minutes = matcher.group(3) != null;
		if (!minutes && matcher.group(6) == null && matcher.group(7) == null && matcher.group(8) == null) {
			return Optional.empty(); // a number after the date ("2027-03-01 9") is no time of day
		}
		if (minutes && !":".equals(matcher.group(2)) && matcher.group(4) != null) {
			return Optional.empty(); // seconds only after a colon
		}
		try {
			int hour = hour(number(matcher, 1), matcher.group(7));
			int seconds = matcher.group(4) == null ? 0 : number(matcher, 4);
			String fraction = matcher.group(5) == null ? "" : matcher.group(5);
			int nanos = fraction.isEmpty() ? 0 : Integer.parseInt(padRight(fraction));
			LocalTime time = LocalTime.of(hour, minutes ? number(matcher, 3) : 0, seconds, nanos);
			return Optional.of(new WrittenTime(LocalDateTime.of(date, time), offset(matcher.group(9))));
		}
		catch (DateTimeException noSuchTime) {
			return Optional.empty();
		}
	}

	/** The hour of day, from a 24-hour clock or a 12-hour clock with AM ("A") or PM ("P"). */
	private static int hour(int written, String halfOfDay) {
		if (halfOfDay == null) {
			return written;
		}
		if (written < 1 || written > 12) {
			throw new DateTimeException("not a 12-hour clock hour: " + written);
		}
		boolean pm = halfOfDay.equalsIgnoreCase("P");
		return written % 12 + (pm ? 12 : 0);
	}

	private static ZoneOffset offset(String written) {
		if (written == null) {
			return null;
		}
		if (written.equalsIgnoreCase("Z") || written.equalsIgnoreCase("UTC")) {
			return ZoneOffset.UTC;
		}
		return ZoneOffset.of(NAMED_OFFSET.matcher(written).replaceFirst(""));
	}

	private static String padRight(String fraction) {
		return fraction + "0".repeat(NANO_DIGITS - fraction.length());
	}

	private static int number(Matcher matcher, int group) {
		return Integer.parseInt(matcher.group(group));
	}
}

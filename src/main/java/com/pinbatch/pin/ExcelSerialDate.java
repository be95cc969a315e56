package com.pinbatch.pin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A date that a spreadsheet turned into its serial number before it was saved as text (46539.375 for 1 June 2027,
 * 09:00): days since 30 December 1899, the fraction the time of day. Only five-digit serials (1927 to 2173) are
 * taken, so an ordinary number is not mistaken for a date. The fraction after a decimal comma too (46539,375), as a
 * spreadsheet set to most of Europe's languages writes it.
 */
final class ExcelSerialDate {

	private static final Pattern SERIAL = Pattern.compile("\\d{5}([.,]\\d{1,15})?");

	/** Below one day: a time of day alone ("0,583333" from a spreadsheet set to a language with decimal commas). */
	private static final Pattern FRACTION_OF_A_DAY = Pattern.compile("0?[.,]\\d{1,15}");

	private static final LocalDate DAY_ZERO = LocalDate.of(1899, 12, 30);

	private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

	private ExcelSerialDate() {
	}

	/** The serial's date and time of day; a whole number is a date alone, as a date written without a time. */
	static Optional<Serial> read(String value) {
		if (value == null || !SERIAL.matcher(value).matches()) {
			return Optional.empty();
		}
		BigDecimal serial = new BigDecimal(value.replace(',', '.'));
		long days = serial.longValue();
		long seconds = seconds(serial.subtract(BigDecimal.valueOf(days)));
		LocalDateTime read = DAY_ZERO.plusDays(days).atStartOfDay().plusSeconds(seconds);
		return Optional.of(new Serial(read.toLocalDate(), seconds == 0 ? null : read.toLocalTime()));
	}

	/**
	 * A date cell joined to a time cell: a whole serial (46480) as the date it stands for, written ISO, so that the
	 * pair reads as a date and a time; anything else as it is.
	 */
	static String asDateAlone(String value) {
		return read(value).filter(serial -> serial.time() == null).map(serial -> serial.date().toString())
			.orElse(value);
	}

	/**
	 * A time cell joined to a date cell: a spreadsheet's fraction of a day (0.583333 for 14:00, saved as text by a
	 * CSV export of a time cell) as the time it stands for; anything else as it is.
	 */
	static String asTimeAlone(String value) {
		if (value == null || !FRACTION_OF_A_DAY.matcher(value).matches()) {
			return value;
		}
		long seconds = seconds(new BigDecimal(value.replace(',', '.')));
		return seconds >= SECONDS_PER_DAY.longValue() ? value : LocalTime.ofSecondOfDay(seconds).toString();
	}

	/** A fraction of a day in seconds: Excel keeps the time as a binary fraction, so to the nearest second. */
	private static long seconds(BigDecimal fractionOfADay) {
		return fractionOfADay.multiply(SECONDS_PER_DAY).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

	/** @param time null for a date alone */
	record Serial(LocalDate date, LocalTime time) {

		/** The moment, a date alone taking {@code dateOnly} (the time a date written without one is given). */
		LocalDateTime at(LocalTime dateOnly) {
			return date.atTime(time == null ? dateOnly : time);
		}
	}
}

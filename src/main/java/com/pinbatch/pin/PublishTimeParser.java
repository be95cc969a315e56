package com.pinbatch.pin;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;

/**
 * Reads a publish_at cell. The forms below are tried in order; the first that reads the whole text wins.
 * <ul>
 * <li>with an offset or zone: {@code 2027-03-01T09:30:00Z}, {@code 2027-03-01T09:30+01:00},
 * {@code 2027-03-01T09:30+01:00[Europe/Paris]}</li>
 * <li>without one, read in the configured zone: {@code 2027-03-01T09:30[:00]}, {@code 2027-03-01 09:30[:00]},
 * {@code 2027/03/01 09:30[:00]}</li>
 * <li>a date alone: the configured default time of day on that date, in the configured zone</li>
 * </ul>
 * A local time inside a daylight-saving gap moves forward by the gap's length; in an overlap the earlier offset
 * is used. To accept another way of writing dates, add one {@link Form} to {@link #FORMS}.
 */
public final class PublishTimeParser {

	@FunctionalInterface
	private interface Reading {

		/** @throws DateTimeException when the text is not written this way */
		Instant read(String text, ZoneId zone, LocalTime defaultTimeOfDay);
	}

	/** One way of writing a publish time; {@code example} may hold {@code %s} for the default time of day. */
	private record Form(String example, Reading reading) {
	}

	private static final List<Form> FORMS = List.of(
			new Form("2027-03-01T09:30:00Z or 2027-03-01T09:30:00+01:00", PublishTimeParser::zoned),
			new Form("2027-03-01T09:30", local(DateTimeFormatter.ISO_LOCAL_DATE_TIME)),
			new Form("2027-03-01 09:30[:00]", local(dateTimePattern("uuuu-MM-dd"))),
			new Form("2027/03/01 09:30[:00]", local(dateTimePattern("uuuu/MM/dd"))),
			new Form("2027-03-01 (means %s)", (text, zone, time) ->
					LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atTime(time).atZone(zone).toInstant()));

	private final ZoneId zone;

	private final LocalTime defaultTimeOfDay;

	public PublishTimeParser(ZoneId zone, LocalTime defaultTimeOfDay) {
		this.zone = zone;
		this.defaultTimeOfDay = defaultTimeOfDay;
	}

	/**
	 * @return the instant to publish at, or null for an empty cell (publish now)
	 * @throws DateTimeParseException if no accepted form reads the text
	 */
	public Instant parse(String text) {
		String value = text == null ? "" : text.strip();
		if (value.isEmpty()) {
			return null;
		}
		for (Form form : FORMS) {
			try {
				return form.reading().read(value, zone, defaultTimeOfDay);
			}
			catch (DateTimeException notThisForm) {
				// try the next form
			}
		}
		throw new DateTimeParseException("not a publish time: " + value, value, 0);
	}

	/** An example of every accepted form, for messages. */
	public List<String> acceptedForms() {
		return FORMS.stream().map(form -> String.format(form.example(), defaultTimeOfDay)).toList();
	}

	public ZoneId zone() {
		return zone;
	}

	// also covers offsets (+01:00) and a zone id in brackets ([Europe/Paris]) after the time
	private static Instant zoned(String text, ZoneId zone, LocalTime defaultTimeOfDay) {
		return ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
	}

	private static Reading local(DateTimeFormatter format) {
		return (text, zone, time) -> LocalDateTime.parse(text, format).atZone(zone).toInstant();
	}

	private static DateTimeFormatter dateTimePattern(String datePattern) {
		return new DateTimeFormatterBuilder()
			.appendPattern(datePattern + " HH:mm")
			.optionalStart()
			.appendLiteral(':')
			.appendValue(ChronoField.SECOND_OF_MINUTE, 2)
			.optionalEnd()
			.toFormatter()
			.withResolverStyle(ResolverStyle.STRICT);
	}
}

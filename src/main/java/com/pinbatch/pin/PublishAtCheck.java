package com.pinbatch.pin;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the publish_at cell into the instant to publish at: read in the row's timezone cell, else the run's zone,
 * unless the cell carries an offset. A local time that a daylight-saving change skips or repeats is rejected
 * rather than guessed, and so is a time in the past; each message shows the instant that would have been used.
 */
final class PublishAtCheck {

	private static final DateTimeFormatter SPOKEN_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	private static final DateTimeFormatter SPOKEN_MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

	private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

	/** Excel's mmm-yy format as a CSV writes it: "Dec-30" is December 2030, not the 30th. */
	private static final Pattern MONTH_AND_YEAR = Pattern.compile("(?i)(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov"
			+ "|dec)-(\\d{2})");

	/** A time followed by a zone's abbreviation: "2:15 PM EST", "14:00 CET". */
	private static final Pattern ZONE_ABBREVIATION = Pattern.compile("\\d\\s*(?:[ap]\\.?m\\.?)?\\s+([a-z]{2,4})$",
			Pattern.CASE_INSENSITIVE);

	/** The cell without a zone's abbreviation after its time ("2:15 PM EST"), or as it is. */
	static String withoutZoneAbbreviation(String value) {
		Matcher abbreviated = ZONE_ABBREVIATION.matcher(value);
		return abbreviated.find() ? value.substring(0, abbreviated.start(1)).strip() : value;
	}

	private final ValidationSettings settings;

	private final PublishTimeParser parser;

	PublishAtCheck(ValidationSettings settings) {
		this.settings = settings;
		this.parser = new PublishTimeParser(settings.defaultTimeOfDay(), settings.dateOrder(), settings.dateFormat());
	}

	/**
	 * @return the instant to publish at, also when it is refused (in the past, or a wall-clock time that a change of
	 *         clocks skips or repeats: the instant pinbatch would have used); null when the cell is empty (publish
	 *         now) or cannot be read
	 */
	Instant check(PinDraft draft, ProblemList problems) {
		String value = draft.get(PinField.PUBLISH_AT);
		Optional<ZoneId> columnZone = zone(draft, problems); // a timezone cell is checked whatever the date cell says
		Optional<ZoneId> namedInCell = zoneNamedAfter(value);
		Optional<ZoneId> zone = namedInCell.isPresent() ? namedInCell : columnZone;
		String withoutZone = namedInCell.isPresent() ? value.substring(0, value.lastIndexOf(' ')).strip() : value;
		Optional<WrittenTime> written;
		try {
			written = parser.read(withoutZone);
		}
		catch (AmbiguousDateException ex) {
			problems.add(PinField.PUBLISH_AT, PinValidator.AMBIGUOUS_DATE, "%s '%s' could be %s (day first) or %s"
					+ " (month first), and the column's other dates do not settle the order — pass --date-format=%s"
					+ " (day first) or --date-format=%s (month first)", value, ex.dayFirst().format(SPOKEN_DATE),
					ex.monthFirst().format(SPOKEN_DATE), ex.dayFirstPattern(), ex.monthFirstPattern());
			return null;
		}
		catch (WrongWeekdayException ex) {
			problems.add(PinField.PUBLISH_AT, "publish_at_invalid", "%s '%s' says %s, but %s is a %s — check the"
					+ " day and the weekday", value, weekday(ex.written()), ex.date().format(SPOKEN_DATE),
					weekday(ex.date().getDayOfWeek()));
			return null;
		}
		catch (NoSuchDayException ex) {
			problems.add(PinField.PUBLISH_AT, "publish_at_invalid", "%s '%s' is day %d of %s, which has %d days —"
					+ " check the day", value, ex.day(), ex.month().format(SPOKEN_MONTH), ex.month().lengthOfMonth());
			return null;
		}
		catch (DateTimeParseException ex) {
			if (parser.isTimeOfDay(withoutZone)) {
				problems.add(PinField.PUBLISH_AT, "publish_at_invalid", "%s '%s' is a time without a date — give the"
						+ " date too (e.g. 2027-03-01 %s), or leave it empty to publish now", value, value);
				return null;
			}
			Matcher abbreviated = ZONE_ABBREVIATION.matcher(value);
			Optional<ZoneId> named = abbreviated.find() ? HeaderZones.named(abbreviated.group(1)) : Optional.empty();
			if (named.isPresent() && !named.get().getId().equals("UTC")) {
				problems.add(PinField.PUBLISH_AT, "publish_at_invalid", "%s '%s' ends with the zone abbreviation %s,"
						+ " which names more than one zone — remove it and give --timezone=%s (or a timezone column),"
						+ " or write the offset instead (e.g. %s)", value, abbreviated.group(1), named.get().getId(),
						offsetOf(abbreviated.group(1), value.substring(0, abbreviated.start(1)), named.get()));
				return null;
			}
			Matcher monthAndYear = MONTH_AND_YEAR.matcher(withoutZone);
			if (monthAndYear.matches()) {
				problems.add(PinField.PUBLISH_AT, "publish_at_invalid", "%s '%s' has no day: it is how a spreadsheet"
						+ " writes a date formatted mmm-yy (%s 20%s) — format the column as dates with the day and the"
						+ " year (yyyy-mm-dd hh:mm) before saving", value, monthAndYear.group(1),
						monthAndYear.group(2));
				return null;
			}
			if (NamedMonthDate.withoutYear(withoutZone, parser::followsDate)) {
				problems.add(PinField.PUBLISH_AT, "publish_at_invalid", "%s '%s' has no year — write the year too"
						+ " (e.g. 2027-03-01 09:30); a spreadsheet saved as CSV writes a date as its cells show it: format"
						+ " the column as dates with the year (yyyy-mm-dd hh:mm) before saving", value);
				return null;
			}
			// a whole column in a form of its own (a long month name, a two-digit year) is one option away
			String ownForm = settings.dateFormat() != null ? "" : ", or pass the column's own form as --date-format (a"
					+ " java.time pattern, e.g. \"d MMMM yyyy HH:mm\" for 1 March 2027 09:30)";
			problems.add(PinField.PUBLISH_AT, "publish_at_invalid", "%s '%s' is not a date this tool reads — write"
					+ " it like %s%s; times without an offset are in %s", value, String.join(", ",
							parser.acceptedForms()), ownForm, name(zone.orElse(settings.zone())));
			return null;
		}
		if (written.isEmpty()) {
			return null;
		}
		WrittenTime time = written.get();
		if (time.offset() != null) {
			return future(draft, value, time.local().toInstant(time.offset()), problems);
		}
		// an invalid timezone cell is already reported; guessing a zone would only add a misleading message
		return zone.map(rowZone -> inZone(draft, value, time.local(), rowZone, problems)).orElse(null);
	}

	private static String weekday(DayOfWeek day) {
		return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
	}

	/** The offset an abbreviation means whatever the date: EST is -05:00 in July too, BST +01:00 in December. */
	private static final Map<String, ZoneOffset> FIXED = Map.ofEntries(Map.entry("EST", ZoneOffset.ofHours(-5)),
			Map.entry("EDT", ZoneOffset.ofHours(-4)), Map.entry("CST", ZoneOffset.ofHours(-6)),
			Map.entry("CDT", ZoneOffset.ofHours(-5)), Map.entry("MST", ZoneOffset.ofHours(-7)),
			Map.entry("MDT", ZoneOffset.ofHours(-6)), Map.entry("PST", ZoneOffset.ofHours(-8)),
			Map.entry("PDT", ZoneOffset.ofHours(-7)), Map.entry("BST", ZoneOffset.ofHours(1)),
			Map.entry("CET", ZoneOffset.ofHours(1)), Map.entry("CEST", ZoneOffset.ofHours(2)),
			Map.entry("EET", ZoneOffset.ofHours(2)), Map.entry("EEST", ZoneOffset.ofHours(3)),
			Map.entry("WET", ZoneOffset.UTC), Map.entry("WEST", ZoneOffset.ofHours(1)));

	/** The offset an abbreviation names, else its zone's on the date written before it (summer time in summer). */
	private ZoneOffset offsetOf(String abbreviation, String written, ZoneId zone) {
		ZoneOffset fixed = FIXED.get(abbreviation.toUpperCase(Locale.ROOT));
		return fixed != null ? fixed : offsetOn(written, zone);
	}

	/** The zone's offset on the date written before its abbreviation (summer time in summer), else now. */
	private ZoneOffset offsetOn(String written, ZoneId zone) {
		try {
			Optional<WrittenTime> time = parser.read(written);
			if (time.isPresent()) {
				return zone.getRules().getOffset(time.get().local());
			}
		}
		catch (DateTimeException | AmbiguousDateException unread) {
			// the offset of today is an example still
		}
		return zone.getRules().getOffset(settings.clock().instant());
	}

	private Instant inZone(PinDraft draft, String value, LocalDateTime local, ZoneId zone, ProblemList problems) {
		ZoneRules rules = zone.getRules();
		List<ZoneOffset> offsets = rules.getValidOffsets(local);
		// java.time's choice: a skipped time moves forward by the length of the gap, a repeated one takes the earlier
		Instant used = local.atZone(zone).toInstant();
		if (offsets.size() == 1 || !used.isAfter(settings.clock().instant())) {
			// a time in the past is wrong whichever way the clocks change
			return future(draft, value, used, problems);
		}
		ZoneOffsetTransition change = rules.getTransition(local);
		if (offsets.isEmpty()) {
			problems.add(PinField.PUBLISH_AT, "publish_at_nonexistent", "%s '%s' does not exist in %s: clocks jump"
					+ " from %s to %s that night, so pinbatch would have used %s (UTC) — give a time outside the jump,"
					+ " or add the offset you mean, e.g. %s", value, name(zone), wallClock(change.getDateTimeBefore()),
					wallClock(change.getDateTimeAfter()), used, local.atOffset(change.getOffsetBefore()));
		}
		else {
			Instant later = local.atOffset(change.getOffsetAfter()).toInstant();
			problems.add(PinField.PUBLISH_AT, "publish_at_ambiguous", "%s '%s' happens twice in %s: clocks go back"
					+ " from %s to %s that night, so it is %s or %s (UTC), and pinbatch would have used the first — add"
					+ " the offset you mean: %s or %s", value, name(zone), wallClock(change.getDateTimeBefore()),
					wallClock(change.getDateTimeAfter()), used, later, local.atOffset(change.getOffsetBefore()),
					local.atOffset(change.getOffsetAfter()));
		}
		return used;
	}

	private Instant future(PinDraft draft, String value, Instant instant, ProblemList problems) {
		if (!instant.isAfter(settings.clock().instant())) {
			// a column read as the publish date only since 2026-12 ("Date") may hold another date (a row's creation)
			String notThatDate = draft.dateNewlyRead() ? "; if that column is not when to publish, leave it out with"
					+ " --mapping=FILE holding 'publish_at: [publish_at]'" : "";
			problems.add(PinField.PUBLISH_AT, "publish_at_in_past", "%s '%s' is %s (UTC), which is in the past"
					+ " — give a future time, or leave it empty to publish now%s", value, instant, notThatDate);
		}
		return instant;
	}

	/** The row's timezone cell, else the run's zone; empty when the cell names no zone (reported). */
	/**
	 * The zone a cell names after its time, by its IANA name ("2027-03-01 09:30 Europe/Berlin", "... [Europe/Berlin]",
	 * "... (Europe/Berlin)"): it holds for that cell, over the row's timezone column and --timezone. Looked for in the
	 * cell's last word only, so a long cell costs no more than its length.
	 */
	private static Optional<ZoneId> zoneNamedAfter(String value) {
		int space = value.lastIndexOf(' ');
		if (space <= 0) {
			return Optional.empty();
		}
		String last = value.substring(space + 1);
		if (last.length() > 2 && (last.startsWith("[") && last.endsWith("]")
				|| last.startsWith("(") && last.endsWith(")"))) {
			last = last.substring(1, last.length() - 1);
		}
		return last.indexOf('/') > 0 ? Zones.find(last) : Optional.empty();
	}

	private Optional<ZoneId> zone(PinDraft draft, ProblemList problems) {
		if (!draft.has(PinField.TIMEZONE)) {
			return Optional.of(settings.zone());
		}
		String value = draft.get(PinField.TIMEZONE);
		Optional<ZoneId> zone = Zones.find(value);
		if (zone.isEmpty()) {
			problems.add(PinField.TIMEZONE, "timezone_invalid", "%s '%s' is not a time zone — write an IANA name like"
					+ " Europe/Berlin or America/New_York, or leave it empty to use %s", value, name(settings.zone()));
		}
		return zone;
	}

	private static String wallClock(LocalDateTime time) {
		return time.format(WALL_CLOCK);
	}

	static String name(ZoneId zone) {
		// ZoneOffset.UTC calls itself "Z"
		return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
	}

	/** IANA zone ids, found whatever the case the user typed them in. */
	private static final class Zones {

		private static final Map<String, String> ID_BY_LOWER_CASE = ZoneId.getAvailableZoneIds()
			.stream()
			.collect(Collectors.toUnmodifiableMap(id -> id.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));

		static Optional<ZoneId> find(String name) {
			try {
				return Optional.of(ZoneId.of(name));
			}
			catch (DateTimeException notExactly) {
				return Optional.ofNullable(ID_BY_LOWER_CASE.get(name.toLowerCase(Locale.ROOT))).map(ZoneId::of);
			}
		}
	}
}

package com.pinbatch.pin;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.pinbatch.text.Formats;
import com.pinbatch.text.Plural;

/**
 * Says once that publish times written without a zone are read in UTC, the default, when the run was given no other
 * zone: a sheet exported in Berlin would otherwise publish two hours off without a word. Feed it every row in the
 * pre-scan.
 */
public final class UnzonedTimes {

	/**
	 * A time that carries its own zone, or means to: Z, an offset (+02:00, -0500), a zone named in brackets, or a zone
	 * name written after it (Europe/Berlin, UTC: not read as UTC for want of one, whatever the parser makes of it), or
	 * JavaScript's offset with the zone's name after it (GMT+0100 (Central European Standard Time)).
	 */
	private static final Pattern ZONED = Pattern.compile("(?i).*(z|[+-]\\d{2}(:?\\d{2})?|\\[[^]]+]"
			+ "|\\s[a-z]+(/[a-z0-9_+-]+)+|\\s(utc|gmt)|gmt[+-]\\d{4} \\([^)]*\\))\\s*$");

	/**
	 * How much of a cell's end is looked at for a zone: every zone a person writes fits in it, and a forged cell of
	 * thousands of "/ab" made the pattern's repetition recurse once each, past the end of the stack.
	 */
	private static final int ZONE_TAIL = 100;

	private final boolean utcByDefault;

	/**
	 * The times read so, for each order the column's dates may turn out to be in: the note counts those of the order
	 * the column settles (a date such as 03/04/2027 is read in neither while none is settled: INVALID).
	 */
	private final Map<DateOrder, Seen> seen = new EnumMap<>(DateOrder.class);

	/** The --timezone to suggest: this computer's zone, where a sheet was likely written, or an example. */
	private final String suggested;

	private String column;

	/** The publish times of one order without a zone that the validator reads, and the first of them. */
	private static final class Seen {

		final PublishTimeParser parser;

		long rows;

		long firstRow;

		String firstValue;

		Seen(PublishTimeParser parser) {
			this.parser = parser;
		}
	}

	/**
	 * @param zone         the run's zone (--timezone; UTC when none was given)
	 * @param dateFormat   the user's --date-format, or null
	 * @param thisComputer the zone of the computer the run is on
	 */
	public UnzonedTimes(ZoneId zone, String dateFormat, ZoneId thisComputer) {
		this.utcByDefault = zone.normalized().equals(ZoneOffset.UTC);
		for (DateOrder order : DateOrder.values()) {
			seen.put(order, new Seen(new PublishTimeParser(ValidationSettings.DEFAULT_TIME_OF_DAY, order, dateFormat)));
		}
		this.suggested = thisComputer.normalized().equals(ZoneOffset.UTC) ? "e.g. --timezone=Europe/Berlin"
				: "this computer's zone: --timezone=" + thisComputer.getId();
	}

	public void accept(PinDraft draft) {
		if (!utcByDefault || !draft.has(PinField.PUBLISH_AT) || draft.has(PinField.TIMEZONE)) {
			return;
		}
		String value = draft.get(PinField.PUBLISH_AT).strip();
		String tail = value.length() > ZONE_TAIL ? value.substring(value.length() - ZONE_TAIL) : value;
		if (ZONED.matcher(tail).matches()) {
			return; // it says its own zone
		}
		column = draft.columnName(PinField.PUBLISH_AT);
		for (Seen times : seen.values()) {
			if (readsAsWritten(times.parser, value) && times.rows++ == 0) {
				times.firstRow = draft.rowNumber();
				// a sample, not a forged cell of a hundred thousand characters on the terminal
				times.firstValue = value.length() <= ZONE_TAIL ? value
						: value.substring(0, value.offsetByCodePoints(0, ZONE_TAIL / 2)) + "…";
			}
		}
	}

	/**
	 * Whether the validator reads the time as it is written: not a spreadsheet's error value, nor 0.75, nor a date
	 * whose weekday is not its own, nor one with a zone's abbreviation (that is no time read in UTC either way).
	 */
	private static boolean readsAsWritten(PublishTimeParser parser, String value) {
		try {
			return parser.read(value).isPresent();
		}
		catch (DateTimeException | AmbiguousDateException unread) {
			return false;
		}
	}

	/**
	 * The note, when some publish time was read in UTC for want of a zone.
	 *
	 * @param order the order the column's dates settled (AMBIGUOUS: none)
	 */
	public Optional<String> note(DateOrder order) {
		Seen times = seen.get(order);
		if (times.rows == 0) {
			return Optional.empty();
		}
		return Optional.of(Formats.plain("%s: %s without a zone (row %d: %s) read as UTC; if they are another"
				+ " zone's local times, give it with --timezone (%s)", column, Plural.of(times.rows, "publish time"),
				times.firstRow, times.firstValue, suggested));
	}
}

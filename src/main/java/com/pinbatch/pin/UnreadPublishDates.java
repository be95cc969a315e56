package com.pinbatch.pin;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.pinbatch.input.InputRow;
import com.pinbatch.text.ColumnLetters;

/**
 * A column of dates to come that no field reads, in a file without a publish_at column: a schedule under a name not
 * known ("Send at", "Go live", a "Time" column alone). Every pin would be published at once, which cannot be taken
 * back, so the file is refused before anything is sent, saying how to map the column. A column is one of dates when
 * most of its first cells are (a "TBD" among them too); one date to come anywhere in it is enough, since a calendar
 * that grows keeps its past months on top. A column of past dates (a team's "Added on") is let be, and so is every
 * column once a mapping file says {@code publish_at: []} (no column gives it), or when undated pins are not published
 * at once (--when-no-date=queue or draft).
 */
public final class UnreadPublishDates {

	/** The first cells of a column that tell whether it is one of dates. */
	private static final int CELLS_LOOKED_AT = 20;

	/** A plain number is a count, a price or an id far more often than a date saved as its serial number. */
	private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:[.,]\\d+)?");

	private final BoundColumns columns;

	private final ValidationSettings settings;

	private final PublishTimeParser dayFirst;

	private final PublishTimeParser monthFirst;

	/** The columns still in question, by index, each with what its cells showed. */
	private final Map<Integer, Column> candidates = new TreeMap<>();

	private static final class Column {

		int cellsRead;

		int dates;

		long futureRow;

		String futureCell;

		/** At least four of five of the first cells are dates. */
		boolean ofDates() {
			return dates * 5 >= cellsRead * 4;
		}
	}

	/** @param undatedAtOnce whether a pin without a date is published at once (--when-no-date=now) */
	public UnreadPublishDates(BoundColumns columns, ColumnMapping mapping, ValidationSettings settings,
			boolean undatedAtOnce) {
		this.columns = columns;
		this.settings = settings;
		this.dayFirst = new PublishTimeParser(settings.defaultTimeOfDay(), DateOrder.DAY_FIRST, null);
		this.monthFirst = new PublishTimeParser(settings.defaultTimeOfDay(), DateOrder.MONTH_FIRST, null);
		boolean saidNone = mapping.givenFields().contains(PinField.PUBLISH_AT)
				&& mapping.given(PinField.PUBLISH_AT).isEmpty();
		if (undatedAtOnce && !columns.has(PinField.PUBLISH_AT) && !saidNone) {
			columns.unusedColumns().forEach(column -> candidates.put(column, new Column()));
		}
	}

	public void accept(InputRow row) {
		for (Iterator<Map.Entry<Integer, Column>> it = candidates.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Integer, Column> candidate = it.next();
			Column column = candidate.getValue();
			boolean deciding = column.cellsRead < CELLS_LOOKED_AT;
			if (!deciding && (column.futureCell != null || !column.ofDates())) {
				if (!column.ofDates()) {
					it.remove(); // a column of notes, of names
				}
				continue;
			}
			String cell = CellText.asDate(CellText.trim(CellText.withoutControls(row.value(candidate.getKey()))));
			if (cell.isEmpty()) {
				continue;
			}
			Optional<Instant> at = NUMBER.matcher(cell).matches() ? Optional.empty() : instant(cell);
			if (deciding) {
				column.cellsRead++;
				column.dates += at.isPresent() ? 1 : 0;
			}
			if (at.isPresent() && column.futureCell == null && at.get().isAfter(settings.clock().instant())) {
				column.futureRow = row.rowNumber();
				column.futureCell = cell;
			}
		}
	}

	/** Why the file is refused: the first column whose cells are dates, one of them to come; empty when none is. */
	public Optional<String> refusal() {
		return candidates.entrySet().stream()
			.filter(candidate -> candidate.getValue().futureCell != null && candidate.getValue().ofDates())
			.findFirst()
			.map(found -> {
				String header = BoundColumns.shown(columns.headers().get(found.getKey()));
				return "column " + ColumnLetters.of(found.getKey()) + " ('" + header + "') holds dates to come (row "
						+ found.getValue().futureRow + ": '" + found.getValue().futureCell + "'), but no column is read"
						+ " as publish_at, so every pin would be published at once; nothing was sent — if it says when"
						+ " to publish, rename its header publish_at (or give --mapping=FILE, FILE holding the line"
						+ " publish_at: [\"" + header.replace("\"", "\\\"") + "\"]); to publish the pins at once,"
						+ " give --mapping=FILE with the line publish_at: []";
			});
	}

	/**
	 * The instant a cell gives, read day first or else month first, in the run's zone unless it names an offset; a
	 * zone's abbreviation after it left out, and a weekday that is not the date's own taken as a date all the same.
	 */
	private Optional<Instant> instant(String cell) {
		String withoutZone = PublishAtCheck.withoutZoneAbbreviation(cell);
		for (PublishTimeParser parser : new PublishTimeParser[] { dayFirst, monthFirst }) {
			try {
				Optional<WrittenTime> written = parser.read(withoutZone);
				if (written.isPresent()) {
					WrittenTime time = written.get();
					return Optional.of(time.offset() != null ? time.local().toInstant(time.offset())
							: time.local().atZone(settings.zone()).toInstant());
				}
			}
			catch (WrongWeekdayException mistyped) {
				return Optional.of(mistyped.date().atTime(settings.defaultTimeOfDay()).atZone(settings.zone())
					.toInstant());
			}
			catch (DateTimeException | AmbiguousDateException notThisWay) {
				// the other order may read it
			}
		}
		return Optional.empty();
	}
}

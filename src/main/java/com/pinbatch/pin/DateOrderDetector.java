package com.pinbatch.pin;

import java.util.Optional;

import com.pinbatch.text.Formats;

/**
 * Decides, from every publish_at value of a file, whether its dates written with the year last put the day or
 * the month first. A single date with a number above 12 in first place settles DAY_FIRST, one in second place
 * MONTH_FIRST; a column with neither, or with both (a contradiction), stays {@link DateOrder#AMBIGUOUS}. Dotted
 * dates are day first by convention: one that shows it (13.02.2027) settles DAY_FIRST for a column whose other
 * dates do not say, but a month-first date written otherwise (06/13/2027) is no contradiction of them, only of
 * day-first dates written the same way.
 * <p>
 * Feed it every row in a pre-scan, before validating any row; it keeps only the first deciding row of each kind.
 */
public final class DateOrderDetector {

	/** The first row whose date can only be read one way. */
	private record Evidence(long rowNumber, String value) {
	}

	private String column = PinField.PUBLISH_AT.column();

	private Evidence dayFirst;

	private Evidence monthFirst;

	/** The first dotted date: day first by convention, whatever the column's other dates do. */
	private Evidence dotted;

	/** Whether a dotted date could only be read day first (13.02.2027): a column that says nothing else is. */
	private boolean dottedDayFirst;

	/** Looks at the row's publish_at cell. */
	public void accept(PinDraft draft) {
		column = draft.columnName(PinField.PUBLISH_AT);
		accept(draft.rowNumber(), draft.get(PinField.PUBLISH_AT));
	}

	/** Looks at one publish_at value of row {@code rowNumber}. */
	public void accept(long rowNumber, String value) {
		Optional<YearLastDate> date = YearLastDate.find(value == null ? "" : value.strip());
		if (date.isEmpty()) {
			return;
		}
		if (dayFirst == null && date.get().showsDayFirst() && !date.get().dayFirstByConvention()) {
			dayFirst = new Evidence(rowNumber, value.strip());
		}
		if (dotted == null && date.get().dayFirstByConvention()) {
			dotted = new Evidence(rowNumber, value.strip());
		}
		dottedDayFirst |= date.get().dayFirstByConvention() && date.get().showsDayFirst();
		if (monthFirst == null && date.get().showsMonthFirst()) {
			monthFirst = new Evidence(rowNumber, value.strip());
		}
	}

	/** The order for {@link ValidationSettings#dateOrder()}. */
	public DateOrder order() {
		if ((dayFirst != null || dottedDayFirst) && monthFirst == null) {
			return DateOrder.DAY_FIRST;
		}
		if (monthFirst != null && dayFirst == null) {
			return DateOrder.MONTH_FIRST;
		}
		return DateOrder.AMBIGUOUS;
	}

	/** A one-line warning when the column writes some dates day first and others month first. */
	public Optional<String> contradiction() {
		if (dayFirst == null || monthFirst == null) {
			return Optional.empty();
		}
		YearLastDate example = YearLastDate.find(monthFirst.value()).orElseThrow();
		return Optional.of(Formats.plain("%s mixes day-first dates (row %d: %s) and month-first dates (row %d: %s);"
				+ " rows whose day and month could be swapped are INVALID — write all dates one way, or pass"
				+ " --date-format=%s or --date-format=%s", column, dayFirst.rowNumber(), dayFirst.value(),
				monthFirst.rowNumber(), monthFirst.value(), example.pattern(true), example.pattern(false)));
	}

	/** What settled the order, for the run summary, e.g. "dates in publish_at are read day first (row 4: 13/02/2027)". */
	public Optional<String> decision() {
		DateOrder order = order();
		if (dotted != null && (order != DateOrder.DAY_FIRST || dayFirst == null)) {
			String dottedLine = Formats.plain("dotted dates in %s are read day first (row %d: %s)", column,
					dotted.rowNumber(), dotted.value());
			return Optional.of(order != DateOrder.MONTH_FIRST ? dottedLine : dottedLine + Formats.plain(
					", the others month first (row %d: %s)", monthFirst.rowNumber(), monthFirst.value()));
		}
		if (order == DateOrder.AMBIGUOUS) {
			return Optional.empty();
		}
		Evidence evidence = order == DateOrder.DAY_FIRST ? dayFirst : monthFirst;
		return Optional.of(Formats.plain("dates in %s are read %s (row %d: %s)", column,
				order == DateOrder.DAY_FIRST ? "day first" : "month first", evidence.rowNumber(), evidence.value()));
	}
}

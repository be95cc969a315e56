package com.pinbatch.pin;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A row of a sheet that is no pin but a label for the rows around it: a totals row ("Total", "3 pins") or a section
 * heading ("--- January ---"). It stays INVALID, never sent, but says what it is and what to do, rather than that
 * Pinterest has no text-only pins.
 */
final class TotalsOrSectionRow {

	/** A totals row's first cell, in the languages of the default mapping's headers. */
	private static final Pattern TOTALS = Pattern.compile("(?iu)(grand\\s+|sub\\s*)?(total|totals|sum|summe|gesamt"
			+ "|gesamtsumme|totaal|totale|somme|suma|soma|合計|合计|총계)\\b.*");

	/** A heading framed by dashes, equals signs, stars or hashes: "--- January ---", "=== Week 2 ===". */
	private static final Pattern FRAMED = Pattern.compile("([-=*#_~]{2,})\\s*\\S.*?\\s*[-=*#_~]{2,}|[-=*#_~]{3,}");

	private TotalsOrSectionRow() {
	}

	/** The row's cells, quoted, when it is such a row: no media, at most two cells, the first a total or a frame. */
	static Optional<String> cells(PinDraft draft) {
		if (draft.has(PinField.MEDIA_URL) || draft.values().isEmpty() || draft.values().size() > 2) {
			return Optional.empty();
		}
		String first = draft.columnNames().keySet().stream().filter(draft::has).findFirst().map(draft::get)
			.orElse("");
		if (!TOTALS.matcher(first).matches() && !FRAMED.matcher(first).matches()) {
			return Optional.empty();
		}
		return Optional.of(draft.columnNames().keySet().stream().filter(draft::has)
			.map(field -> "'" + draft.get(field) + "'")
			.collect(Collectors.joining(", ")));
	}
}

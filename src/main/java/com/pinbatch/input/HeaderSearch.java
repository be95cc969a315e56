package com.pinbatch.input;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Finds the header row among the first rows of a sheet: the first that names known columns, so a title row and
 * blank rows above it are passed over. When none of them does, the first non-blank row is the header (the mapping
 * then says that no column is known) and the rows read past it are data again.
 *
 * @param <R> a row as the file format reads it
 * @param header     the header row
 * @param above      non-blank rows above the header, not read as data
 * @param replay     rows read past the header while looking, to be read as data first
 * @param recognized whether the header names known columns (false: the first row, for want of a better one)
 */
record HeaderSearch<R>(R header, List<R> above, List<R> replay, boolean recognized) {

	/** How far down people put the header: a title, a subtitle, notes and blank lines, but not a page of them. */
	static final int MAX_ROWS = RowSource.HEADER_SEARCH_ROWS;

	/** @return null when the rows are all blank */
	static <R> HeaderSearch<R> find(Supplier<R> next, Function<R, List<String>> cells, HeaderRecognizer recognizer) {
		List<R> seen = new ArrayList<>();
		R row;
		while (seen.size() < MAX_ROWS && (row = next.get()) != null) {
			List<String> values = cells.apply(row);
			if (values.stream().allMatch(String::isBlank)) {
				continue;
			}
			seen.add(row);
			if (recognizer.isHeader(values)) {
				return new HeaderSearch<>(row, List.copyOf(seen.subList(0, seen.size() - 1)), List.of(), true);
			}
		}
		if (seen.isEmpty()) {
			return null;
		}
		return new HeaderSearch<>(seen.get(0), List.of(), List.copyOf(seen.subList(1, seen.size())), false);
	}

	/** The note for the user when rows above the header were passed over, else null. */
	String note(String where, long headerRow, Function<R, List<String>> cells) {
		if (above.isEmpty()) {
			return null;
		}
		String skipped = above.stream()
			.map(row -> cells.apply(row).stream().filter(cell -> !cell.isBlank()).findFirst().orElse("").strip())
			.map(text -> "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'")
			.collect(Collectors.joining(", "));
		return where + ": the headers are on row " + headerRow + "; " + (above.size() == 1 ? "the row" : "the rows")
				+ " above (" + skipped + ") " + (above.size() == 1 ? "is" : "are") + " not read";
	}
}

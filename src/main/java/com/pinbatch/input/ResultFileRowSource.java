package com.pinbatch.input;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.carrotsearch.hppc.LongLongHashMap;
import com.pinbatch.text.FormulaPrefix;

/**
 * Reads an earlier result file (for --retry-failed) as the input it was made from: the original columns and
 * row numbers, with the earlier outcome as {@link InputRow#prior()}. Also undoes the CSV result writer's formula
 * escaping, so every value comes back exactly as the original input gave it. A workbook's cells are undone the same
 * way: pinbatch writes its own workbooks' cells as text, which never runs, but a CSV result that a user opened and
 * saved as a workbook keeps the guard in its cells, which spreadsheets show as typed; the workbook writer guards
 * only the cells that this would change ({@code com.pinbatch.result.FormulaEscaping#keepApostrophes}).
 */
public final class ResultFileRowSource implements RowSource {

	/**
	 * The columns the result file appends (com.pinbatch.result.ResultColumns.NAMES). Kept here as a copy
	 * because input must not depend on result; a test keeps the two equal.
	 */
	static final List<String> RESULT_COLUMNS = List.of("row", "status", "post_id", "pin_url", "publish_at_utc",
			"error_code", "error_message", "attempts", "request_id", "finished_at");

	/** Result files of earlier versions still read back: every layout ever written, newest first. */
	static final List<List<String>> LAYOUTS = List.of(RESULT_COLUMNS,
			List.of("row", "status", "post_id", "pin_url", "error_code", "error_message", "attempts", "request_id",
					"finished_at"),
			List.of("row", "status", "post_id", "error_code", "error_message", "attempts", "request_id",
					"finished_at"));

	private final Path file;

	private final RowSource source;

	/**
	 * Row numbers read so far, with the row of this file that gave each: a row number stands for one input row, its
	 * pin and its request id, so a second row with it (a copied row, an added one numbered by its place) would be
	 * sent as the first one's pin, or wait for the first one's outcome for ever.
	 */
	private final LongLongHashMap rowsRead = new LongLongHashMap();

	private final int inputWidth;

	private final List<String> layout;

	private final List<String> headers;

	private ResultFileRowSource(Path file, RowSource source, List<String> layout) {
		this.file = file;
		this.source = source;
		this.layout = layout;
		List<String> all = source.headers();
		this.inputWidth = all.size() - layout.size();
		this.headers = Collections.unmodifiableList(unescape(all.subList(0, inputWidth)));
	}

	/**
	 * @param file    the file the source reads, for messages
	 * @return a result-file view of the source when its headers end with the result columns, else the source
	 */
	public static RowSource wrapIfResultFile(Path file, RowSource source) {
		List<String> layout = layoutOf(source.headers());
		return layout == null ? source : new ResultFileRowSource(file, source, layout);
	}

	static boolean isResultFile(List<String> headers) {
		return layoutOf(headers) != null;
	}

	/**
	 * The columns that follow a result file's own columns, when the headers hold them but do not end with them (a
	 * column the user added at the end, in Excel); empty otherwise.
	 */
	static List<String> columnsAfterResults(List<String> headers) {
		for (List<String> layout : LAYOUTS) {
			int start = Collections.indexOfSubList(headers, layout);
			if (start >= 0 && start + layout.size() < headers.size()) {
				return headers.subList(start + layout.size(), headers.size());
			}
		}
		return List.of();
	}

	/** The result columns the headers end with, or null when they are not a result file's. */
	private static List<String> layoutOf(List<String> headers) {
		for (List<String> layout : LAYOUTS) {
			int start = headers.size() - layout.size();
			if (start >= 0 && headers.subList(start, headers.size()).equals(layout)) {
				return layout;
			}
		}
		return null;
	}

	@Override
	public List<String> headers() {
		return headers;
	}

	@Override
	public String charset() {
		return source.charset();
	}

	@Override
	public boolean savedAsUnicode() {
		return source.savedAsUnicode();
	}

	@Override
	public char delimiter() {
		return source.delimiter();
	}

	@Override
	public List<String> notes() {
		return source.notes();
	}

	@Override
	public List<String> findings() {
		return source.findings();
	}

	@Override
	public InputRow next() {
		InputRow row = source.next();
		if (row == null) {
			return null;
		}
		List<String> values = unescape(row.values());
		List<String> inputValues = values.subList(0, inputWidth);
		List<String> results = values.subList(inputWidth, values.size());
		Set<Integer> numericCells = row.numericCells()
			.stream()
			.filter(column -> column < inputWidth)
			.collect(Collectors.toUnmodifiableSet());
		long number = rowNumber(results.get(0), row.rowNumber());
		requireFirst(number, row.rowNumber(), results.get(0).isBlank());
		return new InputRow(number, headers, List.copyOf(inputValues), numericCells, prior(results));
	}

	/** @throws InputFileException when an earlier row of the file stands for the same input row */
	private void requireFirst(long number, long here, boolean unnumbered) {
		int slot = rowsRead.indexOf(number);
		if (!rowsRead.indexExists(slot)) {
			rowsRead.indexInsert(slot, number, here);
			return;
		}
		long first = rowsRead.indexGet(slot);
		String what = unnumbered ? "row " + here + " has no number in the row column, and its place, " + number
				+ ", is the number row " + first + " has there"
				: "rows " + first + " and " + here + " both give " + number + " in the row column (a copied row?)";
		throw new InputFileException(file + ": " + what + "; each row there stands for one row of the input, its pin"
				+ " and its request id: delete the copy, or give an added row a number that no other row has");
	}

	@Override
	public void close() {
		source.close();
	}

	/** The row number the original input file gave, so the new result file names the same rows. */
	private static long rowNumber(String cell, long fallback) {
		try {
			// BigDecimal also takes "12.0", as a spreadsheet may show a number cell
			long number = new BigDecimal(cell.trim()).longValueExact();
			return number > 0 ? number : fallback;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			// the cell was emptied or edited: the row as read is the best we know
			return fallback;
		}
	}

	/** Empty cells become null: "no post id", not an id that is the empty string. */
	private PriorOutcome prior(List<String> results) {
		return new PriorOutcome(cell(results, "status"), cell(results, "post_id"), cell(results, "pin_url"),
				cell(results, "error_code"), cell(results, "error_message"), cell(results, "attempts"),
				cell(results, "request_id"), cell(results, "finished_at"), cell(results, "publish_at_utc"));
	}

	private String cell(List<String> results, String column) {
		int index = layout.indexOf(column);
		return index < 0 || index >= results.size() ? null : text(results.get(index));
	}

	private static String text(String cell) {
		return cell.isEmpty() ? null : cell;
	}

	private static List<String> unescape(List<String> cells) {
		List<String> plain = new ArrayList<>(cells.size());
		for (String cell : cells) {
			plain.add(unescape(cell));
		}
		return plain;
	}

	/** Undoes the result writer's formula escaping: drops one {@code '} before {@code '*} and a formula start. */
	static String unescape(String cell) {
		if (cell.isEmpty() || cell.charAt(0) != '\'') {
			return cell;
		}
		int start = 1;
		while (start < cell.length() && cell.charAt(start) == '\'') {
			start++;
		}
		if (start == cell.length()) {
			return cell;
		}
		return FormulaPrefix.startsFormula(cell, start) ? cell.substring(1) : cell;
	}
}

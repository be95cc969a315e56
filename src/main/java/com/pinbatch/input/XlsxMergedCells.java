package com.pinbatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A sheet's merged cells, read before its rows although the sheet stores them after: a value merged down over
 * several rows (a publish date over a week's pins, a board over its pins) must reach each of those rows as it is
 * read, as Excel shows it there, or those rows would read it as empty (an empty date is "publish now"). Each row of
 * a range takes its first cell's value in the range's first column; its other columns read as empty.
 */
final class XlsxMergedCells {

	/** Enough ranges for any calendar; a forged sheet may hold millions. */
	static final int MAX_RANGES = 1_000;

	/**
	 * A {@code mergeCell} element, any namespace prefix. The part's text is scanned, not parsed: a '<' in a cell's
	 * text is always written {@code &lt;}, so this only meets markup, and the scan costs little beside the rows'
	 * parse (the part is inflated once more).
	 */
	private static final Pattern MERGE_CELL = Pattern
		.compile("<(?:[A-Za-z_][\\w.-]*:)?mergeCell\\s[^<>]*?\\bref\\s*=\\s*[\"']([A-Za-z0-9:$]{1,40})[\"']");

	/** What the scan looks for first (String.indexOf is fast; the pattern is tried only where it is found). */
	private static final String ELEMENT = "mergeCell";

	/** Longer than any mergeCell element: the text kept from one block to match with the next. */
	private static final int OVERLAP = 512;

	private final List<CellRangeAddress> ranges;

	/** Ranges over several rows, by their first row (0-based), in the order rows are read. */
	private final Map<Integer, List<CellRangeAddress>> startingAt = new HashMap<>();

	/** Ranges over several rows whose first row was read, with their first cell's value, until their last row. */
	private final Map<CellRangeAddress, Value> open = new HashMap<>();

	/** A first cell's text and whether it is a plain number. */
	private record Value(String text, boolean numeric) {
	}

	private XlsxMergedCells(List<CellRangeAddress> ranges) {
		this.ranges = List.copyOf(ranges);
		for (CellRangeAddress range : ranges) {
			if (range.getLastRow() > range.getFirstRow()) {
				startingAt.computeIfAbsent(range.getFirstRow(), row -> new ArrayList<>()).add(range);
			}
		}
	}

	/** Reads the merged ranges of a sheet's part, which it closes; a damaged part gives those read before. */
	static XlsxMergedCells scan(InputStream sheetXml) {
		List<CellRangeAddress> ranges = new ArrayList<>();
		try (sheetXml) {
			byte[] block = new byte[1 << 16];
			String carried = "";
			int read;
			while ((read = sheetXml.read(block)) >= 0 && ranges.size() < MAX_RANGES) {
				// ISO-8859-1 maps bytes to chars one to one (a plain copy): the markup searched is ASCII in any case
				String window = carried + new String(block, 0, read, StandardCharsets.ISO_8859_1);
				int keepFrom = Math.max(0, window.length() - OVERLAP);
				int at = window.indexOf(ELEMENT);
				while (at >= 0 && ranges.size() < MAX_RANGES) {
					int open = window.lastIndexOf('<', at);
					Matcher element = MERGE_CELL.matcher(window).region(Math.max(open, 0), window.length());
					if (open >= 0 && at - open <= OVERLAP && element.lookingAt()) {
						add(ranges, element.group(1));
						keepFrom = Math.max(keepFrom, element.end());
					}
					at = window.indexOf(ELEMENT, at + ELEMENT.length());
				}
				carried = window.substring(keepFrom);
			}
		}
		catch (IOException | RuntimeException damaged) {
			// the ranges read so far still apply
		}
		return new XlsxMergedCells(ranges);
	}

	private static void add(List<CellRangeAddress> ranges, String reference) {
		try {
			CellRangeAddress range = CellRangeAddress.valueOf(reference);
			if (range.getNumberOfCells() > 1 && range.getFirstRow() >= 0 && range.getFirstColumn() >= 0) {
				ranges.add(range);
			}
		}
		catch (RuntimeException notARange) {
			// Excel would not open the sheet either; the rows still read
		}
	}

	/**
	 * The ranges that reach below the header row (row number as shown), in the sheet's order, as written there
	 * ("E2:E5"): a merged title above the header does no harm.
	 */
	List<String> reachingBelow(long headerRow) {
		return ranges.stream()
			.filter(range -> range.getLastRow() + 1 > headerRow)
			.sorted(Comparator.comparingInt(CellRangeAddress::getFirstRow)
				.thenComparingInt(CellRangeAddress::getFirstColumn))
			.map(CellRangeAddress::formatAsString)
			.toList();
	}

	/** Whether some range reaches over several rows, so that rows are to be {@link #fill filled}. */
	boolean fillsRows() {
		return !startingAt.isEmpty();
	}

	/**
	 * A data row as Excel shows it: each cell a range merges down over it takes the range's first value. Call it for
	 * every data row, in order, blank ones too.
	 *
	 * @param number  the row number as shown
	 * @param cells   the row's cells, fitted to the header
	 * @param numeric the row's columns that hold a plain number, which a filled cell joins when its first one did
	 * @return the cells, with the merged values filled in
	 */
	List<String> fill(long number, List<String> cells, Set<Integer> numeric) {
		int row = (int) Math.min(Integer.MAX_VALUE, number - 1);
		open.keySet().removeIf(range -> range.getLastRow() < row);
		List<String> filled = null;
		for (Map.Entry<CellRangeAddress, Value> range : open.entrySet()) {
			int column = range.getKey().getFirstColumn();
			if (range.getKey().getFirstRow() < row && column < cells.size() && cells.get(column).isBlank()) {
				if (filled == null) {
					filled = new ArrayList<>(cells);
				}
				filled.set(column, range.getValue().text());
				if (range.getValue().numeric()) {
					numeric.add(column);
				}
			}
		}
		for (CellRangeAddress range : startingAt.getOrDefault(row, List.of())) {
			int column = range.getFirstColumn();
			String first = column < cells.size() ? cells.get(column) : "";
			open.put(range, new Value(first, numeric.contains(column)));
		}
		return filled == null ? cells : List.copyOf(filled);
	}
}

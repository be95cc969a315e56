package com.pinbatch.input;

import java.util.List;
import java.util.Set;

/**
 * One data row of an input file, exactly as the file gives it.
 *
 * @param rowNumber    the row number a person sees in a spreadsheet (header = 1); for a result file fed back
 *                     with --retry-failed, the {@code row} column of that file
 * @param headers      the file's header names as given (shared by all rows of one file)
 * @param values       cell texts, one per header (missing trailing cells are empty strings)
 * @param numericCells indexes of cells that the file stored as numbers (XLSX only): an id typed into a
 *                     number cell may have lost digits to Excel's 15-digit precision
 * @param prior        the earlier outcome when the row comes from a result file, otherwise null
 */
public record InputRow(long rowNumber, List<String> headers, List<String> values, Set<Integer> numericCells,
		PriorOutcome prior) {

	/**
	 * The text of a workbook cell whose formula has no computed value in the file (saved by a program that does not
	 * calculate: a script, an export tool). Empty, it would be sent as an empty field; the row is refused instead.
	 */
	public static final String NOT_CALCULATED = "#NOT CALCULATED";

	/**
	 * The text of a workbook cell that holds a picture placed in it (Excel 365's Place in Cell), which the file saves
	 * as the error #VALUE!: read as that error, it was taken for a failed formula.
	 */
	public static final String PICTURE_IN_CELL = "#PICTURE IN CELL";

	/**
	 * The text of a workbook cell, in a column of web addresses, whose HYPERLINK formula puts its address together
	 * from other cells ({@code "https://…/"&A4}): the file keeps only the text the cell shows ("Shop"), which was
	 * refused as no web address, a puzzle to someone who sees the link work in Excel.
	 */
	public static final String LINK_PUT_TOGETHER = "#LINK PUT TOGETHER";

	/** Whether a cell's text is one of those above, which stand for what the file does not hold. */
	public static boolean standsForWhatTheFileLacks(String text) {
		return NOT_CALCULATED.equals(text) || PICTURE_IN_CELL.equals(text) || LINK_PUT_TOGETHER.equals(text);
	}

	public InputRow(long rowNumber, List<String> headers, List<String> values) {
		this(rowNumber, headers, values, Set.of(), null);
	}

	public String value(int column) {
		return column < values.size() ? values.get(column) : "";
	}

	public boolean isNumericCell(int column) {
		return numericCells.contains(column);
	}
}

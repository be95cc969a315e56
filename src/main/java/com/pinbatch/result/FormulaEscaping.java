package com.pinbatch.result;

import com.pinbatch.text.FormulaPrefix;

/**
 * Keeps result cells from running as formulas when the file is opened in a spreadsheet (CSV injection): a cell
 * that would start a formula ({@link FormulaPrefix}: {@code = + - @}, also behind blanks or in full-width form, a
 * leading tab or line break) gets a leading {@code '}, which spreadsheets show as text. A cell that already is
 * apostrophes followed by such a start gets one more, so reading the file back (dropping exactly one leading
 * {@code '} from such cells) gives every value exactly as it was.
 */
public final class FormulaEscaping {

	private FormulaEscaping() {
	}

	public static String escape(String cell) {
		int start = 0;
		while (start < cell.length() && cell.charAt(start) == '\'') {
			start++;
		}
		return FormulaPrefix.startsFormula(cell, start) ? "'" + cell : cell;
	}

	/**
	 * For a workbook's text cells, which never run: only a cell that already is apostrophes followed by a formula
	 * start gets one more, since reading a result file back drops one from such cells (a CSV result saved as a
	 * workbook keeps its guards).
	 */
	public static String keepApostrophes(String cell) {
		return cell.startsWith("'") ? escape(cell) : cell;
	}
}

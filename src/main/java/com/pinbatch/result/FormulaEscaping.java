package com.pinbatch.result;

/**
 * Keeps result cells from running as formulas when the file is opened in a spreadsheet (CSV injection): a cell
 * that starts with {@code = + - @}, tab or carriage return gets a leading {@code '}, which spreadsheets show as
 * text. A cell that already is apostrophes followed by one of those gets one more, so reading the file back
 * (dropping exactly one leading {@code '} from such cells) gives every value exactly as it was.
 */
public final class FormulaEscaping {

	private FormulaEscaping() {
	}

	public static String escape(String cell) {
		int start = 0;
		while (start < cell.length() && cell.charAt(start) == '\'') {
			start++;
		}
		return start < cell.length() && startsFormula(cell.charAt(start)) ? "'" + cell : cell;
	}

	private static boolean startsFormula(char c) {
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
	}
}

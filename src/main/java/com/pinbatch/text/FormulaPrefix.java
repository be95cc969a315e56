package com.pinbatch.text;

/**
 * What makes a spreadsheet run a cell instead of showing it: {@code = + - @} first, also behind blanks or invisible
 * characters (spreadsheets trim them) and in their full-width forms {@code ＝ ＋ － ＠} (which some convert); a
 * leading tab or line break (CSV injection's other openers). The result writer guards such cells with a
 * {@code '}, and the reader of result files removes exactly that guard: both ask this one rule.
 */
public final class FormulaPrefix {

	private FormulaPrefix() {
	}

	/** True when the text from {@code from} on would start a formula. */
	public static boolean startsFormula(String cell, int from) {
		if (from >= cell.length()) {
			return false;
		}
		char first = cell.charAt(from);
		if (first == '\t' || first == '\r' || first == '\n') {
			return true;
		}
		int i = from;
		while (i < cell.length()) {
			int c = cell.codePointAt(i);
			if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || SafeText.isHidden(c))) {
				return isOpener(c);
			}
			i += Character.charCount(c);
		}
		return false;
	}

	private static boolean isOpener(int c) {
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D'
				|| c == '\uFF20';
	}
}

package com.pinbatch.text;

/**
 * Spreadsheets keep 15 significant digits of a number: a longer id typed into a number cell keeps its first 15 and
 * zeros for the rest, and a CSV saved from it shows those zeros as digits.
 */
public final class SpreadsheetDigits {

	/** How many significant digits a spreadsheet's number keeps. */
	public static final int KEPT = 15;

	private SpreadsheetDigits() {
	}

	/** Whether {@code id}, all digits, is as long as a rounded number would be and ends in the zeros it would have. */
	public static boolean mayHaveLostDigits(String id) {
		if (id.length() <= KEPT || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return false;
		}
		return id.substring(KEPT).chars().allMatch(c -> c == '0');
	}
}

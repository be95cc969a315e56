package com.pinbatch.text;

/** A column as a spreadsheet names it: what a person looks for in Excel, LibreOffice or Sheets. */
public final class ColumnLetters {

	private ColumnLetters() {
	}

	/** 0 -> "A", 25 -> "Z", 27 -> "AB". */
	public static String of(int column) {
		StringBuilder name = new StringBuilder();
		for (int rest = column + 1; rest > 0; rest = (rest - 1) / 26) {
			name.insert(0, (char) ('A' + (rest - 1) % 26));
		}
		return name.toString();
	}
}

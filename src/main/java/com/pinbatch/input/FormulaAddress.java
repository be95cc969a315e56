package com.pinbatch.input;

/**
 * The web address in a cell that holds a formula as its text, as a CSV saved with formulas shown writes it
 * ({@code =IMAGE("https://…/a.jpg")}, {@code =HYPERLINK("https://…", "Shop now")}): the address a workbook's same
 * formula gives ({@link XlsxSheetLinks}), which was refused as no address, with advice that did not fit.
 */
public final class FormulaAddress {

	private FormulaAddress() {
	}

	/**
	 * @param picture whether the cell's field is a picture (IMAGE and HYPERLINK read) or a link (HYPERLINK only)
	 * @return the address the formula names whole, or the cell as it is
	 */
	public static String orCell(String cell, boolean picture) {
		if (cell.length() < 2 || cell.charAt(0) != '=') {
			return cell;
		}
		String formula = cell.substring(1);
		String address = XlsxSheetLinks.ofFormula(formula);
		if (address == null && picture) {
			address = XlsxSheetLinks.imageOfFormula(formula);
		}
		return address == null ? cell : address.strip();
	}
}

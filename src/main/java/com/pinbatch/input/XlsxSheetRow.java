package com.pinbatch.input;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code row} element of a sheet, cells placed in their columns (a missing cell is "").
 *
 * @param number       the row number the spreadsheet shows
 * @param cells        cell texts from column A up to the last cell the row stores
 * @param numericCells columns whose cell is a plain number
 * @param hidden       whether the sheet hides the row (a filter, or hidden by hand)
 * @param links        columns whose cell links to a web address, with the address ({@link XlsxSheetLinks})
 */
record XlsxSheetRow(long number, List<String> cells, Set<Integer> numericCells, boolean hidden,
		Map<Integer, String> links) {

	boolean isBlank() {
		for (String cell : cells) {
			if (!BlankCells.isBlank(cell)) {
				return false;
			}
		}
		return true;
	}
}

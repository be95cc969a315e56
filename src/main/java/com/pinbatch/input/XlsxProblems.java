package com.pinbatch.input;

import java.nio.file.Path;

/**
 * Turns POI and XML failures into the one-line messages a user can act on. POI reports most problems with
 * generic exceptions, so the cause chain is searched for the few that deserve their own words.
 */
final class XlsxProblems {

	/** How POI's ZipSecureFile words both of its guards (inflate ratio and entry size). */
	private static final String ZIP_BOMB = "Zip bomb detected";

	private XlsxProblems() {
	}

	/** The workbook could not be opened at all. */
	static InputFileException unreadable(Path file, Throwable failure) {
		if (isZipBomb(failure)) {
			return zipBomb(file, failure);
		}
		if (rootMessage(failure).contains("Strict OOXML")) {
			// POI's words name its bug tracker; the user needs the format to choose instead
			return new InputFileException(file + ": is saved as a Strict Open XML workbook, which pinbatch does not"
					+ " read; save it again as 'Excel Workbook (.xlsx)' (not 'Strict Open XML Spreadsheet')", failure);
		}
		return new InputFileException(file + ": is a zip file but not a readable Excel workbook ("
				+ rootMessage(failure) + "); save it again from the spreadsheet program as .xlsx", failure);
	}

	/** The zip holds no workbook part (xl/workbook.xml). */
	static InputFileException notAWorkbook(Path file) {
		return new InputFileException(file + ": is a zip file but not an Excel workbook (it has no"
				+ " xl/workbook.xml); give the .xlsx file itself");
	}

	/** The sheet XML broke off part way through. */
	static InputFileException damagedSheet(Path file, String sheet, long lastGoodRow, Throwable failure) {
		if (isZipBomb(failure)) {
			return zipBomb(file, failure);
		}
		String where = lastGoodRow == 0 ? "at its start" : "after row " + lastGoodRow;
		return new InputFileException(file + ": sheet '" + sheet + "' is damaged " + where + " ("
				+ rootMessage(failure) + "); save the workbook again from the spreadsheet program", failure);
	}

	private static InputFileException zipBomb(Path file, Throwable failure) {
		return new InputFileException(file + ": looks like a zip bomb (a part expands far more than any real"
				+ " workbook does), so it was not read; if it is a genuine workbook, export it as CSV UTF-8", failure);
	}

	private static boolean isZipBomb(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains(ZIP_BOMB)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** The innermost message on one line: POI's messages often span several. */
	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
		String firstLine = message.strip().lines().findFirst().orElse("");
		return firstLine.length() > 200 ? firstLine.substring(0, 200) + "..." : firstLine;
	}
}

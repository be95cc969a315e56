package com.pinbatch.result;

import java.nio.file.Path;
import java.util.Locale;

/** Chooses the result file format from the name the user gave: {@code .xlsx} writes a workbook, anything else CSV. */
public final class ResultFiles {

	private ResultFiles() {
	}

	public static ResultFileWriter open(Path file) {
		return open(file, ',');
	}

	/** @param delimiter the input's delimiter, for a CSV result */
	public static ResultFileWriter open(Path file, char delimiter) {
		if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
			return new XlsxResultFileWriter(file);
		}
		return new CsvResultFileWriter(file, delimiter);
	}
}

package com.pinbatch.result;

import java.util.List;

import com.pinbatch.input.InputRow;

/**
 * Writes the result file: every input column as given, then {@link ResultColumns#NAMES}. One line per input
 * data row, in input order. Cells a spreadsheet would run as a formula are written so that they stay text.
 */
public interface ResultFileWriter extends AutoCloseable {

	/** Writes the header line: the input headers, then the result columns. Called once, first. */
	void writeHeader(List<String> inputHeaders);

	void writeRow(InputRow row, RowResult result);

	@Override
	void close();
}

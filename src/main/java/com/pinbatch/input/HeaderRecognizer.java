package com.pinbatch.input;

import java.util.List;

/**
 * Tells the header row from what people put above it (a title, a note, blank rows): the column mapping knows which
 * names are columns.
 */
@FunctionalInterface
public interface HeaderRecognizer {

	/** The first non-blank row is the header, as in a file pinbatch wrote itself. */
	HeaderRecognizer FIRST_ROW = cells -> true;

	/** Whether the row's cells name the input's columns. */
	boolean isHeader(List<String> cells);
}

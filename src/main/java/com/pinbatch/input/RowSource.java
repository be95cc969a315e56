package com.pinbatch.input;

import java.util.List;

/**
 * A streaming reader of one input file: CSV or XLSX. Memory does not grow with the file.
 * Blank rows are skipped but still counted in {@link InputRow#rowNumber()}.
 */
public interface RowSource extends AutoCloseable {

	/** How many non-blank rows at the top of a file are looked at for its header row (titles and notes above it). */
	int HEADER_SEARCH_ROWS = 20;

	/** The file's header names, as given. */
	List<String> headers();

	/**
	 * What was assumed to read the file (an encoding guessed, a header found below a title), one line each, for
	 * the user to see before anything is sent.
	 */
	default List<String> notes() {
		return List.of();
	}

	/**
	 * What reading the rows found that the user should know before anything is sent (rows the sheet hides, merged
	 * cells), one line each; complete once {@link #next()} returned null.
	 */
	default List<String> findings() {
		return List.of();
	}

	/** The CSV input's delimiter (comma, semicolon or tab), so that a CSV result file uses it too; comma for XLSX. */
	default char delimiter() {
		return ',';
	}

	/**
	 * The name of the character set a CSV input is read in (the user's, or the one found for it); null for a workbook.
	 * Naming it when the file is opened again skips the look at the whole file that finding it takes.
	 */
	default String charset() {
		return null;
	}

	/**
	 * Whether the file shows it was saved in Unicode (a workbook; a text file with a byte order mark, or letters beyond
	 * ASCII in UTF-8), so that a ? in it is one the author typed, not a letter a code page lacked.
	 */
	default boolean savedAsUnicode() {
		return false;
	}

	/**
	 * Whether the file's first line was Excel's {@code sep=;}, which Excel hides: the rows are then numbered as it
	 * shows them, from the header as row 1.
	 */
	default boolean separatorLineHidden() {
		return false;
	}

	/** The next data row, or null at the end of the file. */
	InputRow next() throws InputFileException;

	@Override
	void close();
}

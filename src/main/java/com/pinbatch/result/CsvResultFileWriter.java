package com.pinbatch.result;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

import com.pinbatch.input.InputRow;
import com.pinbatch.text.FileProblems;
import com.pinbatch.text.SafeText;

/**
 * Writes the result file as RFC 4180 CSV the way Excel opens it cleanly: UTF-8 with a byte order mark (without
 * it Excel guesses a local code page), the input's own delimiter (a semicolon file came from a spreadsheet that
 * splits lines at semicolons), CRLF line ends, quotes only where needed. Lines are buffered, not flushed one by
 * one: result files are written beside their name and moved into place when complete (see ResultFileStream), so a
 * partly written file is never the one a user opens, and a flush per line cost a write per row.
 */
public final class CsvResultFileWriter implements ResultFileWriter {

	private final Path file;

	private final CSVFormat format;

	private final Writer writer;

	/** The line being made: cells are quoted into it, then it is written whole (a write per cell cost more). */
	private final StringBuilder line = new StringBuilder(512);

	/** Number of input columns; -1 until the header is written. */
	private int inputWidth = -1;

	/**
	 * Per column, the last cell written and what it became (made safe, quoted, after its delimiter): a column often
	 * repeats the cell above (an account, a board, a cap's message on thousands of rows), which is then not made
	 * safe and quoted again. Valid while no secret is registered since ({@link SafeText#secretsHidden}).
	 */
	private String[] lastCells = new String[0];

	private String[] lastPrinted = new String[0];

	private int secretsAtLast = -1;

	/** Creates the file anew (creating folders as needed); comma-separated. */
	public CsvResultFileWriter(Path file) {
		this(file, ',');
	}

	/** Creates the file anew (creating folders as needed), see {@link FreshFile}. */
	public CsvResultFileWriter(Path file, char delimiter) {
		this.file = file;
		this.format = CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			.setRecordSeparator("\r\n")
			.setQuoteMode(QuoteMode.MINIMAL)
			.get();
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			this.writer = new BufferedWriter(new OutputStreamWriter(FreshFile.create(file), StandardCharsets.UTF_8));
			writer.write('\uFEFF');
		}
		catch (IOException ex) {
			throw failure("cannot be created", ex);
		}
	}

	@Override
	public void writeHeader(List<String> inputHeaders) {
		if (inputWidth >= 0) {
			throw new IllegalStateException("the header of " + file + " is already written");
		}
		inputWidth = inputHeaders.size();
		List<String> header = new ArrayList<>(inputHeaders);
		header.addAll(ResultColumns.NAMES);
		print(header);
	}

	@Override
	public void writeRow(InputRow row, RowResult result) {
		if (inputWidth < 0) {
			throw new IllegalStateException("writeHeader must be called before writeRow");
		}
		List<String> cells = new ArrayList<>(inputWidth + ResultColumns.NAMES.size());
		for (int i = 0; i < inputWidth; i++) {
			cells.add(row.value(i));
		}
		cells.add(Long.toString(result.rowNumber()));
		cells.add(result.status().name());
		cells.add(result.postId());
		cells.add(result.pinUrl());
		cells.add(result.publishAt() == null ? null : result.publishAt().toString());
		cells.add(result.errorCode());
		cells.add(result.errorMessage());
		cells.add(Integer.toString(result.attempts()));
		cells.add(result.requestId());
		cells.add(result.finishedAt() == null ? null : result.finishedAt().toString());
		print(cells);
	}

	@Override
	public void close() {
		try {
			writer.close();
		}
		catch (IOException ex) {
			throw failure("cannot be written", ex);
		}
	}

	private void print(List<String> cells) {
		try {
			if (lastCells.length != cells.size() || secretsAtLast != SafeText.secretsHidden()) {
				lastCells = new String[cells.size()];
				lastPrinted = new String[cells.size()];
				secretsAtLast = SafeText.secretsHidden();
			}
			line.setLength(0);
			for (int i = 0; i < cells.size(); i++) {
				String cell = cells.get(i) == null ? "" : cells.get(i);
				boolean repeated = cell.equals(lastCells[i]);
				if (repeated && lastPrinted[i] != null) {
					line.append(lastPrinted[i]);
					continue;
				}
				int start = line.length();
				format.print(FormulaEscaping.escape(SafeText.cell(cell)), line, i == 0);
				// kept from its second row on: a cell of its own on each row (a title) costs no copy
				lastPrinted[i] = repeated ? line.substring(start) : null;
				lastCells[i] = cell;
			}
			format.println(line);
			writer.append(line);
		}
		catch (IOException ex) {
			throw failure("cannot be written", ex);
		}
	}

	private UncheckedIOException failure(String what, IOException ex) {
		return new UncheckedIOException("result file " + file + " " + what + " (" + FileProblems.reason(ex) + ")", ex);
	}
}

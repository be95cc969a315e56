package com.pinbatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.pinbatch.text.ColumnLetters;
import com.pinbatch.text.SafeText;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streaming CSV reader (Apache Commons CSV): UTF-8 with or without BOM, UTF-16 with BOM, or the encoding
 * {@link TextEncoding} detects; CRLF or LF; comma, semicolon or tab (sniffed from the header line). Reads one record at a time, so memory does not grow with the file.
 * <p>
 * Row numbers are the ones a spreadsheet shows: the header is row 1 and every CSV record is one row, even when
 * a quoted cell spans several lines. Blank rows are skipped but counted.
 */
public final class CsvRowSource implements RowSource {

	/** Enough of the file to hold the header line for delimiter sniffing. */
	private static final int SNIFF_SIZE = 64 * 1024;

	private final Path file;

	private final TextEncoding.Choice encoding;

	private final char delimiter;

	private final RecordSizeGuard guard;

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	private final List<String> headers;

	/** Rows read past the header while looking for it, read as data first. */
	private final Deque<Line> replay = new ArrayDeque<>();

	/** What was passed over above the header, or null. */
	private String headerNote;

	/** That a --sheet given has nothing to choose here, or null. */
	private String sheetNote;

	/** The row number of the record read last. */
	private long rowNumber;

	/** 1 when the first line was Excel's "sep=;" line, which Excel hides: rows are numbered as Excel shows them. */
	private long hiddenLines;

	/** Rows with fewer cells than the header, and the first few of them ("row 4 (3 cells)"). */
	private long shortRows;

	private final List<String> firstShortRows = new ArrayList<>(3);

	/** A record with the row number a spreadsheet shows for it. */
	private record Line(long number, CSVRecord record) {

		List<String> cells() {
			return Arrays.asList(record.values());
		}
	}

	private CsvRowSource(Path file, TextEncoding.Choice encoding, char delimiter, RecordSizeGuard guard,
			CSVParser parser, HeaderRecognizer recognizer) {
		this.file = file;
		this.encoding = encoding;
		this.delimiter = delimiter;
		this.guard = guard;
		this.parser = parser;
		this.records = parser.iterator();
		this.headers = readHeaders(recognizer);
	}

	public static CsvRowSource open(Path file) {
		return open(file, InputOptions.defaults());
	}

	/**
	 * @param options the encoding the user named (null: the file's own, or detected) and how to tell the header row
	 * @throws InputFileException if the file is not text, is empty, or its header row is malformed
	 */
	public static CsvRowSource open(Path file, InputOptions options) {
		return open(file, options, null);
	}

	/** As {@link #open(Path, InputOptions)}, every byte the parse reads also going into {@code digest} (or null). */
	static CsvRowSource open(Path file, InputOptions options, InputDigest digest) {
		String encoding = options.encoding();
		byte[] head = readHead(file);
		TextEncoding.Choice choice = TextEncoding.choose(file, head, encoding);
		int bomLength = choice.bomLength();
		char delimiter = DelimiterSniffer.sniff(new String(head, bomLength, head.length - bomLength,
				choice.charset()));
		RecordSizeGuard guard = openReader(file, bomLength, choice.charset(), digest);
		CSVParser parser = openParser(file, guard, delimiter);
		try {
			CsvRowSource source = new CsvRowSource(file, choice, delimiter, guard, parser, options.headers());
			if (options.sheet() != null) {
				// a folder of workbooks and CSVs takes one --sheet for all: a note, not a refusal
				source.sheetNote = file + ": --sheet=" + options.sheet() + " chooses a workbook's sheet; this file is"
						+ " a CSV, with one table: read as it is";
			}
			return source;
		}
		catch (RuntimeException ex) {
			closeQuietly(parser);
			throw ex;
		}
	}

	@Override
	public List<String> headers() {
		return headers;
	}

	@Override
	public List<String> notes() {
		List<String> notes = new ArrayList<>();
		if (encoding.note() != null) {
			notes.add(encoding.note());
		}
		if (headerNote != null) {
			notes.add(headerNote);
		}
		if (sheetNote != null) {
			notes.add(sheetNote);
		}
		return List.copyOf(notes);
	}

	/**
	 * Rows that end before the header's last column: read as empty there, a pin can go out without its link or date,
	 * and a line break in a cell left unquoted splits its row so.
	 */
	@Override
	public List<String> findings() {
		if (shortRows == 0) {
			return List.of();
		}
		String rows = String.join(", ", firstShortRows) + (shortRows > firstShortRows.size() ? " and "
				+ (shortRows - firstShortRows.size()) + " more" : "");
		return List.of(file + ": " + (shortRows == 1 ? "a row has" : shortRows + " rows have") + " fewer cells than"
				+ " the header's " + headers.size() + " (" + rows + "): the cells missing are read as empty; if a cell"
				+ " holding a line break split a row, put quotes around that cell");
	}

	/** The file's own delimiter, unless only a "sep=" line named it: the result file has none, so it takes commas. */
	@Override
	public char delimiter() {
		return DelimiterSniffer.sniffable(delimiter) ? delimiter : ',';
	}

	@Override
	public String charset() {
		return encoding.charset().name();
	}

	@Override
	public boolean savedAsUnicode() {
		return encoding.unicode();
	}

	@Override
	public InputRow next() {
		Line line;
		while ((line = nextLine()) != null) {
			if (!isBlank(line.record())) {
				return new InputRow(line.number(), headers, cells(line), Set.of(), null);
			}
		}
		return null;
	}

	private Line nextLine() {
		if (!replay.isEmpty()) {
			return replay.poll();
		}
		CSVRecord record = nextRecord();
		return record == null ? null : new Line(rowNumber - hiddenLines, record);
	}

	@Override
	public boolean separatorLineHidden() {
		return hiddenLines > 0;
	}

	@Override
	public void close() {
		closeQuietly(parser);
	}

	private static byte[] readHead(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(SNIFF_SIZE);
		}
		catch (IOException ex) {
			throw cannotRead(file, ex);
		}
	}

	private static RecordSizeGuard openReader(Path file, int bomLength, Charset charset, InputDigest digest) {
		InputStream in = null;
		try {
			in = Files.newInputStream(file);
			if (digest != null) {
				in = digest.watching(in);
			}
			in.skipNBytes(bomLength);
			return new RecordSizeGuard(new StrictTextReader(in, charset));
		}
		catch (IOException ex) {
			closeQuietly(in);
			throw cannotRead(file, ex);
		}
	}

	private static CSVParser openParser(Path file, Reader reader, char delimiter) {
		// no header handling in Commons CSV: header names may repeat or be empty, and blank lines must be
		// seen (not dropped) so that row numbers stay right
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			.setIgnoreEmptyLines(false)
			.get();
		try {
			return CSVParser.builder().setReader(reader).setFormat(format).get();
		}
		catch (IOException ex) {
			closeQuietly(reader);
			throw cannotRead(file, ex);
		}
	}

	private List<String> readHeaders(HeaderRecognizer recognizer) {
		HeaderSearch<Line> found = HeaderSearch.find(this::nextLine, Line::cells, recognizer);
		if (found == null) {
			throw new InputFileException(file + ": is empty; the first row must be the column headers");
		}
		replay.addAll(found.replay());
		if (!found.above().isEmpty() && found.above().get(0).number() == 1
				&& DelimiterSniffer.isSeparatorLine(found.above().get(0).cells())) {
			// Excel's "sep=;" line is no title: passed over unsaid, and hidden from the row numbers, as Excel hides it
			hiddenLines = 1;
			found = new HeaderSearch<>(renumbered(found.header()), found.above().subList(1, found.above().size())
				.stream().map(CsvRowSource::renumbered).toList(), found.replay().stream()
				.map(CsvRowSource::renumbered).toList(), found.recognized());
			replay.clear();
			replay.addAll(found.replay());
		}
		headerNote = found.note(file.toString(), found.header().number(), Line::cells);
		List<String> names = new ArrayList<>();
		for (String name : found.header().record().values()) {
			names.add(name.trim());
		}
		return Collections.unmodifiableList(names);
	}

	/** A line read before the "sep=;" line was known to be hidden, numbered as Excel shows it. */
	private static Line renumbered(Line line) {
		return new Line(line.number() - 1, line.record());
	}

	/** Cells padded to the header width; extra cells are allowed only when empty (Excel exports). */
	private List<String> cells(Line line) {
		long rowNumber = line.number();
		String[] values = line.record().values();
		int width = headers.size();
		int used = values.length;
		while (used > width && values[used - 1].isEmpty()) {
			used--;
		}
		if (used > width) {
			// the row's last cell names both causes: a note typed right of the last column, as the sheet shows it,
			// or a cell split by a separator not in quotes (before, only that one: a puzzle to who typed a note)
			String last = values[used - 1];
			String shown = SafeText.line(last.length() > 40 ? last.substring(0, 40) + "…" : last);
			throw new InputFileException(file + " row " + rowNumber + ": has " + used + " cells but the header has "
					+ width + " columns: cell " + ColumnLetters.of(used - 1) + rowNumber + " ('" + shown + "') is"
					+ " right of the last column — give its column a header or clear it; or, if a cell of the row"
					+ " holds a " + DelimiterSniffer.describe(delimiter) + ", put that cell in quotes (\"like"
					+ (delimiter == '\t' ? "" : String.valueOf(delimiter)) + " this\")");
		}
		if (values.length < width) {
			shortRows++;
			if (firstShortRows.size() < 3) {
				firstShortRows.add("row " + rowNumber + ": " + values.length + " cells");
			}
		}
		String[] cells = Arrays.copyOf(values, width);
		Arrays.fill(cells, Math.min(values.length, width), width, "");
		return List.of(cells);
	}

	/** The next record, or null at the end; turns every parser failure into a one-line user error. */
	private CSVRecord nextRecord() {
		long row = rowNumber + 1;
		try {
			if (!records.hasNext()) {
				return null;
			}
			CSVRecord record = records.next();
			guard.recordDone();
			rowNumber = row;
			return record;
		}
		catch (UncheckedIOException ex) {
			throw readFailure(row - hiddenLines, ex.getCause());
		}
		catch (IllegalStateException ex) {
			throw new InputFileException(file + " row " + (row - hiddenLines) + ": is not valid CSV (" + ex.getMessage()
					+ ")", ex);
		}
	}

	private InputFileException readFailure(long row, IOException cause) {
		String message = String.valueOf(cause.getMessage());
		if (cause instanceof CharacterCodingException) {
			return new InputFileException(TextEncoding.notText(file, row, encoding.charset()), cause);
		}
		if (message.contains("EOF reached before encapsulated token finished")) {
			return new InputFileException(file + " row " + row
					+ ": unterminated quoted cell (a \" is opened but never closed); close it, or double a \" that"
					+ " is part of the text (\"\")" + unquotedTabsAdvice(), cause);
		}
		if (cause instanceof RecordSizeGuard.RecordTooLargeException) {
			// the guard cannot tell which: the parser reads ahead of the row it is in
			return new InputFileException(file + " row " + row + ": is longer than "
					+ RecordSizeGuard.MAX_RECORD_CHARS + " characters: a \" opened and never closed takes the rest of"
					+ " the file into one cell (close it), or a cell is that long (a pin's text is 500 characters at"
					+ " most: shorten it)", cause);
		}
		if (message.contains("Invalid character between encapsulated token and delimiter")) {
			return new InputFileException(file + " row " + row
					+ ": a quoted cell has text after its closing \"; double a \" that is part of the text (\"\")"
					+ unquotedTabsAdvice(), cause);
		}
		if (cause instanceof CSVException) {
			return new InputFileException(file + " row " + row + ": is not valid CSV (" + message + ")", cause);
		}
		return cannotRead(file, cause);
	}

	/**
	 * A cell that starts with a quote is read as quoted, as Excel writes tab-separated text; Google Sheets' .tsv
	 * writes no quotes at all, and its CSV download reads right.
	 */
	private String unquotedTabsAdvice() {
		return delimiter != '\t' ? ""
				: "; a tab-separated file whose cells are written without quotes (as Google Sheets' .tsv download) cannot"
						+ " be told from this: download it as CSV instead";
	}

	/**
	 * Whether the record shows nothing: blank cells, or only separators, which an empty row of a file saved with
	 * another separator leaves (";;;;" in a comma file; before, a pin so titled, INVALID).
	 */
	private static boolean isBlank(CSVRecord record) {
		for (String value : record.values()) {
			if (!value.chars().allMatch(c -> BlankCells.showsNothing(c) || c == ';' || c == ',' || c == '|')) {
				return false;
			}
		}
		return true;
	}

	private static InputFileException cannotRead(Path file, IOException ex) {
		return new InputFileException(file + ": cannot be read (" + ex.getMessage() + ")", ex);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// nothing useful to do: the file was only read
		}
	}
}

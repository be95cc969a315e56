package com.pinbatch.input;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.xml.stream.XMLStreamException;

import com.pinbatch.text.ColumnLetters;
import com.pinbatch.text.ShellWords;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;

/**
 * Streaming XLSX reader built on POI's event API: the workbook is never loaded, the sheet XML is pulled one row
 * at a time. Only the shared-strings table is held in memory, as every XLSX reader must.
 * Row numbers are the sheet's own, gaps included; the headers are in the first row that names known columns
 * (title rows above it are passed over), see {@link HeaderSearch}.
 */
public final class XlsxRowSource implements RowSource {

	private final Path file;

	private final OPCPackage workbook;

	private final XlsxSheetParser parser;

	private final String sheetName;

	private final List<String> headers;

	/** Rows read past the header while looking for it, read as data first. */
	private final Deque<XlsxSheetRow> replay = new ArrayDeque<>();

	private final List<String> notes;

	private final long headerRow;

	/** The sheet's merged cells, which fill the rows they are merged over. */
	private final XlsxMergedCells merged;

	/** The columns whose cells hold a web address: a cell there that shows text but links to one reads as it. */
	private final Set<Integer> addressColumns;

	/** Cells read as the address they link to, and the first few to name. */
	private long linkedCells;

	private final List<String> firstLinkedCells = new ArrayList<>();

	/** Data rows the sheet hides, and the first few of their numbers to name. */
	private long hiddenRows;

	/** How many of a workbook's other sheets are looked at for pin columns. */
	private static final int OTHER_SHEETS_LOOKED_AT = 50;

	private final List<Long> firstHiddenRows = new ArrayList<>();

	private XlsxRowSource(Path file, OPCPackage workbook, Opened sheet, XlsxMergedCells merged,
			List<String> sheetNotes, Predicate<String> addressColumns) {
		this.file = file;
		this.workbook = workbook;
		this.parser = sheet.parser();
		this.merged = merged;
		this.sheetName = sheet.name();
		HeaderSearch<XlsxSheetRow> found = sheet.found();
		this.replay.addAll(found.replay());
		this.headers = headerNames(found.header());
		this.addressColumns = IntStream.range(0, headers.size())
			.filter(column -> addressColumns.test(headers.get(column)))
			.boxed()
			.collect(Collectors.toUnmodifiableSet());
		this.headerRow = found.header().number();
		List<String> lines = new ArrayList<>(sheetNotes);
		String headerNote = found.note(file + " sheet '" + sheetName + "'", found.header().number(),
				XlsxSheetRow::cells);
		if (headerNote != null) {
			lines.add(headerNote);
		}
		this.notes = List.copyOf(lines);
	}

	/** A sheet opened, its header found. */
	private record Opened(XlsxWorkbookInfo.Sheet sheet, XlsxSheetParser parser, HeaderSearch<XlsxSheetRow> found) {

		String name() {
			return sheet.name();
		}
	}

	/** See {@link RowSources#sheetNamed}. */
	static String sheetNamed(Path file, String wanted) {
		OPCPackage workbook;
		try {
			workbook = XlsxPackages.open(file);
		}
		catch (InputFileException ex) {
			return wanted;
		}
		try (InputStream workbookXml = new XSSFReader(workbook).getWorkbookData()) {
			return XlsxWorkbookInfo.read(workbookXml).choose(wanted, file).name();
		}
		catch (Exception ex) {
			return wanted; // told when the file is opened to be read
		}
		finally {
			XlsxPackages.close(workbook);
		}
	}

	/**
	 * Opens the chosen sheet and reads its header row.
	 *
	 * @param options {@link InputOptions#sheet()} names the sheet; null means the first visible one whose header
	 *                names known columns ({@link InputOptions#headers()}), so a first sheet of instructions is passed
	 *                over; when none has, the first visible one
	 * @throws InputFileException if the file is not a readable workbook, the sheet does not exist or is empty
	 */
	public static XlsxRowSource open(Path file, InputOptions options) {
		OPCPackage workbook = XlsxPackages.open(file);
		Opened opened = null;
		try {
			XSSFReader reader = new XSSFReader(workbook);
			XlsxWorkbookInfo info;
			try (InputStream workbookXml = reader.getWorkbookData()) {
				info = XlsxWorkbookInfo.read(workbookXml);
			}
			XlsxWorkbookInfo.Sheet first = info.choose(options.sheet(), file);
			StylesTable styles = reader.getStylesTable();
			// the shared strings are loaded only once the sheet is known to exist: a wrong --sheet fails fast
			XlsxSharedStrings strings = XlsxSharedStrings.read(workbook, file, options.xlsx());
			XlsxCellText cellText = new XlsxCellText(strings, styles, info.date1904());
			opened = openSheet(file, workbook, reader, first, cellText, options.headers());
			String sheetNote = null;
			if (options.sheet() == null && !recognized(opened)) {
				for (XlsxWorkbookInfo.Sheet sheet : info.sheets()) {
					if (!sheet.visible() || sheet.equals(first)) {
						continue;
					}
					Opened candidate = openSheet(file, workbook, reader, sheet, cellText, options.headers());
					if (recognized(candidate)) {
						closeQuietly(opened.parser());
						opened = candidate;
						sheetNote = file + ": read sheet '" + sheet.name() + "', the first with pin columns (sheet '"
								+ first.name() + "' has none); choose another with --sheet=NAME";
						break;
					}
					closeQuietly(candidate.parser());
				}
			}
			if (opened.found() == null) {
				throw new InputFileException(file + ": sheet '" + opened.name()
						+ "' is empty; the first row must be the column headers");
			}
			List<String> notes = new ArrayList<>();
			if (sheetNote != null) {
				notes.add(sheetNote);
			}
			if (options.sheet() == null && options.headers() != HeaderRecognizer.FIRST_ROW) {
				otherPinSheets(file, reader, info, opened.name(), cellText, options.headers())
					.ifPresent(notes::add);
			}
			XlsxMergedCells merged = XlsxMergedCells.scan(reader.getSheet(opened.sheet().relationId()));
			return new XlsxRowSource(file, workbook, opened, merged, notes, options.addressColumns());
		}
		catch (InputFileException ex) {
			closeQuietly(opened == null ? null : opened.parser());
			XlsxPackages.close(workbook);
			throw ex;
		}
		catch (Exception ex) {
			closeQuietly(opened == null ? null : opened.parser());
			XlsxPackages.close(workbook);
			throw XlsxProblems.unreadable(file, ex);
		}
	}

	/** The names of the workbook's sheets a person can see, in tab order (to offer a choice). */
	public static List<String> visibleSheets(Path file) {
		OPCPackage workbook = XlsxPackages.open(file);
		try (InputStream workbookXml = new XSSFReader(workbook).getWorkbookData()) {
			return XlsxWorkbookInfo.read(workbookXml).sheets().stream()
				.filter(XlsxWorkbookInfo.Sheet::visible)
				.map(XlsxWorkbookInfo.Sheet::name)
				.toList();
		}
		catch (InputFileException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw XlsxProblems.unreadable(file, ex);
		}
		finally {
			XlsxPackages.close(workbook);
		}
	}

	/**
	 * {@code sheet 'April' also has pin columns and is not read ...}: a run reads one sheet, and a workbook of a
	 * month a sheet would otherwise lose all but the first month's pins without a word. Only headers are read (no
	 * links), of the first {@link #OTHER_SHEETS_LOOKED_AT} other visible sheets.
	 */
	private static Optional<String> otherPinSheets(Path file, XSSFReader reader, XlsxWorkbookInfo info, String read,
			XlsxCellText cellText, HeaderRecognizer recognizer) throws Exception {
		List<String> others = new ArrayList<>();
		String sheetOption = null;
		List<XlsxWorkbookInfo.Sheet> candidates = info.sheets().stream()
			.filter(sheet -> sheet.visible() && !sheet.name().equals(read))
			.limit(OTHER_SHEETS_LOOKED_AT)
			.toList();
		for (XlsxWorkbookInfo.Sheet sheet : candidates) {
			if (holdsPins(file, reader, sheet, cellText, recognizer)) {
				others.add("'" + sheet.name() + "'");
				sheetOption = ShellWords.quote("--sheet=" + sheet.name()); // a name may hold "$(...)": pasted, inert
			}
		}
		if (others.isEmpty()) {
			return Optional.empty();
		}
		boolean one = others.size() == 1;
		return Optional.of(file + ": " + (one ? "sheet " : "sheets ") + String.join(", ", others) + (one
				? " also has pin columns and rows and is" : " also have pin columns and rows and are") + " not read (a"
				+ " run reads one sheet, here '" + read + "'): give " + (one ? sheetOption : "--sheet=NAME")
				+ " to send " + (one ? "its" : "their") + " pins");
	}

	/** Whether a sheet has a header of pin columns and a row under it; a sheet that cannot be read does not. */
	private static boolean holdsPins(Path file, XSSFReader reader, XlsxWorkbookInfo.Sheet sheet, XlsxCellText cellText,
			HeaderRecognizer recognizer) {
		XlsxSheetParser parser = null;
		try {
			parser = new XlsxSheetParser(reader.getSheet(sheet.relationId()), cellText, XlsxSheetLinks.NONE);
			XlsxSheetParser rows = parser;
			HeaderSearch<XlsxSheetRow> found = HeaderSearch.find(() -> nextSheetRow(file, sheet.name(), rows),
					XlsxSheetRow::cells, recognizer);
			if (found == null || !found.recognized()) {
				return false;
			}
			if (found.replay().stream().anyMatch(XlsxRowSource::filled)) {
				return true;
			}
			for (int i = 0; i < RowSource.HEADER_SEARCH_ROWS; i++) {
				XlsxSheetRow row = parser.nextRow();
				if (row == null || filled(row)) {
					return row != null;
				}
			}
			return false;
		}
		catch (Exception unreadable) {
			return false; // not the sheet read: its damage is told when it is
		}
		finally {
			closeQuietly(parser);
		}
	}

	private static boolean filled(XlsxSheetRow row) {
		return row.cells().stream().anyMatch(cell -> cell != null && !cell.isBlank());
	}


	private static boolean recognized(Opened sheet) {
		return sheet.found() != null && sheet.found().recognized();
	}

	/** @return the sheet with its header found; {@link Opened#found()} is null for a sheet with no rows */
	private static Opened openSheet(Path file, OPCPackage workbook, XSSFReader reader, XlsxWorkbookInfo.Sheet sheet,
			XlsxCellText cellText, HeaderRecognizer recognizer) throws Exception {
		XlsxSheetLinks links = XlsxSheetLinks.read(workbook, sheet.relationId(),
				() -> reader.getSheet(sheet.relationId()));
		XlsxSheetParser parser = new XlsxSheetParser(reader.getSheet(sheet.relationId()), cellText, links);
		try {
			HeaderSearch<XlsxSheetRow> found = HeaderSearch.find(() -> nextSheetRow(file, sheet.name(), parser),
					XlsxSheetRow::cells, recognizer);
			return new Opened(sheet, parser, found);
		}
		catch (RuntimeException ex) {
			closeQuietly(parser);
			throw ex;
		}
	}

	@Override
	public List<String> notes() {
		return notes;
	}

	/**
	 * Hidden rows are sent like the others (a filter that hid them may be left over from someone's look at the
	 * sheet), and merged cells give their value to each row they are merged over: both are said before anything is
	 * sent.
	 */
	@Override
	public List<String> findings() {
		List<String> lines = new ArrayList<>();
		String where = file + " sheet '" + sheetName + "': ";
		if (hiddenRows > 0) {
			lines.add(where + (hiddenRows == 1 ? "row " : "rows ") + named(firstHiddenRows, hiddenRows)
					+ (hiddenRows == 1 ? " is" : " are") + " hidden in the sheet (a filter, or hidden by hand) and"
					+ " sent like the others; delete " + (hiddenRows == 1 ? "it" : "them")
					+ " from the sheet to leave " + (hiddenRows == 1 ? "it" : "them") + " out");
		}
		if (linkedCells > 0) {
			lines.add(where + (linkedCells == 1 ? "a cell shows text but links" : linkedCells
					+ " cells show text but link") + " to a web address: the address is read, not the text: "
					+ named(firstLinkedCells, linkedCells));
		}
		List<String> hidden = parser.hiddenColumns().stream()
			.filter(column -> column < headers.size() && !headers.get(column).isBlank())
			.map(column -> ColumnLetters.of(column) + " ('" + headers.get(column).strip() + "')")
			.toList();
		if (!hidden.isEmpty()) {
			lines.add(where + (hidden.size() == 1 ? "column " : "columns ") + named(hidden.subList(0,
					Math.min(3, hidden.size())), hidden.size()) + (hidden.size() == 1 ? " is" : " are") + " hidden in"
					+ " the sheet and read like the others (a pin field's column is used); delete "
					+ (hidden.size() == 1 ? "it" : "them") + " from the sheet, or rename the header, to leave "
					+ (hidden.size() == 1 ? "it" : "them") + " out");
		}
		List<String> ranges = merged.reachingBelow(headerRow);
		if (!ranges.isEmpty()) {
			lines.add(where + "cells " + named(ranges.subList(0, Math.min(3, ranges.size())), ranges.size())
					+ " are merged: each row of a merged range reads its first cell's value, in the range's first"
					+ " column (its other columns read as empty); check the rows in the result file, or unmerge the"
					+ " cells and fill each one");
		}
		return lines;
	}

	private void countIfHidden(XlsxSheetRow row) {
		if (row.hidden()) {
			if (firstHiddenRows.size() < 3) {
				firstHiddenRows.add(row.number());
			}
			hiddenRows++;
		}
	}

	/** "5, 9, 12 and 4 more" */
	private static String named(List<?> first, long total) {
		String names = first.stream().map(String::valueOf).collect(Collectors.joining(", "));
		return total > first.size() ? names + " and " + (total - first.size()) + " more" : names;
	}

	/** A workbook holds Unicode text: a ? in a cell is one typed, or pasted from elsewhere. */
	@Override
	public boolean savedAsUnicode() {
		return true;
	}

	@Override
	public List<String> headers() {
		return headers;
	}

	@Override
	public InputRow next() {
		XlsxSheetRow row;
		while ((row = nextSheetRow()) != null) {
			List<String> cells = cells(row);
			Set<Integer> numeric = numericCells(row);
			if (merged.fillsRows()) {
				// blank rows too: a range's first row may be one
				numeric = new HashSet<>(numeric);
				cells = merged.fill(row.number(), cells, numeric);
			}
			if (!row.isBlank()) {
				countIfHidden(row);
				return new InputRow(row.number(), headers, linkedAddresses(row, cells), numeric, null);
			}
		}
		return null;
	}

	@Override
	public void close() {
		parser.close();
		XlsxPackages.close(workbook);
	}

	private static List<String> headerNames(XlsxSheetRow row) {
		List<String> names = new ArrayList<>(row.cells());
		// formatted but empty cells right of the last header are not columns
		while (names.get(names.size() - 1).isBlank()) {
			names.remove(names.size() - 1);
		}
		names.replaceAll(String::trim);
		return Collections.unmodifiableList(names);
	}

	/** The row's cells fitted to the header width; a value right of the last header would be lost, so it stops. */
	private List<String> cells(XlsxSheetRow row) {
		List<String> cells = row.cells();
		int width = headers.size();
		for (int column = width; column < cells.size(); column++) {
			if (!cells.get(column).isBlank()) {
				throw new InputFileException(file + " sheet '" + sheetName + "' row " + row.number() + ": cell "
						+ ColumnLetters.of(column) + row.number() + " has a value but its column has no header; add a"
						+ " header to that column or clear it");
			}
		}
		if (cells.size() == width) {
			return List.copyOf(cells);
		}
		List<String> fitted = new ArrayList<>(cells.subList(0, Math.min(width, cells.size())));
		while (fitted.size() < width) {
			fitted.add("");
		}
		return Collections.unmodifiableList(fitted);
	}

	/**
	 * A cell of a web-address column that shows text ("Shop now", "Photo") but links to a web address stands for
	 * that address, as a click on it opens; a cell that shows an address is read as shown, whatever it links to.
	 */
	private List<String> linkedAddresses(XlsxSheetRow row, List<String> cells) {
		if (row.links().isEmpty() || addressColumns.isEmpty()) {
			return cells;
		}
		List<String> read = null;
		for (Map.Entry<Integer, String> link : row.links().entrySet()) {
			int column = link.getKey();
			String shown = column < cells.size() ? cells.get(column).strip() : "";
			if (!addressColumns.contains(column) || shown.isEmpty() || XlsxSheetLinks.showsAddress(shown)) {
				continue;
			}
			if (read == null) {
				read = new ArrayList<>(cells);
			}
			read.set(column, link.getValue());
			if (firstLinkedCells.size() < 3) {
				firstLinkedCells.add(headers.get(column) + " row " + row.number() + " ('" + shown + "' → "
						+ link.getValue() + ")");
			}
			linkedCells++;
		}
		return read == null ? cells : Collections.unmodifiableList(read);
	}

	private Set<Integer> numericCells(XlsxSheetRow row) {
		if (row.numericCells().isEmpty()) {
			return Set.of();
		}
		Set<Integer> numeric = new HashSet<>(row.numericCells());
		numeric.removeIf(column -> column >= headers.size());
		return Collections.unmodifiableSet(numeric);
	}

	private XlsxSheetRow nextSheetRow() {
		if (!replay.isEmpty()) {
			return replay.poll();
		}
		return nextSheetRow(file, sheetName, parser);
	}

	/** The next row of the sheet XML; a damaged part shows up only now, part way through the sheet. */
	private static XlsxSheetRow nextSheetRow(Path file, String sheetName, XlsxSheetParser parser) {
		try {
			return parser.nextRow();
		}
		catch (InputFileException ex) {
			throw ex;
		}
		catch (XMLStreamException | RuntimeException ex) {
			throw XlsxProblems.damagedSheet(file, sheetName, parser.lastRowNumber(), ex);
		}
	}

	private static void closeQuietly(XlsxSheetParser parser) {
		if (parser != null) {
			parser.close();
		}
	}
}

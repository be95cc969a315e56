package com.pinbatch.input;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.stream.XMLStreamException;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;

/**
 * Streaming XLSX reader built on POI's event API: the workbook is never loaded, the sheet XML is pulled one row
 * at a time. Only the shared-strings table is held in memory, as every XLSX reader must.
 * Row numbers are the sheet's own, gaps included; the first non-blank row holds the headers.
 */
public final class XlsxRowSource implements RowSource {

	private final Path file;

	private final OPCPackage workbook;

	private final XlsxSheetParser parser;

	private final String sheetName;

	private final List<String> headers;

	private XlsxRowSource(Path file, OPCPackage workbook, XlsxSheetParser parser, String sheetName) {
		this.file = file;
		this.workbook = workbook;
		this.parser = parser;
		this.sheetName = sheetName;
		this.headers = readHeaders();
	}

	/**
	 * Opens the chosen sheet and reads its header row.
	 *
	 * @param options {@link InputOptions#sheet()} names the sheet; null means the first visible one
	 * @throws InputFileException if the file is not a readable workbook, the sheet does not exist or is empty
	 */
	public static XlsxRowSource open(Path file, InputOptions options) {
		OPCPackage workbook = XlsxPackages.open(file);
		XlsxSheetParser parser = null;
		try {
			XSSFReader reader = new XSSFReader(workbook);
			XlsxWorkbookInfo info;
			try (InputStream workbookXml = reader.getWorkbookData()) {
				info = XlsxWorkbookInfo.read(workbookXml);
			}
			XlsxWorkbookInfo.Sheet sheet = info.choose(options.sheet(), file);
			StylesTable styles = reader.getStylesTable();
			// the shared strings are loaded only once the sheet is known to exist: a wrong --sheet fails fast
			XlsxSharedStrings strings = XlsxSharedStrings.read(workbook, file, options.xlsx());
			XlsxCellText cellText = new XlsxCellText(strings, styles, info.date1904());
			parser = new XlsxSheetParser(reader.getSheet(sheet.relationId()), cellText);
			return new XlsxRowSource(file, workbook, parser, sheet.name());
		}
		catch (InputFileException ex) {
			closeQuietly(parser);
			XlsxPackages.close(workbook);
			throw ex;
		}
		catch (Exception ex) {
			closeQuietly(parser);
			XlsxPackages.close(workbook);
			throw XlsxProblems.unreadable(file, ex);
		}
	}

	@Override
	public List<String> headers() {
		return headers;
	}

	@Override
	public InputRow next() {
		XlsxSheetRow row;
		while ((row = nextSheetRow()) != null) {
			if (!row.isBlank()) {
				return new InputRow(row.number(), headers, cells(row), numericCells(row), null);
			}
		}
		return null;
	}

	@Override
	public void close() {
		parser.close();
		XlsxPackages.close(workbook);
	}

	private List<String> readHeaders() {
		XlsxSheetRow row;
		while ((row = nextSheetRow()) != null) {
			if (!row.isBlank()) {
				List<String> names = new ArrayList<>(row.cells());
				// formatted but empty cells right of the last header are not columns
				while (names.get(names.size() - 1).isBlank()) {
					names.remove(names.size() - 1);
				}
				names.replaceAll(String::trim);
				return Collections.unmodifiableList(names);
			}
		}
		throw new InputFileException(file + ": sheet '" + sheetName
				+ "' is empty; the first row must be the column headers");
	}

	/** The row's cells fitted to the header width; a value right of the last header would be lost, so it stops. */
	private List<String> cells(XlsxSheetRow row) {
		List<String> cells = row.cells();
		int width = headers.size();
		for (int column = width; column < cells.size(); column++) {
			if (!cells.get(column).isBlank()) {
				throw new InputFileException(file + " sheet '" + sheetName + "' row " + row.number() + ": cell "
						+ columnName(column) + row.number() + " has a value but its column has no header; add a"
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

	private Set<Integer> numericCells(XlsxSheetRow row) {
		if (row.numericCells().isEmpty()) {
			return Set.of();
		}
		Set<Integer> numeric = new HashSet<>(row.numericCells());
		numeric.removeIf(column -> column >= headers.size());
		return Collections.unmodifiableSet(numeric);
	}

	/** The next row of the sheet XML; a damaged part shows up only now, part way through the sheet. */
	private XlsxSheetRow nextSheetRow() {
		try {
			return parser.nextRow();
		}
		catch (XMLStreamException | RuntimeException ex) {
			throw XlsxProblems.damagedSheet(file, sheetName, parser.lastRowNumber(), ex);
		}
	}

	/** 0 -> "A", 27 -> "AB". */
	static String columnName(int column) {
		StringBuilder name = new StringBuilder();
		for (int rest = column + 1; rest > 0; rest = (rest - 1) / 26) {
			name.insert(0, (char) ('A' + (rest - 1) % 26));
		}
		return name.toString();
	}

	private static void closeQuietly(XlsxSheetParser parser) {
		if (parser != null) {
			parser.close();
		}
	}
}

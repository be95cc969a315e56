package com.pinbatch.result;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

import com.pinbatch.input.InputRow;
import com.pinbatch.input.XlsxTextEscapes;
import com.pinbatch.text.SafeText;

/**
 * Writes the result file as an XLSX workbook (--results ending in .xlsx): one sheet "Results", the header row
 * bold, frozen and filtered, status cells coloured. Rows stream through SXSSF (a small window in memory, the rest in a temp
 * file), so any number of rows fits. Every input cell is a string cell: a value such as "=HYPERLINK(...)" stays
 * text and is never run as a formula. The file appears, complete, when the writer is closed.
 */
public final class XlsxResultFileWriter implements ResultFileWriter {

	/** Rows kept in memory before SXSSF flushes them to its temp file. */
	private static final int ROW_WINDOW = 100;

	/** Excel refuses longer cell texts; a result file must still be written. */
	private static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

	private final Path file;

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW);

	private final SXSSFSheet sheet = workbook.createSheet("Results");

	/** One style per status, made once: a workbook holds at most 64,000 styles. */
	private final Map<RowStatus, CellStyle> statusStyles = new EnumMap<>(RowStatus.class);

	private int inputWidth;

	private int nextRow;

	private boolean closed;

	public XlsxResultFileWriter(Path file) {
		this.file = file;
		CellStyle succeeded = fill(0xC6, 0xEF, 0xCE);
		CellStyle failed = fill(0xFF, 0xC7, 0xCE);
		CellStyle pending = fill(0xFF, 0xEB, 0x9C);
		for (RowStatus status : RowStatus.values()) {
			statusStyles.put(status, status == RowStatus.PENDING ? pending : status.succeeded() ? succeeded : failed);
		}
	}

	@Override
	public void writeHeader(List<String> inputHeaders) {
		inputWidth = inputHeaders.size();
		CellStyle bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		Row header = sheet.createRow(nextRow++);
		int column = 0;
		for (String name : inputHeaders) {
			textCell(header, column++, name).setCellStyle(bold);
		}
		for (String name : ResultColumns.NAMES) {
			textCell(header, column++, name).setCellStyle(bold);
		}
		sheet.createFreezePane(0, 1);
		setColumnWidths(inputHeaders);
	}

	@Override
	public void writeRow(InputRow input, RowResult result) {
		Row row = sheet.createRow(nextRow++);
		for (int column = 0; column < inputWidth; column++) {
			textCell(row, column, input.value(column));
		}
		int column = inputWidth;
		for (String name : ResultColumns.NAMES) {
			resultCell(row, column++, name, result);
		}
	}

	/** By name, so that the cells follow {@link ResultColumns#NAMES} whatever its order. */
	private void resultCell(Row row, int column, String name, RowResult result) {
		switch (name) {
			case "row" -> row.createCell(column).setCellValue(result.rowNumber());
			case "status" -> textCell(row, column, result.status().name())
				.setCellStyle(statusStyles.get(result.status()));
			case "post_id" -> textCell(row, column, result.postId());
			case "pin_url" -> textCell(row, column, result.pinUrl());
			case "publish_at_utc" -> textCell(row, column,
					result.publishAt() == null ? null : result.publishAt().toString());
			case "error_code" -> textCell(row, column, result.errorCode());
			case "error_message" -> textCell(row, column, result.errorMessage());
			case "attempts" -> row.createCell(column).setCellValue(result.attempts());
			case "request_id" -> textCell(row, column, result.requestId());
			case "finished_at" -> textCell(row, column,
					result.finishedAt() == null ? null : result.finishedAt().toString());
			default -> throw new IllegalStateException("no value for result column " + name);
		}
	}

	/** Writes the workbook beside the target, then moves it in place: a crash never leaves half a file. */
	@Override
	public void close() {
		if (closed) {
			return;
		}
		closed = true;
		int lastColumn = inputWidth + ResultColumns.NAMES.size() - 1;
		// a filter on the header, over every row, as a spreadsheet user would set it to find the FAILED rows
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, nextRow - 1), 0, lastColumn));
		Path partial = file.resolveSibling(file.getFileName() + ".part");
		try {
			try (OutputStream out = FreshFile.create(partial)) {
				workbook.write(out);
			}
			moveIntoPlace(partial);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the result file " + file + ": " + ex.getMessage(), ex);
		}
		finally {
			workbook.dispose();
			try {
				workbook.close();
			}
			catch (IOException ex) {
				// only temp files are left to close, and dispose() has deleted them
			}
		}
	}

	private void moveIntoPlace(Path partial) throws IOException {
		try {
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** A string cell, or no cell at all for a missing value. */
	private static Cell textCell(Row row, int column, String text) {
		Cell cell = row.createCell(column);
		String safe = SafeText.cell(text, MAX_CELL_TEXT);
		if (safe != null && !safe.isEmpty()) {
			String kept = FormulaEscaping.keepApostrophes(safe);
			// the ' added to a cell already cut to the most a cell holds: cut once more, or POI refuses the cell
			cell.setCellValue(written(kept.length() > MAX_CELL_TEXT
					? FormulaEscaping.keepApostrophes(SafeText.cell(text, MAX_CELL_TEXT - 1)) : kept));
		}
		return cell;
	}

	/**
	 * The text as POI must be given it: a literal "_x000D_" escaped, or the file reads back with a line break there
	 * (POI escapes nothing); cut further when the escapes take it past what a cell holds.
	 */
	private static String written(String text) {
		String written = XlsxTextEscapes.encodeLiterals(text);
		int cut = text.length();
		while (written.length() > MAX_CELL_TEXT) {
			cut = (int) ((long) cut * MAX_CELL_TEXT / written.length()); // escapes spread evenly: one more try at most
			cut -= Character.isLowSurrogate(text.charAt(cut)) ? 1 : 0;
			written = XlsxTextEscapes.encodeLiterals(text.substring(0, cut));
		}
		return written;
	}

	private CellStyle fill(int red, int green, int blue) {
		XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
		style.setFillForegroundColor(new XSSFColor(new byte[] { (byte) red, (byte) green, (byte) blue }, null));
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		return style;
	}

	/** Widths from the header names (auto-sizing would need every row in memory). */
	private void setColumnWidths(List<String> inputHeaders) {
		int column = 0;
		for (String name : inputHeaders) {
			sheet.setColumnWidth(column++, charactersWide(Math.max(14, name.length() + 2)));
		}
		for (String name : ResultColumns.NAMES) {
			int width = switch (name) {
				case "error_message" -> 60;
				case "request_id" -> 38;
				case "finished_at", "post_id", "error_code", "publish_at_utc" -> 24;
				case "pin_url" -> 44;
				default -> Math.max(8, name.length() + 2);
			};
			sheet.setColumnWidth(column++, charactersWide(width));
		}
	}

	private static int charactersWide(int characters) {
		return Math.min(255, characters) * 256;
	}
}

package com.pinbatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Real workbooks for the tests, written by POI's whole-workbook API (only reading has to stream). */
final class XlsxTestWorkbooks {

	private XlsxTestWorkbooks() {
	}

	static Path write(Path file, Consumer<XSSFWorkbook> content) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			content.accept(workbook);
			workbook.write(out);
		}
		return file;
	}

	/** A sheet whose rows (1-based numbers as a person sees them) hold the given texts. */
	static void textRow(Sheet sheet, int rowNumber, String... texts) {
		Row row = sheet.createRow(rowNumber - 1);
		for (int i = 0; i < texts.length; i++) {
			if (texts[i] != null) {
				row.createCell(i).setCellValue(texts[i]);
			}
		}
	}

	static Cell cell(Sheet sheet, int rowNumber, int column) {
		Row row = sheet.getRow(rowNumber - 1) != null ? sheet.getRow(rowNumber - 1) : sheet.createRow(rowNumber - 1);
		return row.createCell(column);
	}

	/** Copies a zip, replacing (or adding) one entry. */
	static Path replaceEntry(Path source, Path target, String entryName, byte[] content) throws IOException {
		try (ZipFile zip = new ZipFile(source.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				if (entry.getName().equals(entryName)) {
					continue;
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				try (InputStream in = zip.getInputStream(entry)) {
					in.transferTo(out);
				}
				out.closeEntry();
			}
			out.putNextEntry(new ZipEntry(entryName));
			out.write(content);
			out.closeEntry();
		}
		return target;
	}

	static List<InputRow> readAll(Path file, InputOptions options) {
		List<InputRow> rows = new ArrayList<>();
		try (XlsxRowSource source = XlsxRowSource.open(file, options)) {
			InputRow row;
			while ((row = source.next()) != null) {
				rows.add(row);
			}
		}
		return rows;
	}
}

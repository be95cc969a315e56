package com.pinbatch.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A result file read back with plain Commons CSV (not our reader), as a test sees it. */
final class ResultRows {

	private ResultRows() {
	}

	static List<Map<String, String>> read(Path file) {
		if (file.getFileName().toString().endsWith(".xlsx")) {
			return readWorkbook(file);
		}
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			int first = reader.read();
			if (first != '\uFEFF') {
				throw new AssertionError("result file does not start with a UTF-8 BOM");
			}
			// a result file keeps its input's delimiter: read it as a spreadsheet would, splitting where the header does
			BufferedReader lines = new BufferedReader(reader);
			lines.mark(64 * 1024);
			String header = lines.readLine();
			lines.reset();
			char delimiter = header == null ? ',' : header.indexOf('\t') >= 0 ? '\t' : header.indexOf(';') >= 0 ? ';' : ',';
			CSVParser parser = CSVParser.builder()
				.setReader(lines)
				.setFormat(CSVFormat.RFC4180.builder().setDelimiter(delimiter).get())
				.get();
			List<CSVRecord> records = parser.getRecords();
			List<String> headers = records.get(0).toList();
			List<Map<String, String>> rows = new ArrayList<>();
			for (CSVRecord record : records.subList(1, records.size())) {
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < headers.size(); i++) {
					row.put(headers.get(i), record.get(i));
				}
				rows.add(row);
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> headers(Path file) {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			reader.read();
			return CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get().iterator().next().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A result workbook: its first sheet, every cell as the text it holds (pinbatch writes text cells). */
	private static List<Map<String, String>> readWorkbook(Path file) {
		try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(file))) {
			Sheet sheet = book.getSheetAt(0);
			DataFormatter text = new DataFormatter();
			Row headerRow = sheet.getRow(0);
			List<String> headers = new ArrayList<>();
			for (int column = 0; column < headerRow.getLastCellNum(); column++) {
				headers.add(text.formatCellValue(headerRow.getCell(column)));
			}
			List<Map<String, String>> rows = new ArrayList<>();
			for (int index = 1; index <= sheet.getLastRowNum(); index++) {
				Row row = sheet.getRow(index);
				Map<String, String> values = new LinkedHashMap<>();
				for (int column = 0; column < headers.size(); column++) {
					values.put(headers.get(column), row == null ? "" : text.formatCellValue(row.getCell(column)));
				}
				rows.add(values);
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}

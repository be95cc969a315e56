package com.pinbatch.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Benchmark input (not a test): writes bench-200k.xlsx and bench-200k.csv with the same valid pins. The workbook
 * keeps its text in the shared-strings table, as Excel does, with unique text on every row: the worst case for a
 * streaming reader, which must hold that table in memory.
 *
 * <p>Usage: {@code BenchInputGenerator OUT_DIR [ROWS]} (ROWS defaults to 200000). Run by bench/xlsx-vs-csv.sh.
 */
public final class BenchInputGenerator {

	static final List<String> HEADERS = List.of("title", "description", "media_url", "board", "link", "account",
			"publish_at", "alt_text", "keywords", "campaign");

	/** Usable sandbox accounts and their boards (seed data); acme-archive is left out, it needs reconnecting. */
	private static final String[][] BOARDS = { { "acme-home", "Kitchen Ideas" }, { "acme-home", "Small Spaces" },
			{ "acme-home", "Home Office" }, { "acme-garden", "Garden Projects" }, { "acme-garden", "Balcony Plants" },
			{ "acme-recipes", "Quick Breakfasts" }, { "acme-recipes", "Weeknight Dinners" } };

	private static final Instant FIRST_PUBLISH = Instant.parse("2035-01-01T08:00:00Z");

	private BenchInputGenerator() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 1) {
			System.err.println("usage: BenchInputGenerator OUT_DIR [ROWS]");
			System.exit(2);
		}
		Path outDir = Files.createDirectories(Path.of(args[0]));
		int rows = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
		String name = "bench-" + (rows % 1000 == 0 ? rows / 1000 + "k" : String.valueOf(rows));
		Path csv = outDir.resolve(name + ".csv");
		Path xlsx = outDir.resolve(name + ".xlsx");
		long start = System.nanoTime();
		writeCsv(csv, rows);
		writeXlsx(xlsx, rows);
		System.out.printf("wrote %s (%,d bytes) and %s (%,d bytes): %,d rows in %.1f s%n", csv, Files.size(csv), xlsx,
				Files.size(xlsx), rows, (System.nanoTime() - start) / 1e9);
	}

	static List<String> row(int index) {
		String[] board = BOARDS[index % BOARDS.length];
		String topic = board[1].toLowerCase();
		return List.of("Idea " + index + " for " + topic,
				"Pin number " + index + ": a fresh take on " + topic + " with tips, photos and a shopping list"
						+ " (variant " + Integer.toHexString(index * 7919) + ")",
				"https://images.example.com/pins/" + index + ".jpg", board[1],
				"https://www.example.com/ideas/" + index, board[0],
				FIRST_PUBLISH.plus(index, ChronoUnit.MINUTES).toString(),
				"Photo " + index + " showing " + topic, topic + ", idea " + index + ", home",
				"campaign-" + (index % 12 + 1));
	}

	private static void writeCsv(Path file, int rows) throws IOException {
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
			printer.printRecord(HEADERS);
			for (int i = 1; i <= rows; i++) {
				printer.printRecord(row(i));
			}
		}
	}

	private static void writeXlsx(Path file, int rows) throws IOException {
		// (workbook, window, compress temp files, use the shared-strings table): the last flag makes it Excel-like
		SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, true);
		try (OutputStream out = Files.newOutputStream(file)) {
			SXSSFSheet sheet = workbook.createSheet("Pins");
			writeXlsxRow(sheet.createRow(0), HEADERS);
			for (int i = 1; i <= rows; i++) {
				writeXlsxRow(sheet.createRow(i), row(i));
			}
			workbook.write(out);
		}
		finally {
			workbook.dispose();
			workbook.close();
		}
	}

	private static void writeXlsxRow(Row row, List<String> values) {
		for (int column = 0; column < values.size(); column++) {
			row.createCell(column).setCellValue(values.get(column));
		}
	}
}

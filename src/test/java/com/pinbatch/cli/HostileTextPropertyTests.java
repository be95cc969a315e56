package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;
import com.pinbatch.result.ResultFileWriter;
import com.pinbatch.result.ResultFiles;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;
import com.pinbatch.run.ExitCode;
import com.pinbatch.text.FormulaPrefix;
import com.pinbatch.text.SafeText;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property-style: random text full of control characters, bidi overrides, zero-width characters, formula
 * lookalikes and oversized values, as a cell or a server would send it, through every path that prints or writes
 * it (terminal, CSV and XLSX result files, the JSON summary). Nothing a terminal or a spreadsheet would act on
 * comes out, and a result file read back for --retry-failed gives the cleaned value, without our formula guard.
 * Seeded, so a failure repeats; the seed is in the assertion's description.
 */
class HostileTextPropertyTests {

	private static final int TRIES = 150;

	private static final String[] PREFIXES = { "=", "+", "-", "@", " =", "  +", "\t=", "\r@", "\n-", "\uFF1D",
			"\uFF0B", "\uFF0D", "\uFF20", "\u200B=", "\u200D+", "\uFEFF@", "\u00A0=", "\u3000-", "'=", "''+", "\u202E=" };

	private static final int[] NASTY = { 0x00, 0x07, 0x08, 0x0B, 0x0C, 0x0D, 0x1B, 0x1B, 0x7F, 0x80, 0x85, 0x9B, 0x9D,
			0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
			0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0xFFFE, 0xD800, 0xDC00 };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	@Test
	void printedLinesHoldNothingATerminalActsOn() {
		Random random = new Random(20261202L);
		for (int i = 0; i < TRIES; i++) {
			String text = hostile(random);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			PrintStream out = SafeText.printStream(new PrintStream(bytes, true, StandardCharsets.UTF_8));

			out.println("pinbatch: " + text);
			out.printf("plan: %s%n", text);
			String line = SafeText.line(text);

			assertSafe(bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "").replace("\n", ""), "printed #" + i);
			assertSafe(line, "line #" + i);
			assertThat(line).as("line #" + i).doesNotContain("\n", "\t");
			assertThat(line.length()).as("line #" + i).isLessThanOrEqualTo(SafeText.MAX_LINE + 1);
		}
	}

	@Test
	void resultFilesHoldNoControlsNoRunnableFormulaAndReadBackClean() throws IOException {
		Random random = new Random(7_13L);
		for (String name : List.of("hostile.results.csv", "hostile.results.xlsx")) {
			Path file = dir.resolve(name);
			List<String> headers = List.of("title", "description", "note");
			List<List<String>> written = new ArrayList<>();
			try (ResultFileWriter writer = ResultFiles.open(file)) {
				writer.writeHeader(headers);
				for (int row = 0; row < TRIES; row++) {
					List<String> values = List.of(hostile(random), hostile(random), hostile(random));
					written.add(values);
					writer.writeRow(new InputRow(row + 2, headers, values), new RowResult(row + 2, RowStatus.FAILED,
							null, "server_" + hostile(random), hostile(random), 1, null, Instant.EPOCH));
				}
			}

			for (List<String> cells : storedCells(file)) {
				for (String cell : cells) {
					assertSafeCell(cell, name);
					if (name.endsWith(".csv")) {
						assertThat(FormulaPrefix.startsFormula(cell, 0)).as("%s: runnable cell %s", name, cell).isFalse();
					}
				}
			}
			if (name.endsWith(".xlsx")) {
				continue; // a workbook's string cells never run, so it carries no guard to remove
			}
			try (RowSource back = RowSources.open(file, InputOptions.defaults())) {
				for (List<String> values : written) {
					InputRow row = back.next();
					for (int column = 0; column < values.size(); column++) {
						String expected = SafeText.cell(values.get(column));
						assertThat(row.value(column)).as("%s row %d column %d", name, row.rowNumber(), column)
							.isEqualTo(expected);
					}
				}
			}
		}
	}

	@Test
	void theSummaryHoldsNoControls() throws IOException {
		Random random = new Random(99L);
		Path file = dir.resolve("summary.json");
		for (int i = 0; i < 30; i++) {
			RunReport report = new RunReport(dir.resolve("pins.csv"), dir.resolve("pins.results.csv"), "run",
					Map.of(RowStatus.FAILED, 1L), Map.of(hostile(random), Map.of(RowStatus.FAILED, 1L)),
					List.of(new RunReport.ErrorCount(hostile(random), 1, 2)), 1, 1L, 1L, Instant.EPOCH, Instant.EPOCH,
					hostile(random), false, ExitCode.STOPPED, hostile(random), hostile(random));

			SummaryFile.write(file, JSON, List.of(report), ExitCode.STOPPED, hostile(random));

			String withMark = Files.readString(file);
			// the byte order mark that tells Excel the file is UTF-8 is ours, not a cell's
			String raw = withMark.substring(withMark.startsWith("\uFEFF") ? 1 : 0);
			assertSafe(raw.replace("\r\n", "").replace("\n", ""), "summary file #" + i);
			JsonNode document = JSON.readTree(raw);
			List<String> texts = new ArrayList<>();
			texts.add(document.get("reason").asString());
			JsonNode input = document.get("inputs").get(0);
			texts.add(input.get("stopReason").asString());
			texts.add(input.get("nextCommand").asString());
			texts.add(input.get("followUpCommand").asString());
			texts.add(input.get("errorCodes").get(0).get("code").asString());
			input.get("accounts").propertyNames().forEach(texts::add);
			for (String text : texts) {
				assertSafe(text, "summary value #" + i);
				assertThat(text).doesNotContain("\n");
			}
		}
	}

	/** Text as a hostile cell or server writes it: mostly ordinary, with the nasty parts mixed in. */
	private static String hostile(Random random) {
		StringBuilder text = new StringBuilder();
		if (random.nextInt(3) == 0) {
			text.append(PREFIXES[random.nextInt(PREFIXES.length)]);
		}
		int length = random.nextInt(20) == 0 ? 40_000 + random.nextInt(10_000) : random.nextInt(60);
		for (int i = 0; i < length; i++) {
			int pick = random.nextInt(10);
			if (pick < 2) {
				text.appendCodePoint(NASTY[random.nextInt(NASTY.length)]);
			}
			else if (pick == 2) {
				text.append(random.nextBoolean() ? "\u001B[31m" : "\uD83D\uDC68\u200D\uD83D\uDC69");
			}
			else if (pick == 3) {
				text.append(PREFIXES[random.nextInt(PREFIXES.length)]);
			}
			else {
				text.append((char) (' ' + random.nextInt(95)));
			}
		}
		return text.toString();
	}

	/** The cells as stored in the file, before any reader interprets them. */
	private static List<List<String>> storedCells(Path file) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		if (file.toString().endsWith(".csv")) {
			String withMark = Files.readString(file);
			// the byte order mark that tells Excel the file is UTF-8 is ours, not a cell's
			String raw = withMark.substring(withMark.startsWith("\uFEFF") ? 1 : 0);
			assertSafeCell(raw, file.toString());
			for (CSVRecord record : CSVFormat.DEFAULT.parse(new java.io.StringReader(raw))) {
				rows.add(record.toList());
			}
			return rows;
		}
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			for (Row row : workbook.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (Cell cell : row) {
					cells.add(cell.toString());
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	/** A cell may also hold the zero-width characters and marks words are written with (a retry sends them). */
	private static void assertSafeCell(String cell, String where) {
		assertSafe(cell.replace("\r\n", "").replace("\n", "").replace("\t", "")
			.replaceAll("[\u00AD\u061C\u180E\u200B-\u200F\u2060-\u2064]", ""), where);
	}

	/** A zero-width joiner between two symbols is an emoji sequence, kept on purpose. */
	private static void assertSafe(String text, String where) {
		// a line break written CRLF is a line break; a lone CR (which overwrites a line) is not allowed
		int[] codePoints = text.replace("\r\n", "").codePoints().toArray();
		for (int i = 0; i < codePoints.length; i++) {
			int c = codePoints[i];
			boolean emojiJoiner = c == 0x200D && i > 0 && i + 1 < codePoints.length
					&& Character.getType(codePoints[i - 1]) == Character.OTHER_SYMBOL
					&& Character.getType(codePoints[i + 1]) == Character.OTHER_SYMBOL;
			assertThat(!emojiJoiner && (SafeText.isHidden(c) || c == 0x2028 || c == 0x2029))
				.as("%s: U+%04X in %s", where, c, abbreviated(text)).isFalse();
		}
	}

	private static String abbreviated(String text) {
		return text.length() > 200 ? text.substring(0, 200) + "…" : text;
	}
}

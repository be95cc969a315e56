package com.pinbatch.result;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.XlsxRowSource;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxResultFileWriterTests {

	private static final List<String> HEADERS = List.of("title", "board", "note");

	private static final Instant FINISHED = Instant.parse("2030-05-01T09:30:00Z");

	@TempDir
	Path dir;

	@Test
	void readsBackTheSameValuesWithTheResultColumnsAfterTheInputColumns() throws IOException {
		Path file = dir.resolve("results.xlsx");
		try (XlsxResultFileWriter writer = new XlsxResultFileWriter(file)) {
			writer.writeHeader(HEADERS);
			writer.writeRow(input(2, "First", "918273645500000001", "keep"),
					new RowResult(2, RowStatus.CREATED, "post-1", null, null, null, 1, "req-2", FINISHED,
							Instant.parse("2030-06-01T08:30:00Z")));
			writer.writeRow(input(4, "", "Kitchen Ideas", ""), new RowResult(4, RowStatus.INVALID, null,
					"title_missing", "Title is empty; fill in the title column", 0, null, FINISHED));
			writer.writeRow(input(5, "Third", "Small Spaces", ""), RowResult.pending(5));
		}

		try (XlsxRowSource source = XlsxRowSource.open(file, InputOptions.defaults())) {
			List<String> expectedHeaders = new ArrayList<>(HEADERS);
			expectedHeaders.addAll(ResultColumns.NAMES);
			assertThat(source.headers()).isEqualTo(expectedHeaders);
			InputRow created = source.next();
			assertThat(created.rowNumber()).isEqualTo(2);
			assertThat(created.values()).containsExactly("First", "918273645500000001", "keep", "2", "CREATED",
					"post-1", "", "2030-06-01T08:30:00Z", "", "", "1", "req-2", "2030-05-01T09:30:00Z");
			// ids go back as text cells, so a retry does not flag them as numbers that lost digits
			assertThat(created.isNumericCell(1)).isFalse();
			assertThat(source.next().values()).containsExactly("", "Kitchen Ideas", "", "4", "INVALID", "", "", "",
					"title_missing", "Title is empty; fill in the title column", "0", "", "2030-05-01T09:30:00Z");
			assertThat(source.next().values()).containsExactly("Third", "Small Spaces", "", "5", "PENDING", "", "",
					"", "", "", "0", "", "");
			assertThat(source.next()).isNull();
		}
	}

	@Test
	void aLinkPlantedAtThePartialFilesNameIsReplacedNotWrittenThrough() throws IOException {
		Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
		Files.createSymbolicLink(dir.resolve("results.xlsx.part"), victim);

		try (XlsxResultFileWriter writer = new XlsxResultFileWriter(dir.resolve("results.xlsx"))) {
			writer.writeHeader(HEADERS);
			writer.writeRow(input(2, "First", "Kitchen Ideas", ""), RowResult.pending(2));
		}

		assertThat(Files.readString(victim)).isEqualTo("keep me");
		try (XSSFWorkbook workbook = open(dir.resolve("results.xlsx"))) {
			assertThat(workbook.getSheet("Results").getRow(1).getCell(0).getStringCellValue()).isEqualTo("First");
		}
	}

	@Test
	void textThatLooksLikeAFormulaStaysText() throws IOException {
		Path file = dir.resolve("results.xlsx");
		String formula = "=HYPERLINK(\"https://evil.example\",\"click\")";
		try (XlsxResultFileWriter writer = new XlsxResultFileWriter(file)) {
			writer.writeHeader(HEADERS);
			writer.writeRow(input(2, formula, "+SUM(1,2)", "@cmd"), RowResult.pending(2));
		}

		try (XSSFWorkbook workbook = open(file)) {
			XSSFSheet sheet = workbook.getSheet("Results");
			for (int column = 0; column < 3; column++) {
				assertThat(sheet.getRow(1).getCell(column).getCellType()).isEqualTo(CellType.STRING);
			}
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(formula);
		}
	}

	@Test
	void textThatReadsLikeExcelsEscapesReadsBackAsItWasGiven() throws IOException {
		Path file = dir.resolve("results.xlsx");
		try (XlsxResultFileWriter writer = new XlsxResultFileWriter(file)) {
			writer.writeHeader(HEADERS);
			writer.writeRow(input(2, "x_x000D_y", "Board", "_x005F_ and _x41_"), RowResult.pending(2));
			writer.writeRow(input(3, "Pin", "Board", "_x000D_".repeat(5_000)), RowResult.pending(3));
		}

		// before: the first read back as a line break, which a retry sent as the pin's text
		try (XlsxRowSource source = XlsxRowSource.open(file, InputOptions.defaults())) {
			assertThat(source.next().values()).startsWith("x_x000D_y", "Board", "_x005F_ and _x41_");
			// escapes past what a cell holds: cut, and still the text given (before: POI refused the cell)
			String cut = source.next().value(2);
			assertThat(cut.length()).isBetween(32_767 * 7 / 13, 32_767);
			assertThat("_x000D_".repeat(5_000).startsWith(cut)).as("a start of the text given").isTrue();
		}
	}

	@Test
	void headerIsBoldAndFrozenAndStatusCellsAreColoured() throws IOException {
		Path file = dir.resolve("results.xlsx");
		try (XlsxResultFileWriter writer = new XlsxResultFileWriter(file)) {
			writer.writeHeader(HEADERS);
			int rowNumber = 2;
			for (RowStatus status : RowStatus.values()) {
				writer.writeRow(input(rowNumber, "Pin", "Board", ""),
						new RowResult(rowNumber++, status, null, null, null, 0, null, null));
			}
		}

		try (XSSFWorkbook workbook = open(file)) {
			XSSFSheet sheet = workbook.getSheet("Results");
			assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).isZero();
			assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
			int statusColumn = HEADERS.size() + ResultColumns.NAMES.indexOf("status");
			assertThat(sheet.getRow(0).getCell(statusColumn).getStringCellValue()).isEqualTo("status");
			List<String> fills = new ArrayList<>();
			for (int row = 1; row <= RowStatus.values().length; row++) {
				XSSFCell cell = sheet.getRow(row).getCell(statusColumn);
				String fill = cell.getCellStyle().getFillForegroundColorColor().getARGBHex();
				fills.add(cell.getStringCellValue() + " " + fill);
			}
			assertThat(fills).containsExactly("VALID FFC6EFCE", "PUBLISHED FFC6EFCE", "SCHEDULED FFC6EFCE", "CREATED FFC6EFCE", "DUPLICATE FFC6EFCE",
					"INVALID FFFFC7CE", "FAILED FFFFC7CE", "PENDING FFFFEB9C");
			// a handful of shared styles, not one per cell
			assertThat(workbook.getNumCellStyles()).isLessThanOrEqualTo(6);
		}
	}

	@Test
	void streamsManyRowsInOrderAndLeavesOnlyTheResultFile() throws IOException {
		Path file = dir.resolve("results.xlsx");
		int rows = 2_500;
		try (XlsxResultFileWriter writer = new XlsxResultFileWriter(file)) {
			writer.writeHeader(HEADERS);
			for (int row = 2; row < rows + 2; row++) {
				writer.writeRow(input(row, "Pin " + row, "Board", ""), RowResult.pending(row));
			}
		}

		try (XlsxRowSource source = XlsxRowSource.open(file, InputOptions.defaults())) {
			int count = 0;
			InputRow row;
			while ((row = source.next()) != null) {
				count++;
				assertThat(row.value(0)).isEqualTo("Pin " + row.value(3));
			}
			assertThat(count).isEqualTo(rows);
		}
		try (Stream<Path> files = Files.list(dir)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void textLongerThanExcelAllowsIsCutToFit() throws IOException {
		Path file = dir.resolve("results.xlsx");
		try (XlsxResultFileWriter writer = new XlsxResultFileWriter(file)) {
			writer.writeHeader(HEADERS);
			writer.writeRow(input(2, "Pin", "Board", "x".repeat(40_000)), RowResult.pending(2));
			// one the guard of a result file's reader would take a ' from gets one more, and still fits (before: the
			// write failed, and the run stopped)
			writer.writeRow(input(3, "Pin", "Board", "'=" + "x".repeat(40_000)), RowResult.pending(3));
		}

		try (XlsxRowSource source = XlsxRowSource.open(file, InputOptions.defaults())) {
			assertThat(source.next().value(2)).hasSize(32_767);
			assertThat(source.next().value(2)).hasSize(32_767).startsWith("''=x");
		}
	}

	private static InputRow input(long rowNumber, String... values) {
		return new InputRow(rowNumber, HEADERS, List.of(values));
	}

	/** The whole-workbook API is fine here: it inspects a small file the test wrote. */
	private static XSSFWorkbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}
}

package com.pinbatch.input;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.pinbatch.input.XlsxTestWorkbooks.cell;
import static com.pinbatch.input.XlsxTestWorkbooks.readAll;
import static com.pinbatch.input.XlsxTestWorkbooks.textRow;
import static com.pinbatch.input.XlsxTestWorkbooks.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxRowSourceTests {

	@TempDir
	Path dir;

	@Test
	void readsTextCellsWithTheSheetsRowNumbers() throws IOException {
		Path file = write(dir.resolve("pins.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "board");
			textRow(sheet, 2, "First", "Kitchen Ideas");
			textRow(sheet, 3, "Second", "Small Spaces");
		});

		try (XlsxRowSource source = XlsxRowSource.open(file, InputOptions.defaults())) {
			assertThat(source.headers()).containsExactly("title", "board");
			InputRow first = source.next();
			assertThat(first.rowNumber()).isEqualTo(2);
			assertThat(first.headers()).containsExactly("title", "board");
			assertThat(first.values()).containsExactly("First", "Kitchen Ideas");
			assertThat(first.numericCells()).isEmpty();
			assertThat(first.prior()).isNull();
			assertThat(source.next().values()).containsExactly("Second", "Small Spaces");
			assertThat(source.next()).isNull();
			assertThat(source.next()).isNull();
		}
	}

	/**
	 * A date merged down over a week's pins is each pin's date, as Excel shows it (before: only the first row had it,
	 * and the others, empty, were published at once).
	 */
	@Test
	void cellsMergedDownGiveEachRowTheirValue() throws IOException {
		Path file = write(dir.resolve("calendar.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "board", "publish_at", "note");
			textRow(sheet, 2, "Mon", "Kitchen Ideas", "2027-01-04 09:00", "wide note");
			textRow(sheet, 3, "Tue", null, null, null);
			textRow(sheet, 4, "Wed", "Small Spaces", null, "own note");
			textRow(sheet, 5, "Next week", null, "2027-01-11 09:00");
			textRow(sheet, 6, null, "Home Office");
			textRow(sheet, 7, "Blank above");
			sheet.addMergedRegion(CellRangeAddress.valueOf("C2:C4")); // the date over three rows
			sheet.addMergedRegion(CellRangeAddress.valueOf("B2:B3"));
			sheet.addMergedRegion(CellRangeAddress.valueOf("D2:E2")); // across only
			sheet.addMergedRegion(CellRangeAddress.valueOf("A6:A7")); // its first cell is empty
		});

		try (XlsxRowSource source = XlsxRowSource.open(file, InputOptions.defaults())) {
			assertThat(source.next().values()).containsExactly("Mon", "Kitchen Ideas", "2027-01-04 09:00", "wide note");
			assertThat(source.next().values()).containsExactly("Tue", "Kitchen Ideas", "2027-01-04 09:00", "");
			// a cell with a value of its own keeps it (Excel keeps it too, hidden under the merge)
			assertThat(source.next().values()).containsExactly("Wed", "Small Spaces", "2027-01-04 09:00", "own note");
			assertThat(source.next().values()).containsExactly("Next week", "", "2027-01-11 09:00", "");
			assertThat(source.next().values()).containsExactly("", "Home Office", "", "");
			assertThat(source.next().values()).containsExactly("Blank above", "", "", "");
			assertThat(source.next()).isNull();
			assertThat(source.findings()).singleElement().asString()
				.contains("cells B2:B3, C2:C4, D2:E2 and 1 more are merged: each row of a merged range reads its first"
						+ " cell's value");
		}
	}

	@Test
	void columnsTheSheetHidesAreNamedBeforeAnythingIsSent() throws IOException {
		// given: last season's links kept in a hidden column (before: read without a word)
		Path file = write(dir.resolve("hidden.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "media_url", "board", "link", "notes");
			textRow(sheet, 2, "Oak", "https://images.example.com/a.jpg", "Kitchen Ideas", "https://old.example/a", "x");
			sheet.setColumnHidden(3, true);
			sheet.setColumnHidden(4, true);
		});

		try (XlsxRowSource source = XlsxRowSource.open(file, InputOptions.defaults())) {
			assertThat(source.next().values()).contains("https://old.example/a");
			assertThat(source.findings()).containsExactly(file + " sheet 'Pins': columns D ('link'), E ('notes') are"
					+ " hidden in the sheet and read like the others (a pin field's column is used); delete them from"
					+ " the sheet, or rename the header, to leave them out");
		}
	}

	@Test
	void aMergedNumberGivesItsRowsANumber() throws IOException {
		Path file = write(dir.resolve("ids.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "board");
			textRow(sheet, 2, "First");
			cell(sheet, 2, 1).setCellValue(918273645500000002.0);
			textRow(sheet, 3, "Second");
			sheet.addMergedRegion(CellRangeAddress.valueOf("B2:B3"));
		});

		List<InputRow> rows = readAll(file, InputOptions.defaults());

		assertThat(rows).extracting(row -> row.values().get(1)).containsExactly("918273645500000000",
				"918273645500000000");
		assertThat(rows).allSatisfy(row -> assertThat(row.numericCells()).containsExactly(1));
	}

	@Test
	void numbersReadAsAPersonSeesThem() throws IOException {
		Path file = write(dir.resolve("numbers.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "integer", "decimal", "sum", "negative", "big");
			cell(sheet, 2, 0).setCellValue(42);
			cell(sheet, 2, 1).setCellValue(2.5);
			cell(sheet, 2, 2).setCellValue(0.1 + 0.2);
			cell(sheet, 2, 3).setCellValue(-7);
			cell(sheet, 2, 4).setCellValue(123456789012.0);
		});

		InputRow row = readAll(file, InputOptions.defaults()).get(0);

		assertThat(row.values()).containsExactly("42", "2.5", "0.3", "-7", "123456789012");
		assertThat(row.numericCells()).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
	}

	@Test
	void numbersWithAFormatReadAsTheFormatShowsThem() throws IOException {
		Path file = write(dir.resolve("formats.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "percent", "price", "thousands", "two decimals", "euro", "text format", "id", "accounting");
			String[] formats = { "0%", "\"$\"#,##0.00", "#,##0", "0.00", "#,##0.00 [$€-407]", "@", "0",
					"_(\"$\"* #,##0.00_);_(\"$\"* \\(#,##0.00\\);_(\"$\"* \"-\"??_);_(@_)" };
			double[] values = { 0.25, 12.5, 1234567, 3.1, 12.5, 42, 918273645500000001d, -5.5 };
			for (int column = 0; column < formats.length; column++) {
				CellStyle style = workbook.createCellStyle();
				style.setDataFormat(workbook.createDataFormat().getFormat(formats[column]));
				Cell cell = cell(sheet, 2, column);
				cell.setCellValue(values[column]);
				cell.setCellStyle(style);
			}
		});

		InputRow row = readAll(file, InputOptions.defaults()).get(0);

		// as Excel shows them: a description written "25%" in Excel is stored as 0.25 with a percent format
		// an accounting format's padding (the gap a cell's width fills) is one space
		assertThat(row.values()).containsExactly("25%", "$12.50", "1,234,567", "3.10", "12.50 €", "42",
				"918273645500000000", "$ (5.50)");
		assertThat(row.numericCells()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
	}

	@Test
	void longIdStoredAsNumberIsFlaggedButStoredAsTextIsKeptExactly() throws IOException {
		Path file = write(dir.resolve("ids.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "board");
			textRow(sheet, 2, "As number");
			cell(sheet, 2, 1).setCellValue(918273645500000001d);
			textRow(sheet, 3, "As text", "918273645500000001");
		});

		List<InputRow> rows = readAll(file, InputOptions.defaults());

		// Excel keeps 15 significant digits: the last ones are gone, and the validator needs to know
		assertThat(rows.get(0).values()).containsExactly("As number", "918273645500000000");
		assertThat(rows.get(0).isNumericCell(1)).isTrue();
		assertThat(rows.get(0).isNumericCell(0)).isFalse();
		assertThat(rows.get(1).values()).containsExactly("As text", "918273645500000001");
		assertThat(rows.get(1).numericCells()).isEmpty();
	}

	@Test
	void dateCellsBecomeIsoDatesAndDateTimes() throws IOException {
		Path file = write(dir.resolve("dates.xlsx"), workbook -> dateSheet(workbook));

		InputRow row = readAll(file, InputOptions.defaults()).get(0);

		assertThat(row.values()).containsExactly("2030-05-01", "2030-05-01T09:30", "2030-05-01T09:30:15",
				"2030-12-24", "14:45");
		assertThat(row.numericCells()).isEmpty();
	}

	@Test
	void aDateTimeCellAtMidnightKeepsItsTimeWhenItsFormatShowsOne() throws IOException {
		// given: midnight launches, under Excel's built-in m/d/yyyy h:mm (22) and a custom format with a time
		Path file = write(dir.resolve("midnight.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "built-in", "custom", "date only");
			cell(sheet, 2, 0).setCellValue(LocalDateTime.of(2027, 1, 15, 0, 0));
			cell(sheet, 2, 1).setCellValue(LocalDateTime.of(2027, 1, 16, 0, 0));
			cell(sheet, 2, 2).setCellValue(LocalDate.of(2027, 1, 17));
			sheet.getRow(1).getCell(0).setCellStyle(style(workbook, (short) 22));
			sheet.getRow(1).getCell(1).setCellStyle(style(workbook,
					workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm")));
			sheet.getRow(1).getCell(2).setCellStyle(style(workbook, (short) 14));
		});

		// when
		InputRow row = readAll(file, InputOptions.defaults()).get(0);

		// then: before, 2027-01-15 and 2027-01-16, dates without a time, published at 09:00
		assertThat(row.values()).containsExactly("2027-01-15T00:00", "2027-01-16T00:00", "2027-01-17");
	}

	/**
	 * A date-time under a format that shows the date alone reads as the sheet shows it, a date, as its CSV export
	 * writes it: the row publishes at the default time of day, not at a time nobody sees in the sheet.
	 */
	@Test
	void aTimeThatTheCellsFormatHidesIsNotRead() throws IOException {
		Path file = write(dir.resolve("hidden-time.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "publish_at");
			cell(sheet, 2, 0).setCellValue(LocalDateTime.of(2027, 1, 14, 12, 0)); // 46401.5, as =TODAY()+... + 0.5
			sheet.getRow(1).getCell(0).setCellStyle(style(workbook, (short) 14)); // m/d/yy: shows 1/14/27
		});

		assertThat(readAll(file, InputOptions.defaults()).get(0).values()).containsExactly("2027-01-14");
	}

	@Test
	void dateCellsReadTheSameWhereTheMachinesLanguageWritesOtherDigits() throws IOException {
		Path file = write(dir.resolve("dates.xlsx"), workbook -> dateSheet(workbook));
		Locale before = Locale.getDefault();
		Locale.setDefault(Locale.forLanguageTag("ar-EG")); // its numbers are written ٠١٢٣...
		InputRow row;
		try {
			row = readAll(file, InputOptions.defaults()).get(0);
		}
		finally {
			Locale.setDefault(before);
		}

		assertThat(row.values()).containsExactly("2030-05-01", "2030-05-01T09:30", "2030-05-01T09:30:15",
				"2030-12-24", "14:45");
	}

	@Test
	void dateCellsOfThe1904DateSystemKeepTheirDates() throws IOException {
		Path file = write(dir.resolve("mac.xlsx"), workbook -> {
			workbook.getCTWorkbook().getWorkbookPr().setDate1904(true);
			assertThat(workbook.isDate1904()).isTrue();
			dateSheet(workbook);
		});

		InputRow row = readAll(file, InputOptions.defaults()).get(0);

		assertThat(row.values()).containsExactly("2030-05-01", "2030-05-01T09:30", "2030-05-01T09:30:15",
				"2030-12-24", "14:45");
	}

	private static void dateSheet(XSSFWorkbook workbook) {
		Sheet sheet = workbook.createSheet("Pins");
		textRow(sheet, 1, "date", "date time", "with seconds", "built-in format", "time");
		cell(sheet, 2, 0).setCellValue(LocalDate.of(2030, 5, 1));
		cell(sheet, 2, 1).setCellValue(LocalDateTime.of(2030, 5, 1, 9, 30));
		cell(sheet, 2, 2).setCellValue(LocalDateTime.of(2030, 5, 1, 9, 30, 15));
		cell(sheet, 2, 3).setCellValue(LocalDate.of(2030, 12, 24));
		cell(sheet, 2, 4).setCellValue(14.75 / 24);
		short custom = workbook.createDataFormat().getFormat("yyyy-mm-dd");
		short customTime = workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss");
		sheet.getRow(1).getCell(0).setCellStyle(style(workbook, custom));
		sheet.getRow(1).getCell(1).setCellStyle(style(workbook, customTime));
		sheet.getRow(1).getCell(2).setCellStyle(style(workbook, customTime));
		// 14 is Excel's built-in m/d/yy, what a typed date usually gets
		sheet.getRow(1).getCell(3).setCellStyle(style(workbook, (short) 14));
		sheet.getRow(1).getCell(4).setCellStyle(style(workbook, workbook.createDataFormat().getFormat("h:mm")));
	}

	private static CellStyle style(XSSFWorkbook workbook, short format) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(format);
		return style;
	}

	@Test
	void formulasGiveTheirCachedValuesAndBooleansReadAsText() throws IOException {
		Path file = write(dir.resolve("formulas.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "number", "text", "test", "error", "flag", "no");
			cell(sheet, 2, 0).setCellFormula("1+2");
			cell(sheet, 2, 1).setCellFormula("CONCATENATE(\"Kitchen\",\" Ideas\")");
			cell(sheet, 2, 2).setCellFormula("1=1");
			cell(sheet, 2, 3).setCellFormula("NA()");
			cell(sheet, 2, 4).setCellValue(true);
			cell(sheet, 2, 5).setCellValue(false);
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
		});

		InputRow row = readAll(file, InputOptions.defaults()).get(0);

		assertThat(row.values()).containsExactly("3", "Kitchen Ideas", "TRUE", "#N/A", "TRUE", "FALSE");
		assertThat(row.numericCells()).containsExactly(0);
	}

	@Test
	void richTextAndLineBreaksReadAsPlainText() throws IOException {
		Path file = write(dir.resolve("rich.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "description");
			XSSFRichTextString rich = new XSSFRichTextString("Bold start, plain end");
			XSSFFont bold = workbook.createFont();
			bold.setBold(true);
			rich.applyFont(0, 10, bold);
			cell(sheet, 2, 0).setCellValue(rich);
			cell(sheet, 2, 1).setCellValue("first line\r\nsecond line_x");
		});

		InputRow row = readAll(file, InputOptions.defaults()).get(0);

		assertThat(row.values()).containsExactly("Bold start, plain end", "first line\r\nsecond line_x");
	}

	@Test
	void missingCellsAreEmptyInTheirOwnColumns() throws IOException {
		Path file = write(dir.resolve("sparse.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "description", "board", "link");
			textRow(sheet, 2, "Only ends", null, null, "https://example.com/a");
			textRow(sheet, 3, null, "Only middle");
		});

		List<InputRow> rows = readAll(file, InputOptions.defaults());

		assertThat(rows.get(0).values()).containsExactly("Only ends", "", "", "https://example.com/a");
		assertThat(rows.get(1).values()).containsExactly("", "Only middle", "", "");
	}

	@Test
	void blankRowsAreSkippedButCounted() throws IOException {
		Path file = write(dir.resolve("gaps.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			// headers need not be on row 1: a title row above may be left empty
			textRow(sheet, 2, "title", "board");
			textRow(sheet, 3, "First", "Kitchen Ideas");
			textRow(sheet, 5, "  ", "");
			textRow(sheet, 8, "Second", "Small Spaces");
		});

		List<InputRow> rows = readAll(file, InputOptions.defaults());

		assertThat(rows).extracting(InputRow::rowNumber).containsExactly(3L, 8L);
		assertThat(rows.get(1).values()).containsExactly("Second", "Small Spaces");
	}

	@Test
	void headersAreTrimmedAndEmptyColumnsRightOfThemIgnored() throws IOException {
		Path file = write(dir.resolve("wide.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, " title ", "board", "", " ");
			textRow(sheet, 2, "First", "Kitchen Ideas", "", "", "");
		});

		try (XlsxRowSource source = XlsxRowSource.open(file, InputOptions.defaults())) {
			assertThat(source.headers()).containsExactly("title", "board");
			assertThat(source.next().values()).containsExactly("First", "Kitchen Ideas");
		}
	}

	@Test
	void valueInAColumnWithoutHeaderStopsWithItsCell() throws IOException {
		Path file = write(dir.resolve("stray.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "board");
			textRow(sheet, 2, "First", "Kitchen Ideas", null, "note to self");
		});

		try (XlsxRowSource source = XlsxRowSource.open(file, InputOptions.defaults())) {
			assertThatThrownBy(source::next).isInstanceOf(InputFileException.class)
				.hasMessage(file + " sheet 'Pins' row 2: cell D2 has a value but its column has no header; add a"
						+ " header to that column or clear it");
		}
	}

	@Test
	void readsTheFirstVisibleSheetByDefault() throws IOException {
		Path file = write(dir.resolve("sheets.xlsx"), XlsxRowSourceTests::archiveThenPins);

		assertThat(readAll(file, InputOptions.defaults())).extracting(row -> row.value(0)).containsExactly("Current");
	}

	@Test
	void readsTheSheetNamedBySheetOptionExactlyThenIgnoringCase() throws IOException {
		Path file = write(dir.resolve("sheets.xlsx"), XlsxRowSourceTests::archiveThenPins);

		assertThat(readAll(file, new InputOptions("Archive"))).extracting(row -> row.value(0)).containsExactly("Old");
		assertThat(readAll(file, new InputOptions("archive"))).extracting(row -> row.value(0)).containsExactly("Old");
		assertThat(readAll(file, new InputOptions("pins"))).extracting(row -> row.value(0)).containsExactly("Current");
	}

	@Test
	void missingSheetNamesTheSheetsThatExist() throws IOException {
		Path file = write(dir.resolve("sheets.xlsx"), XlsxRowSourceTests::archiveThenPins);

		assertThatThrownBy(() -> XlsxRowSource.open(file, new InputOptions("Drafts")))
			.isInstanceOf(InputFileException.class)
			.hasMessage(file + ": no sheet named 'Drafts'; sheets are: 'Archive', 'Pins'");
	}

	@Test
	void otherVisibleSheetsWithPinColumnsAndRowsAreNamedWithTheOptionThatReadsThem() throws IOException {
		// a workbook of a month a sheet: a run reads one, the others' pins were left out without a word
		Path file = write(dir.resolve("calendar.xlsx"), workbook -> {
			textRow(workbook.createSheet("How to"), 1, "Fill in one row a pin");
			for (String month : List.of("March", "April 2027", "May", "June")) {
				textRow(workbook.createSheet(month), 1, "title", "board");
			}
			textRow(workbook.getSheet("March"), 2, "Oak", "Kitchen Ideas");
			textRow(workbook.getSheet("April 2027"), 2, "Pine", "Kitchen Ideas");
			textRow(workbook.getSheet("June"), 3, "Ash", "Kitchen Ideas");
			workbook.setSheetVisibility(4, SheetVisibility.HIDDEN);
		});
		HeaderRecognizer pinColumns = cells -> cells.contains("title");

		try (XlsxRowSource source = XlsxRowSource.open(file, new InputOptions(null, null, null, pinColumns))) {
			assertThat(source.next().value(0)).isEqualTo("Oak");
			// May has no row under its header, June is hidden
			assertThat(source.notes()).contains(file + ": sheet 'April 2027' also has pin columns and rows and is"
					+ " not read (a run reads one sheet, here 'March'): give '--sheet=April 2027' to send its pins");
		}
		try (XlsxRowSource source = XlsxRowSource.open(file, new InputOptions("April 2027", null, null, pinColumns))) {
			assertThat(source.notes()).as("a sheet chosen").noneMatch(note -> note.contains("not read"));
		}
	}

	@Test
	void theOptionThatReadsAnotherSheetIsQuotedSoThatItsNamePastedIntoAShellRunsNothing() throws IOException {
		Path file = write(dir.resolve("calendar.xlsx"), workbook -> {
			for (String name : List.of("March", "It's $(touch pwned)")) {
				textRow(workbook.createSheet(name), 1, "title", "board");
				textRow(workbook.getSheet(name), 2, "Oak", "Kitchen Ideas");
			}
		});

		try (XlsxRowSource source = XlsxRowSource.open(file, new InputOptions(null, null, null,
				cells -> cells.contains("title")))) {
			assertThat(source.notes()).anyMatch(note -> note.endsWith(
					"give '--sheet=It'\\''s $(touch pwned)' to send its pins"));
		}
	}

	private static void archiveThenPins(XSSFWorkbook workbook) {
		textRow(workbook.createSheet("Archive"), 1, "title");
		textRow(workbook.getSheet("Archive"), 2, "Old");
		textRow(workbook.createSheet("Pins"), 1, "title");
		textRow(workbook.getSheet("Pins"), 2, "Current");
		workbook.setActiveSheet(1);
		workbook.setSheetVisibility(0, SheetVisibility.HIDDEN);
	}

	@Test
	void veryHiddenSheetsAreSkippedToo() throws IOException {
		Path file = write(dir.resolve("sheets.xlsx"), workbook -> {
			archiveThenPins(workbook);
			workbook.setSheetVisibility(0, SheetVisibility.VERY_HIDDEN);
		});

		assertThat(readAll(file, InputOptions.defaults())).extracting(row -> row.value(0)).containsExactly("Current");
	}

	@Test
	void headerOnlySheetHasNoRows() throws IOException {
		Path file = write(dir.resolve("header.xlsx"), workbook -> textRow(workbook.createSheet("Pins"), 1, "title"));

		try (XlsxRowSource source = XlsxRowSource.open(file, InputOptions.defaults())) {
			assertThat(source.headers()).containsExactly("title");
			assertThat(source.next()).isNull();
		}
	}

	@Test
	void emptySheetAsksForHeaders() throws IOException {
		Path file = write(dir.resolve("empty.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 3, "", " ");
		});

		assertThatThrownBy(() -> XlsxRowSource.open(file, InputOptions.defaults()))
			.isInstanceOf(InputFileException.class)
			.hasMessage(file + ": sheet 'Pins' is empty; the first row must be the column headers");
	}

	@Test
	void openedThroughRowSourcesByContentWhateverTheExtension() throws IOException {
		Path file = write(dir.resolve("pins.csv"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title");
			textRow(sheet, 2, "From a workbook");
		});

		try (RowSource source = RowSources.open(file, InputOptions.defaults())) {
			assertThat(source).isInstanceOf(XlsxRowSource.class);
			assertThat(source.next().values()).containsExactly("From a workbook");
		}
	}
}

package com.pinbatch.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.pinbatch.input.XlsxTestWorkbooks.cell;
import static com.pinbatch.input.XlsxTestWorkbooks.readAll;
import static com.pinbatch.input.XlsxTestWorkbooks.textRow;
import static com.pinbatch.input.XlsxTestWorkbooks.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cells that show text but open a web address (Excel's Insert › Link, a HYPERLINK formula): in a column that holds
 * web addresses they read as the address, elsewhere as the text a person sees.
 */
class XlsxSheetLinksTests {

	/** As the column mapping answers for its URL fields. */
	private static final InputOptions ADDRESS_COLUMNS = new InputOptions(null, null, null, null,
			header -> Set.of("media_url", "link").contains(header));

	@TempDir
	Path dir;

	@Test
	void aCellOfAnAddressColumnThatShowsTextReadsAsTheAddressItLinksTo() throws IOException {
		Path file = write(dir.resolve("links.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "media_url", "link", "notes");
			textRow(sheet, 2, "Oak shelf", "Photo", "Shop now", "our page");
			link(workbook, sheet.getRow(1).getCell(0), "https://shop.example.com/oak");
			link(workbook, sheet.getRow(1).getCell(1), "https://images.example.com/oak.jpg");
			link(workbook, sheet.getRow(1).getCell(2), "https://shop.example.com/oak?utm_source=pinterest");
			link(workbook, sheet.getRow(1).getCell(3), "https://shop.example.com/about");
		});

		InputRow row = readAll(file, ADDRESS_COLUMNS).get(0);

		// the title and a column of notes keep their text: a linked product name is still its name
		assertThat(row.values()).containsExactly("Oak shelf", "https://images.example.com/oak.jpg",
				"https://shop.example.com/oak?utm_source=pinterest", "our page");
	}

	@Test
	void aLinkKeepsTheFragmentExcelKeepsApartFromItsAddress() throws IOException {
		// Excel saves https://shop.example.com/oak?utm_source=pin#spring-sale as the address without its fragment,
		// and the fragment as the cell link's location (before: read without it)
		Path file = write(dir.resolve("fragment.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "link");
			textRow(sheet, 2, "Oak shelf", "Shop the look");
			XSSFHyperlink link = workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
			link.setAddress("https://shop.example.com/oak?utm_source=pin");
			link.setLocation("spring-sale");
			sheet.getRow(1).getCell(1).setHyperlink(link);
		});

		assertThat(readAll(file, ADDRESS_COLUMNS)).singleElement().satisfies(row -> assertThat(row.values())
			.containsExactly("Oak shelf", "https://shop.example.com/oak?utm_source=pin#spring-sale"));
	}

	@Test
	void aHyperlinkFormulaReadsAsTheAddressItWritesOut() throws IOException {
		Path file = write(dir.resolve("formula.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "link");
			textRow(sheet, 2, "Oak shelf");
			cell(sheet, 2, 1).setCellFormula("HYPERLINK(\"https://shop.example.com/oak?a=1&b=\"\"2\"\"\",\"Buy it\")");
			textRow(sheet, 3, "Pine shelf");
			cell(sheet, 3, 1).setCellFormula("HYPERLINK(\"https://shop.example.com/pine\")");
			textRow(sheet, 4, "Birch shelf");
			// an address the sheet puts together: not known without calculating, and the shown text is no address
			cell(sheet, 4, 1).setCellFormula("HYPERLINK(\"https://shop.example.com/\"&A4,\"Birch\")");
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
		});

		List<InputRow> rows = readAll(file, ADDRESS_COLUMNS);

		assertThat(rows).extracting(row -> row.value(1)).containsExactly("https://shop.example.com/oak?a=1&b=\"2\"",
				"https://shop.example.com/pine", InputRow.LINK_PUT_TOGETHER);
	}

	@Test
	void aLinkFormulaFilledDownAColumnIsReadInEveryCellOfIt() throws IOException {
		// given: Excel saves a formula filled down once, in its first cell; the others name it by its index
		String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>title</t></is></c>"
				+ "<c r=\"B1\" t=\"inlineStr\"><is><t>link</t></is></c></row>"
				+ linkRow(2, "<f t=\"shared\" ref=\"B2:B3\" si=\"0\">"
						+ "HYPERLINK(\"https://shop.example.com/oak\",\"Shop\")</f>")
				+ linkRow(3, "<f t=\"shared\" si=\"0\"/>")
				+ linkRow(4, "<f t=\"shared\" ref=\"B4:B5\" si=\"1\">HYPERLINK(\"https://shop.example.com/p/\"&amp;A4,"
						+ "\"Shop\")</f>")
				+ linkRow(5, "<f t=\"shared\" si=\"1\"/>")
				+ "</sheetData></worksheet>";
		Path plain = write(dir.resolve("plain.xlsx"), workbook -> textRow(workbook.createSheet("Pins"), 1, "title"));
		Path file = XlsxTestWorkbooks.replaceEntry(plain, dir.resolve("filled.xlsx"), "xl/worksheets/sheet1.xml",
				sheet.getBytes(StandardCharsets.UTF_8));

		// then: the filled-down cell opens the first one's address; one put together says so in each cell (before:
		// "Shop", refused as no web address, and the link working in Excel)
		assertThat(readAll(file, ADDRESS_COLUMNS)).extracting(row -> row.value(1)).containsExactly(
				"https://shop.example.com/oak", "https://shop.example.com/oak", InputRow.LINK_PUT_TOGETHER,
				InputRow.LINK_PUT_TOGETHER);
	}

	private static String linkRow(int row, String formula) {
		return "<row r=\"" + row + "\"><c r=\"A" + row + "\" t=\"inlineStr\"><is><t>Oak " + row + "</t></is></c>"
				+ "<c r=\"B" + row + "\" t=\"str\">" + formula + "<v>Shop</v></c></row>";
	}

	@Test
	void aCellThatShowsAnAddressOrLinksElsewhereThanTheWebKeepsItsText() throws IOException {
		Path file = write(dir.resolve("kept.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "link");
			textRow(sheet, 2, "Shown", "https://shop.example.com/shown");
			link(workbook, sheet.getRow(1).getCell(1), "https://tracker.example.com/redirect?to=shown");
			textRow(sheet, 3, "Mail", "Write to us");
			link(workbook, sheet.getRow(2).getCell(1), HyperlinkType.EMAIL, "mailto:shop@example.com");
			textRow(sheet, 4, "In the workbook", "See Notes");
			link(workbook, sheet.getRow(3).getCell(1), HyperlinkType.DOCUMENT, "'Notes'!A1");
			textRow(sheet, 5, "Plain", "Shop now");
		});

		assertThat(readAll(file, ADDRESS_COLUMNS)).extracting(row -> row.value(1))
			.containsExactly("https://shop.example.com/shown", "Write to us", "See Notes", "Shop now");
	}

	@Test
	void aLinkOverARangeOfCellsLinksEachOfThem() throws IOException {
		Path file = write(dir.resolve("range.xlsx"), workbook -> {
			XSSFSheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "link");
			textRow(sheet, 2, "Oak", "Shop");
			textRow(sheet, 3, "Pine", "Shop");
			textRow(sheet, 4, "Birch", "Shop");
			XSSFHyperlink shop = workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
			shop.setAddress("https://shop.example.com/");
			shop.setCellReference("B2:B3");
			sheet.addHyperlink(shop);
		});

		assertThat(readAll(file, ADDRESS_COLUMNS)).extracting(row -> row.value(1))
			.containsExactly("https://shop.example.com/", "https://shop.example.com/", "Shop");
	}

	@Test
	void theCellsReadAsTheirAddressAreToldBeforeAnythingIsSent() throws IOException {
		Path file = write(dir.resolve("told.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "link");
			for (int row = 2; row <= 6; row++) {
				textRow(sheet, row, "Shelf " + row, "Shop now");
				link(workbook, sheet.getRow(row - 1).getCell(1), "https://shop.example.com/" + row);
			}
		});

		try (XlsxRowSource source = XlsxRowSource.open(file, ADDRESS_COLUMNS)) {
			while (source.next() != null) {
				// read them all, as the survey does
			}
			assertThat(source.findings()).containsExactly(file + " sheet 'Pins': 5 cells show text but link to a web"
					+ " address: the address is read, not the text: link row 2 ('Shop now' →"
					+ " https://shop.example.com/2), link row 3 ('Shop now' → https://shop.example.com/3), link row 4"
					+ " ('Shop now' → https://shop.example.com/4) and 2 more");
		}
	}

	@Test
	void aForgedHyperlinkFormulaOfAMillionCharactersIsReadAsItsShownText() throws IOException {
		// random letters, which a zip-bomb guard lets through; a pattern's repetition overflowed the stack on them
		Random random = new Random(14);
		StringBuilder address = new StringBuilder(1_000_000);
		for (int i = 0; i < 1_000_000; i++) {
			address.append((char) ('a' + random.nextInt(26)));
		}
		Path file = forgedLinkCell("<f>HYPERLINK(\"https://" + address + "</f><v>Shop</v>");

		assertThat(readAll(file, ADDRESS_COLUMNS)).singleElement()
			.satisfies(row -> assertThat(row.values()).containsExactly("Oak", "Shop"));
	}

	@Test
	void aFormulaWithAnElementInsideIsPassedOverAsBeforeItsTextWasRead() throws IOException {
		Path file = forgedLinkCell("<f>HYPERLINK(\"https://shop.example.com/\")<extra/></f><v>Shop</v>");

		assertThat(readAll(file, ADDRESS_COLUMNS)).singleElement()
			.satisfies(row -> assertThat(row.values()).containsExactly("Oak", "https://shop.example.com/"));
	}

	@Test
	void anImageFormulaReadsAsTheAddressOfItsPicture() throws IOException {
		// Excel 365 saves =IMAGE(...) as the error #VALUE! with a rich value beside it; Google Sheets with no value
		Path excel = forgedMediaCell("<c r=\"B2\" t=\"e\" vm=\"1\"><f>_xlfn.IMAGE("
				+ "\"https://images.example.com/oak.jpg\",\"Oak\")</f><v>#VALUE!</v></c>");
		Path sheets = forgedMediaCell("<c r=\"B2\" t=\"str\"><f>IMAGE(\"https://images.example.com/oak.jpg\", 4, 300,"
				+ " 300)</f><v></v></c>");

		for (Path file : List.of(excel, sheets)) {
			assertThat(readAll(file, InputOptions.defaults())).singleElement()
				.satisfies(row -> assertThat(row.values())
					.containsExactly("Oak", "https://images.example.com/oak.jpg"));
		}
	}

	@Test
	void aFormulaWithAnEmptyValueWhereOnlyANumberCouldBeIsNotCalculatedAnEmptyTextResultIsEmpty() throws IOException {
		// openpyxl writes a formula with <v/> and no type (a number's); a formula whose result is "" has the type str
		Path script = forgedMediaCell("<c r=\"B2\"><f>CONCATENATE(\"https://images.example.com/\",\"oak.jpg\")</f>"
				+ "<v/></c>");
		Path emptyText = forgedMediaCell("<c r=\"B2\" t=\"str\"><f>IF(A2=\"\",\"x\",\"\")</f><v></v></c>");

		assertThat(readAll(script, InputOptions.defaults())).singleElement()
			.satisfies(row -> assertThat(row.values()).containsExactly("Oak", InputRow.NOT_CALCULATED));
		assertThat(readAll(emptyText, InputOptions.defaults())).singleElement()
			.satisfies(row -> assertThat(row.values()).containsExactly("Oak", ""));
	}

	@Test
	void aHyperlinkFormulaAScriptWroteWithNoValueReadsAsItsAddressInALinkColumn() throws IOException {
		// before: read as empty, the pin sent without its link and the row VALID
		Path file = forgedLinkCell("<f>HYPERLINK(\"https://shop.example.com/oak\",\"Shop now\")</f><v/>", null);

		assertThat(readAll(file, ADDRESS_COLUMNS)).singleElement()
			.satisfies(row -> assertThat(row.values()).containsExactly("Oak", "https://shop.example.com/oak"));
	}

	@Test
	void aPictureInACellReadsAsSuchNotAsAFailedFormula() throws IOException {
		// Excel 365's Place in Cell: an error value with a rich value (the picture) beside it, and no formula
		Path file = forgedMediaCell("<c r=\"B2\" t=\"e\" vm=\"1\"><v>#VALUE!</v></c>");

		assertThat(readAll(file, InputOptions.defaults())).singleElement()
			.satisfies(row -> assertThat(row.values()).containsExactly("Oak", InputRow.PICTURE_IN_CELL));
	}

	/** A workbook whose sheet holds the headers title and media_url, then Oak and the cell {@code cell} as B2. */
	private Path forgedMediaCell(String cell) throws IOException {
		String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>title</t></is></c>"
				+ "<c r=\"B1\" t=\"inlineStr\"><is><t>media_url</t></is></c></row>"
				+ "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Oak</t></is></c>" + cell + "</row></sheetData>"
				+ "</worksheet>";
		Path plain = write(dir.resolve("plain.xlsx"), workbook -> textRow(workbook.createSheet("Pins"), 1, "title"));
		return XlsxTestWorkbooks.replaceEntry(plain, dir.resolve("forged-" + cell.hashCode() + ".xlsx"),
				"xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8));
	}

	/** A workbook whose sheet holds the headers title and link, then Oak and a link cell holding {@code inside}. */
	private Path forgedLinkCell(String inside) throws IOException {
		return forgedLinkCell(inside, "str");
	}

	/** The same with the link cell's type ({@code t}; null: none, a number's). */
	private Path forgedLinkCell(String inside, String type) throws IOException {
		String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>title</t></is></c>"
				+ "<c r=\"B1\" t=\"inlineStr\"><is><t>link</t></is></c></row>"
				+ "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Oak</t></is></c>"
				+ "<c r=\"B2\"" + (type == null ? "" : " t=\"" + type + "\"") + ">" + inside + "</c></row></sheetData>"
				+ "</worksheet>";
		Path plain = write(dir.resolve("plain.xlsx"), workbook -> textRow(workbook.createSheet("Pins"), 1, "title"));
		return XlsxTestWorkbooks.replaceEntry(plain, dir.resolve("forged.xlsx"), "xl/worksheets/sheet1.xml",
				sheet.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void withoutAddressColumnsEveryCellReadsAsItsText() throws IOException {
		Path file = write(dir.resolve("plain.xlsx"), workbook -> {
			Sheet sheet = workbook.createSheet("Pins");
			textRow(sheet, 1, "title", "link");
			textRow(sheet, 2, "Oak shelf", "Shop now");
			link(workbook, sheet.getRow(1).getCell(1), "https://shop.example.com/oak");
		});

		try (XlsxRowSource source = XlsxRowSource.open(file, InputOptions.defaults())) {
			assertThat(source.next().values()).containsExactly("Oak shelf", "Shop now");
			assertThat(source.findings()).isEmpty();
		}
	}

	private static void link(XSSFWorkbook workbook, Cell cell, String address) {
		link(workbook, cell, HyperlinkType.URL, address);
	}

	private static void link(XSSFWorkbook workbook, Cell cell, HyperlinkType type, String address) {
		XSSFHyperlink link = workbook.getCreationHelper().createHyperlink(type);
		link.setAddress(address);
		cell.setHyperlink(link);
	}
}

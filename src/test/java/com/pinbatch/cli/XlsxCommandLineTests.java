package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A workbook as marketing teams keep them, through the command line: sheet choice, date cells, long ids. */
class XlsxCommandLineTests extends SandboxedCommandLine {

	@Test
	void workbookPinsAreCreatedWithDateCellsAndAnXlsxResultFileThatFeedsRetryFailed() throws IOException {
		// given: a hidden first sheet, then the pins with a real date cell, a board id typed as a number, a bad link
		Path workbook = dir.resolve("pins.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			book.createSheet("Notes").createRow(0).createCell(0).setCellValue("not pins");
			book.setSheetHidden(0, true);
			Sheet pins = book.createSheet("Pins");
			CellStyle dateStyle = book.createCellStyle();
			dateStyle.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
			header(pins, "Title", "Description", "Media URL", "Pinterest board", "Link", "Account", "Publish date");
			Row first = row(pins, 1, "Oak Shelves", "Open shelves.", "https://images.example.com/x1.jpg",
					"Kitchen Ideas", "https://www.acme-home.example/x1", "acme-home");
			first.createCell(6).setCellValue(LocalDateTime.of(2027, 3, 1, 9, 30));
			first.getCell(6).setCellStyle(dateStyle);
			Row second = row(pins, 3, "Long Id", "A board id typed into a number cell.",
					"https://images.example.com/x2.jpg", "", "https://www.acme-home.example/x2", "acme-home");
			second.getCell(3).setCellValue(918273645500000001d);
			row(pins, 4, "Plain Link", "An http link.", "https://images.example.com/x3.jpg", "Small Spaces",
					"http://www.acme-home.example/x3", "acme-home");
			try (OutputStream out = Files.newOutputStream(workbook)) {
				book.write(out);
			}
		}
		Path results = dir.resolve("pins.results.xlsx");

		// when
		CommandLineRun run = run("--input=" + workbook, "--results=" + results);

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		List<InputRow> rows = read(results);
		assertThat(rows).extracting(InputRow::rowNumber).containsExactly(2L, 4L, 5L);
		assertThat(rows).extracting(row -> row.prior().status()).containsExactly("SCHEDULED", "INVALID", "INVALID");
		assertThat(rows).extracting(row -> row.prior().errorCode()).containsExactly(null, "id_precision_lost",
				"link_not_https");
		JsonNode body = JsonMapper.builder().build().readTree(sandbox.requests().stream()
			.filter(request -> request.method().equals("POST")).findFirst().orElseThrow().body());
		assertThat(body.get("scheduledFor").asString()).isEqualTo("2027-03-01T09:30:00Z");

		// when the user fixes the link in the result workbook and retries it
		try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(results))) {
			for (Row row : book.getSheetAt(0)) {
				if (row.getCell(4).getStringCellValue().equals("http://www.acme-home.example/x3")) {
					row.removeCell(row.getCell(4)); // a fresh cell, as a spreadsheet program writes it
					row.createCell(4).setCellValue("https://www.acme-home.example/x3");
				}
			}
			try (OutputStream out = Files.newOutputStream(results)) {
				book.write(out);
			}
		}
		CommandLineRun retry = run("--retry-failed=" + results, "--results=" + dir.resolve("retry.csv"));

		// then the fixed row is created; the long id, now text in the result file, is no board of the account (a
		// dry run says so too: before, it was sent and refused by Zernio)
		assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(3);
		assertThat(ResultRows.read(dir.resolve("retry.csv"))).extracting(row -> row.get("status") + " "
				+ row.get("error_code")).containsExactly("SCHEDULED ", "INVALID board_not_found", "PUBLISHED ");
		assertThat(sandbox.postCount()).isEqualTo(2);
	}

	/**
	 * A CSV result guards formula-like cells with a {@code '}, which a spreadsheet shows as typed: saved as a workbook,
	 * its cells keep it. Before, a retry of that workbook sent the guard to Pinterest as part of the title.
	 */
	@Test
	void aCsvResultSavedAsAWorkbookIsRetriedWithoutTheGuardsItsCellsKeep() throws IOException {
		// given: formula-like titles whose rows are INVALID (an http link), in a CSV result file
		List<String> titles = List.of("=HYPERLINK(\"http://x\",\"y\")", "-Minus title", "＝fullwidth",
				"'+1 shelf");
		StringBuilder csv = new StringBuilder("title,media_url,board,account,link\n");
		for (int i = 0; i < titles.size(); i++) {
			csv.append('"').append(titles.get(i).replace("\"", "\"\"")).append('"')
				.append(",https://images.example.com/g").append(i).append(".jpg,Kitchen Ideas,acme-home,")
				.append("http://www.acme-home.example/g").append(i).append('\n');
		}
		Path input = Files.writeString(dir.resolve("pins.csv"), csv);
		CommandLineRun run = run("--input=" + input);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		List<Map<String, String>> results = ResultRows.read(dir.resolve("pins.results.csv"));
		assertThat(results.get(1).get("title")).isEqualTo("'-Minus title");

		// when the user opens it, fixes the links, saves it as a workbook (each cell as the spreadsheet shows it)
		Path workbook = dir.resolve("pins.results.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet("pins.results");
			header(sheet, results.get(0).keySet().toArray(String[]::new));
			for (int i = 0; i < results.size(); i++) {
				Map<String, String> fixed = new LinkedHashMap<>(results.get(i));
				fixed.put("link", fixed.get("link").replace("http:", "https:"));
				row(sheet, i + 1, fixed.values().toArray(String[]::new));
			}
			try (OutputStream out = Files.newOutputStream(workbook)) {
				book.write(out);
			}
		}
		CommandLineRun retry = run("--retry-failed=" + workbook, "--results=" + dir.resolve("retry.xlsx"));

		// then each title reaches Zernio as the input gave it, and the new result shows it so
		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		assertThat(sentTitles()).containsExactlyInAnyOrderElementsOf(titles);
		assertThat(ResultRows.read(dir.resolve("retry.xlsx"))).extracting(row -> row.get("title"))
			.containsExactlyInAnyOrderElementsOf(List.of("=HYPERLINK(\"http://x\",\"y\")", "-Minus title",
					"＝fullwidth", "''+1 shelf"));
	}

	@Test
	void formulaLikeTitlesComeBackFromAWorkbookResultExactlyAsTheInputGaveThem() throws IOException {
		// given: titles a spreadsheet would run, or that start with the apostrophe a CSV result adds as a guard
		List<String> titles = List.of("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")",
				"'+1 shelf", "'Tis the season");
		Path workbook = dir.resolve("pins.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet pins = book.createSheet("Pins");
			header(pins, "title", "media_url", "board", "account", "link");
			for (int i = 0; i < titles.size(); i++) {
				// an http link: the row is INVALID, for the user to fix in the result workbook
				row(pins, i + 1, titles.get(i), "https://images.example.com/f" + i + ".jpg", "Kitchen Ideas",
						"acme-home", "http://www.acme-home.example/f" + i);
			}
			try (OutputStream out = Files.newOutputStream(workbook)) {
				book.write(out);
			}
		}
		Path results = dir.resolve("pins.results.xlsx");
		CommandLineRun run = run("--input=" + workbook, "--results=" + results);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(sandbox.postCount()).isZero();

		// when the links are fixed in the result workbook and the rows retried
		try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(results))) {
			for (Row row : book.getSheetAt(0)) {
				if (row.getRowNum() > 0) {
					String fixed = row.getCell(4).getStringCellValue().replace("http:", "https:");
					row.removeCell(row.getCell(4)); // a fresh cell, as a spreadsheet program writes it
					row.createCell(4).setCellValue(fixed);
				}
			}
			try (OutputStream out = Files.newOutputStream(results)) {
				book.write(out);
			}
		}
		CommandLineRun retry = run("--retry-failed=" + results, "--results=" + dir.resolve("retry.xlsx"));

		// then every title reaches Zernio as the cell held it, character for character
		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		assertThat(sentTitles()).containsExactlyInAnyOrderElementsOf(titles);
	}

	/**
	 * A workbook written by a program that does not calculate (a script, an export tool) holds its formulas with no
	 * computed value. Before, such a cell read as empty: a row whose title was a formula was sent without its title.
	 */
	@Test
	void aFormulaTheWorkbookHoldsNoValueForRefusesItsRowNamingTheCell() throws IOException {
		Path workbook = dir.resolve("pins.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet pins = book.createSheet("Pins");
			header(pins, "title", "media_url", "board", "account", "notes");
			row(pins, 1, "", "https://images.example.com/uncalculated.jpg", "Kitchen Ideas", "acme-home");
			pins.getRow(1).removeCell(pins.getRow(1).getCell(0));
			pins.getRow(1).createCell(0).setCellFormula("UPPER(\"open shelves\")");
			row(pins, 2, "Typed title", "https://images.example.com/typed.jpg", "Kitchen Ideas", "acme-home")
				.createCell(4).setCellFormula("TODAY()"); // a column no pin field reads: no matter
			try (OutputStream out = Files.newOutputStream(workbook)) {
				book.write(out); // no evaluation: no cached values, as such programs write
			}
		}

		CommandLineRun run = run("--input=" + workbook, "--results=" + dir.resolve("pins.results.csv"));

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		List<Map<String, String>> rows = ResultRows.read(dir.resolve("pins.results.csv"));
		assertThat(rows.get(0)).containsEntry("status", "INVALID").containsEntry("error_code", "cell_error");
		assertThat(rows.get(0).get("error_message")).contains("title is a formula the file holds no computed value for",
				"open it in Excel or LibreOffice and save it");
		assertThat(rows.get(1)).containsEntry("status", "PUBLISHED");
		assertThat(sandbox.postCount()).isEqualTo(1);
	}

	@Test
	void missingSheetIsAUsageErrorNamingTheSheets() throws IOException {
		Path workbook = dir.resolve("pins.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			header(book.createSheet("Pins"), "Title", "Media URL", "Pinterest board");
			try (OutputStream out = Files.newOutputStream(workbook)) {
				book.write(out);
			}
		}

		CommandLineRun run = run("--input=" + workbook, "--sheet=Pinz");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("Pinz").contains("'Pins'");
	}

	@Test
	void cellsThatShowTextButLinkToTheWebSendTheirAddressAndTheResultFileHoldsIt() throws IOException {
		// given: a sheet whose link and image cells show words, as Excel's Insert > Link and HYPERLINK() make them
		Path workbook = dir.resolve("linked.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet pins = book.createSheet("Pins");
			header(pins, "Title", "Media URL", "Board", "Link", "Account");
			Row first = row(pins, 1, "Oak Shelves", "Photo", "Kitchen Ideas", "Shop now", "acme-home");
			link(book, first.getCell(0), "https://www.acme-home.example/oak"); // a linked name stays the name
			link(book, first.getCell(1), "https://images.example.com/oak.jpg");
			link(book, first.getCell(3), "https://www.acme-home.example/oak?utm_source=pinterest");
			Row second = row(pins, 2, "Pine Shelves", "https://images.example.com/pine.jpg", "Kitchen Ideas", "",
					"acme-home");
			second.getCell(3).setCellFormula("HYPERLINK(\"https://www.acme-home.example/pine\",\"Buy it\")");
			book.getCreationHelper().createFormulaEvaluator().evaluateAll();
			try (OutputStream out = Files.newOutputStream(workbook)) {
				book.write(out);
			}
		}

		// when
		CommandLineRun run = run("--input=" + workbook);

		// then the pins carry the addresses the cells open, and the run says which cells it read so
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("3 cells show text but link to a web address", "Link row 2 ('Shop now' →"
				+ " https://www.acme-home.example/oak?utm_source=pinterest)");
		List<JsonNode> bodies = creates().stream().map(create -> JsonMapper.builder().build().readTree(create.body()))
			.toList();
		assertThat(bodies).extracting(body -> body.get("mediaItems").get(0).get("url").asString())
			.containsExactlyInAnyOrder("https://images.example.com/oak.jpg", "https://images.example.com/pine.jpg");
		assertThat(bodies).extracting(body -> body.get("platforms").get(0).get("platformSpecificData").get("title")
			.asString() + " " + body.get("platforms").get(0).get("platformSpecificData").get("link").asString())
			.containsExactlyInAnyOrder("Oak Shelves https://www.acme-home.example/oak?utm_source=pinterest",
					"Pine Shelves https://www.acme-home.example/pine");
		// the result file holds what was sent, so a row fixed there and retried keeps its link
		assertThat(read(dir.resolve("linked.results.xlsx"))).extracting(row -> row.value(3))
			.containsExactly("https://www.acme-home.example/oak?utm_source=pinterest",
					"https://www.acme-home.example/pine");
	}

	private static void link(XSSFWorkbook book, Cell cell, String address) {
		XSSFHyperlink link = book.getCreationHelper().createHyperlink(HyperlinkType.URL);
		link.setAddress(address);
		cell.setHyperlink(link);
	}

	@Test
	void aWorkbookOfAMonthASheetSaysWhichSheetsItDidNotReadAndHowToSendThem() throws IOException {
		// given: a month a sheet, each with its pins
		Path workbook = dir.resolve("calendar.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			for (String month : List.of("March", "April")) {
				Sheet sheet = book.createSheet(month);
				header(sheet, "Title", "Media URL", "Pinterest board", "Account");
				row(sheet, 1, month + " shelves", "https://images.example.com/" + month + ".jpg", "Kitchen Ideas",
						"acme-home");
			}
			try (OutputStream out = Files.newOutputStream(workbook)) {
				book.write(out);
			}
		}

		// when
		CommandLineRun march = run("--input=" + workbook);

		// then: the first sheet is sent, and the line says how to send the other
		assertThat(march.exitCode()).as(march.toString()).isZero();
		assertThat(march.out()).contains("input: " + workbook + ": sheet 'April' also has pin columns and rows and is"
				+ " not read (a run reads one sheet, here 'March'): give --sheet=April to send its pins");
		assertThat(creates()).hasSize(1);

		// when the user does as it says
		CommandLineRun april = run("--input=" + workbook, "--sheet=April");

		// then
		assertThat(april.exitCode()).as(april.toString()).isZero();
		assertThat(april.out()).doesNotContain("not read");
		assertThat(creates()).extracting(create -> create.body().contains("April shelves")).containsExactly(false,
				true);
		assertThat(read(dir.resolve("calendar.April.results.xlsx"))).hasSize(1);
	}

	private static List<InputRow> read(Path file) {
		List<InputRow> rows = new ArrayList<>();
		try (RowSource source = RowSources.open(file, InputOptions.defaults())) {
			for (InputRow row = source.next(); row != null; row = source.next()) {
				rows.add(row);
			}
		}
		return rows;
	}

	/** The titles of the pins Zernio was asked to create. */
	private List<String> sentTitles() {
		List<String> sent = new ArrayList<>();
		for (var create : creates()) {
			sent.add(JsonMapper.builder().build().readTree(create.body()).get("platforms").get(0)
				.get("platformSpecificData").get("title").asString());
		}
		return sent;
	}

	private static void header(Sheet sheet, String... names) {
		row(sheet, 0, names);
	}

	private static Row row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
		return row;
	}
}

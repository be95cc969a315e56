package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.pinbatch.sandbox.RecordedRequest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files saved the way spreadsheet programs save them (code pages, UTF-16 "Unicode Text", semicolons and dotted
 * dates, title rows), end to end: what reached the sandbox, the line saying what was assumed, and the result file
 * as a spreadsheet reopens it.
 */
class SpreadsheetExportsCommandLineTests extends SandboxedCommandLine {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String HEADER = "title,description,media_url,board,link,account";

	private static final String ROW = "Crème brûlée shelves,“Open” shelves for 5 €,"
			+ "https://images.example.com/k.jpg,Kitchen Ideas,https://www.acme-home.example/k,acme-home";

	@Test
	void excelCsvInWindows1252IsReadAsSuchAndSaysSo() throws IOException {
		// given: Excel on Windows, "CSV (Comma delimited)": code page 1252, CRLF
		Path input = write("pins.csv", HEADER + "\r\n" + ROW + "\r\n", Charset.forName("windows-1252"));

		// when
		CommandLineRun run = run("--input=" + input);

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("input: " + input + " is not UTF-8; read as windows-1252 (sample: \"Crème\","
				+ " \"brûlée\", \"“Open”\"); if that looks wrong, give --encoding=NAME");
		assertSentAsWritten();
		assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("title", "Crème brûlée shelves")
				.containsEntry("description", "“Open” shelves for 5 €")
				.containsEntry("status", "PUBLISHED"));
	}

	@Test
	void excelMsDosCsvIsReadInItsDosCodePageNotAsWindows1252() throws IOException {
		// given: Excel's "CSV (MS-DOS)": the DOS code page (850), which Windows-1252 reads without an error as
		// "CrŠme br–l‚e"; no curly quotes nor euro sign there
		String row = "Crème brûlée shelves,Open shelves for a café,https://images.example.com/k.jpg,Kitchen Ideas,"
				+ "https://www.acme-home.example/k,acme-home";
		Path input = write("pins.csv", HEADER + "\r\n" + row + "\r\n", Charset.forName("IBM850"));

		// when
		CommandLineRun run = run("--input=" + input);

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("input: " + input + " is not UTF-8; read as IBM850 (sample: \"Crème\","
				+ " \"brûlée\", \"café\"); if that looks wrong, give --encoding=NAME");
		JsonNode body = JSON.readTree(creates().get(0).body());
		assertThat(body.get("platforms").get(0).get("platformSpecificData").get("title").asString())
			.isEqualTo("Crème brûlée shelves");
		assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).singleElement()
			.satisfies(result -> assertThat(result).containsEntry("description", "Open shelves for a café")
				.containsEntry("status", "PUBLISHED"));
	}

	@Test
	void lettersAnExcelCsvCouldNotKeepAreNamedBeforeTheyAreSent() throws IOException {
		// given: "CSV (Comma delimited)" saved in code page 1252, which has no Polish ł nor Chinese: Excel wrote ?
		Path input = write("pins.csv", HEADER + "\r\n"
				+ "Wroc?aw shelves,Ask us why? Open shelves,https://images.example.com/k.jpg?w=800,Kitchen Ideas,"
				+ "https://www.acme-home.example/k?a=b,acme-home\r\n"
				+ "Oak desk,?? desk for small rooms,https://images.example.com/d.jpg,Kitchen Ideas,,acme-home\r\n",
				Charset.forName("windows-1252"));

		// when
		CommandLineRun run = run("--input=" + input, "--dry-run");

		// then: the first place is named, with the others counted, and what to do; a question and URLs are not
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("title row 2: 'Wroc?aw shelves' has ? where letters belong: a spreadsheet saved"
				+ " as CSV in its code page writes ? for the letters that code page lacks; save the file as \"CSV UTF-8\""
				+ " (or as XLSX) and run again (and 1 more row)");
	}

	@Test
	void aQuestionMarkInAUtf8FileIsTheAuthorsOwn() throws IOException {
		// given: a French question (a space before its ?) in "CSV UTF-8", which keeps every letter
		Path input = write("pins.csv", HEADER + "\r\n"
				+ "Tu viens ? on y va,Crème brûlée shelves,https://images.example.com/k.jpg,Kitchen Ideas,,"
				+ "acme-home\r\n",
				StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + input, "--dry-run");

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).doesNotContain("where letters belong");
		assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).singleElement()
			.satisfies(result -> assertThat(result).containsEntry("title", "Tu viens ? on y va")
				.containsEntry("status", "VALID"));
	}

	@Test
	void excelUnicodeTextIsUtf16LittleEndianWithTabs() throws IOException {
		// given: Excel's "Unicode Text": UTF-16LE with a byte order mark, tab-separated
		String text = "\uFEFF" + HEADER.replace(',', '\t') + "\r\n" + ROW.replace(',', '\t') + "\r\n";
		Path input = write("pins.txt", text, StandardCharsets.UTF_16LE);

		// when
		CommandLineRun run = run("--input=" + input);

		// then: read as it is, no guess to report
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).doesNotContain("input: ");
		assertSentAsWritten();
		// the result keeps the tabs, so the spreadsheet that saved the file splits the result the same way
		List<List<String>> rows = delimitedRows(dir.resolve("pins.results.csv"), '\t');
		assertThat(rows.get(0)).startsWith("title", "description");
		assertThat(rows.get(1)).startsWith("Crème brûlée shelves").contains("PUBLISHED");
	}

	@Test
	void encodingOptionReadsAMacRomanFileTheDetectorWouldMisread() throws IOException {
		// given: Mac Excel's "CSV (Macintosh)"; the euro sign is not in Mac Roman's older tables, so leave it out
		Path input = write("pins.csv", HEADER + "\r" + ROW.replace(" €", "") + "\r", Charset.forName("x-MacRoman"));

		// when
		CommandLineRun run = run("--input=" + input, "--encoding=x-MacRoman");

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).doesNotContain("is not UTF-8");
		JsonNode body = JSON.readTree(creates().get(0).body());
		assertThat(body.get("platforms").get(0).get("platformSpecificData").get("title").asString())
			.isEqualTo("Crème brûlée shelves");
	}

	@Test
	void anEncodingOptionLeftInANightlyCommandDoesNotGarbleAUtf8File() throws IOException {
		// given: last week's colleague sent Windows-1252, this week's file is UTF-8 (before: read as Windows-1252,
		// "Crème" became "CrÃ¨me" in the pin, unsaid)
		Path input = write("pins.csv", HEADER + "\n" + ROW + "\n", StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + input, "--encoding=windows-1252");

		// then: refused in one line saying what the file is and what to do; nothing sent
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).startsWith("pinbatch: " + input + ": is UTF-8 text (sample: \"Crème\"")
			.contains("which --encoding=windows-1252 would read otherwise (sample: \"CrÃ¨me\"")
			.endsWith(": leave --encoding out (UTF-8 is read as it is)\n");
		assertThat(creates()).isEmpty();

		// and Excel's "CSV UTF-8", which starts with a byte order mark (before: read as Windows-1252, its first
		// header "ï»¿title" unknown, and the mapping suggested for it garbled every pin)
		Path marked = write("marked.csv", "\uFEFF" + HEADER + "\n" + ROW + "\n", StandardCharsets.UTF_8);
		CommandLineRun refused = run("--input=" + marked, "--encoding=windows-1252");
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
		assertThat(refused.err()).isEqualTo("pinbatch: " + marked + ": starts with a UTF-8 byte order mark, so it is"
				+ " UTF-8 text, which --encoding=windows-1252 would read otherwise: leave --encoding out (the mark says"
				+ " how to read it)\n");
		assertThat(creates()).isEmpty();
	}

	@Test
	void addressesTypedWithSpacesOrAnotherScriptAreSentAsABrowserSendsThem() throws IOException {
		// given: a landing page with spaces in its campaign, a photo whose file name has a space, a German shop's
		// domain (they were refused as "not a full web address" and "not a valid URL")
		Path input = write("pins.csv", """
				title,description,media_url,board,account,link
				Spring sale,Our spring sale.,https://images.example.com/spring sale.jpg,Kitchen Ideas,acme-home,\
				https://www.acme-home.example/sale?utm_campaign=spring sale
				Bücher,Books for the kitchen.,https://images.example.com/books.jpg,Kitchen Ideas,acme-home,\
				https://bücher.example/küche
				""", StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + input);

		// then: created, with the addresses a browser would have sent, and a note saying so
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("note: media_url row 2: 'https://images.example.com/spring sale.jpg' holds"
				+ " spaces or characters a web address cannot hold as typed: it is sent as"
				+ " https://images.example.com/spring%20sale.jpg, as a browser sends it");
		Map<String, JsonNode> byTitle = new HashMap<>();
		for (RecordedRequest create : creates()) {
			JsonNode body = JSON.readTree(create.body());
			byTitle.put(body.get("platforms").get(0).get("platformSpecificData").get("title").asString(), body);
		}
		JsonNode sale = byTitle.get("Spring sale");
		assertThat(sale.get("mediaItems").get(0).get("url").asString())
			.isEqualTo("https://images.example.com/spring%20sale.jpg");
		assertThat(sale.get("platforms").get(0).get("platformSpecificData").get("link").asString())
			.isEqualTo("https://www.acme-home.example/sale?utm_campaign=spring%20sale");
		assertThat(byTitle.get("Bücher").get("platforms").get(0).get("platformSpecificData").get("link").asString())
			.isEqualTo("https://xn--bcher-kva.example/küche");
		// the result file keeps the cells as typed
		List<List<String>> rows = delimitedRows(dir.resolve("pins.results.csv"), ',');
		assertThat(rows.get(1)).contains("https://images.example.com/spring sale.jpg", "PUBLISHED");
	}

	@Test
	void addressesTypedWithoutHttpsAreSentWithItFromWwwOnAndOtherwiseSayHowToWriteThem() throws IOException {
		// given: a www. address as people type one in a browser, and two other names without their scheme
		Path input = write("pins.csv", """
				title,description,media_url,board,account,link
				Typed,Typed as in a browser.,www.images.example.com/typed.jpg,Kitchen Ideas,acme-home,\
				www.acme-home.example/kitchen
				Bare,A bare host name.,images.example.com/bare.jpg,Kitchen Ideas,acme-home,acme-home.example/bare
				""", StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + input);

		// then: the first is created with https:// in front, and the second says how to write its addresses
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(run.out()).contains("note: media_url row 2: 'www.images.example.com/typed.jpg' has no https:// in"
				+ " front: it is sent as https://www.images.example.com/typed.jpg, as a browser opens it");
		assertThat(creates()).hasSize(1);
		JsonNode body = JSON.readTree(creates().get(0).body());
		assertThat(body.get("mediaItems").get(0).get("url").asString())
			.isEqualTo("https://www.images.example.com/typed.jpg");
		assertThat(body.get("platforms").get(0).get("platformSpecificData").get("link").asString())
			.isEqualTo("https://www.acme-home.example/kitchen");
		List<List<String>> rows = delimitedRows(dir.resolve("pins.results.csv"), ',');
		assertThat(rows.get(2)).contains("INVALID");
		assertThat(String.join(",", rows.get(2))).contains("media_url 'images.example.com/bare.jpg' is no file here,"
				+ " and as a web address it has no https:// in front — write it like"
				+ " https://images.example.com/bare.jpg", "link 'acme-home.example/bare' has no https:// in front"
						+ " — write it like https://acme-home.example/bare");
	}

	@Test
	void unknownEncodingNameIsAUsageError() throws IOException {
		Path input = write("pins.csv", HEADER + "\n" + ROW + "\n", StandardCharsets.UTF_8);

		CommandLineRun run = run("--input=" + input, "--encoding=klingon");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--encoding=klingon is not a character encoding");
		assertThat(creates()).isEmpty();
	}

	@Test
	void binaryFileStaysAnInputError() throws IOException {
		Path input = dir.resolve("photo.csv");
		byte[] noise = new byte[4096];
		for (int i = 0; i < noise.length; i++) {
			noise[i] = (byte) (1 + (i * 37) % 250);
		}
		Files.write(input, noise);

		CommandLineRun run = run("--input=" + input);

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains(input + ": is not a CSV or XLSX file");
		assertThat(creates()).isEmpty();
	}

	@Test
	void semicolonFileWithDottedDatesAndDecimalCommasKeepsItsDelimiterInTheResultFile() throws IOException {
		// given: German Excel's "CSV (Trennzeichen-getrennt)": semicolons, dotted dates, decimal commas, cp1252
		Path input = write("plan.csv", """
				title;media_url;board;account;publish_at;cover_keyframe_s\r
				Frühstück;https://images.example.com/f.jpg;Kitchen Ideas;acme-home;01.06.2027 09:30;\r
				Video;https://videos.example.com/v.mp4;Kitchen Ideas;acme-home;02.06.2027 10:00;2,5\r
				""", Charset.forName("windows-1252"));

		// when
		CommandLineRun run = run("--input=" + input);

		// then: the dotted date is read day first without asking, and the decimal comma is named
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(run.out()).contains("dotted dates in publish_at are read day first (row 2: 01.06.2027 09:30)");
		assertThat(creates()).hasSize(1);
		JsonNode body = JSON.readTree(creates().get(0).body());
		assertThat(body.get("scheduledFor").asString()).isEqualTo("2027-06-01T09:30:00Z");
		Path results = dir.resolve("plan.results.csv");
		byte[] bytes = Files.readAllBytes(results);
		assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00ef\u00bb\u00bf");
		List<List<String>> lines = delimitedRows(results, ';');
		assertThat(lines.get(0)).startsWith("title", "media_url", "board", "account", "publish_at", "cover_keyframe_s",
				"row", "status");
		assertThat(lines.get(1)).startsWith("Frühstück").contains("SCHEDULED");
		assertThat(lines.get(2)).contains("2,5", "INVALID", "cover_keyframe_invalid")
			.anyMatch(cell -> cell.contains("'2,5' (read with a decimal comma as 2.5) is not a whole number"));

		// when the user fixes the key frame in the result file, as a spreadsheet saves it, and retries it
		Files.write(results, new String(bytes, StandardCharsets.UTF_8).replace(";2,5;", ";2;")
			.getBytes(StandardCharsets.UTF_8));
		CommandLineRun retry = run("--retry-failed=" + results);

		// then the semicolon result file reads as the input it was made from
		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		assertThat(creates()).hasSize(2);
		assertThat(delimitedRows(dir.resolve("plan.results.retry.csv"), ';')).extracting(row -> row.get(7))
			.containsExactly("status", "SCHEDULED", "SCHEDULED");
	}

	@Test
	void theDateFormatAnAmbiguousDateSuggestsReadsTheFile() throws IOException {
		// given: dashed dates that read both ways
		Path input = write("pins.csv", HEADER + ",publish_at\n" + ROW + ",03-04-2027 21:30\n", StandardCharsets.UTF_8);

		// when
		CommandLineRun first = run("--input=" + input, "--dry-run");

		// then
		assertThat(first.exitCode()).as(first.toString()).isEqualTo(3);
		String message = ResultRows.read(dir.resolve("pins.results.csv")).get(0).get("error_message");
		assertThat(message).endsWith("pass --date-format=dd-MM-yyyy (day first) or --date-format=MM-dd-yyyy"
				+ " (month first)");

		// when the user passes the first suggestion as it is printed
		CommandLineRun second = run("--input=" + input, "--date-format=dd-MM-yyyy");

		// then
		assertThat(second.exitCode()).as(second.toString()).isZero();
		JsonNode body = JSON.readTree(creates().get(0).body());
		assertThat(body.get("scheduledFor").asString()).isEqualTo("2027-04-03T21:30:00Z");
	}

	@Test
	void datesInTheFormatTheUserGaveGetNoNoteOnHowTheToolReadThem() throws IOException {
		// given: dotted dates, and others that mix day first and month first, all in the form the user names
		Path input = write("pins.csv", HEADER + ",publish_at\n" + ROW + ",01.06.2027 09:30\n" + ROW.replace("a.jpg",
				"b.jpg") + ",13/06/2027 10:00\n" + ROW.replace("a.jpg", "c.jpg") + ",06/14/2027 10:00\n",
				StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + input, "--dry-run", "--date-format=dd.MM.yyyy HH:mm");

		// then: the rows in that form are read by it, and the others are INVALID, without a note that the tool read
		// the column's dates its own way (day first) or that rows of both orders are INVALID
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).extracting(row -> row.get("status"))
			.containsExactly("VALID", "INVALID", "INVALID");
		assertThat(run.out()).doesNotContain("read day first", "mixes day-first dates");
	}

	@Test
	void workbookWithAnInstructionsSheetAndATitleRowIsReadFromItsPinSheet() throws IOException {
		// given: a first sheet of instructions, then the pins below a title and a blank row
		Path workbook = workbook("plan.xlsx", book -> {
			Sheet readMe = book.createSheet("Read me");
			cells(readMe, 0, "How to fill in this plan");
			cells(readMe, 1, "One pin per row; the board must exist on Pinterest.");
			Sheet pins = book.createSheet("Pins");
			cells(pins, 0, "Pinterest plan \u2013 May 2027");
			cells(pins, 2, "Title", "Media URL", "Pinterest board", "Account");
			cells(pins, 3, "Oak Shelves", "https://images.example.com/a.jpg", "Kitchen Ideas", "acme-home");
			cells(pins, 4, "Small Desk", "https://images.example.com/b.jpg", "Home Office", "acme-home");
		});

		// when
		CommandLineRun run = run("--input=" + workbook, "--results=" + dir.resolve("plan.results.csv"));

		// then: the sheet and the header row used are named, and rows keep the sheet's numbers
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("input: " + workbook + ": read sheet 'Pins', the first with pin columns"
				+ " (sheet 'Read me' has none); choose another with --sheet=NAME")
			.contains("input: " + workbook + " sheet 'Pins': the headers are on row 3; the row above ('Pinterest plan"
					+ " \u2013 May 2027') is not read");
		assertThat(creates()).extracting(request -> JSON.readTree(request.body()).get("platforms").get(0)
			.get("platformSpecificData").get("title").asString()).containsExactlyInAnyOrder("Oak Shelves", "Small Desk");
		assertThat(ResultRows.read(dir.resolve("plan.results.csv"))).extracting(row -> row.get("row"))
			.containsExactly("4", "5");

		// when the user chooses the instructions sheet, it is read as asked
		CommandLineRun chosen = run("--input=" + workbook, "--sheet=Read me", "--dry-run");

		// then
		assertThat(chosen.exitCode()).isEqualTo(2);
		assertThat(chosen.err()).contains("no known columns");
	}

	@Test
	void headersNoFieldTakesAreListedAndAFileWithoutTitleOrMediaColumnsGetsAMappingToUse() throws IOException {
		// given: a team's own headers
		Path input = write("pins.csv", "Titl,Visual,Pinterest board,Account,Go live\n"
				+ "Oak Shelves,https://images.example.com/a.jpg,Kitchen Ideas,acme-home,2027-06-01 09:30\n",
				StandardCharsets.UTF_8);

		// when
		CommandLineRun refused = run("--input=" + input);

		// then: a usage error naming what is missing, one line on stderr, with the mapping lines to save below it
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
		assertThat(refused.err()).isEqualTo("pinbatch: " + input + ": no column gives title, media_url (headers not"
				+ " recognised: Titl, Visual, Go live); map your headers with --mapping=FILE, e.g. save these lines as"
				+ " mapping.yml:" + System.lineSeparator());
		assertThat(refused.out()).contains("\n  title: [\"Titl\"]   # did you mean title for 'Titl'?\n"
				+ "  # media_url: [\"HEADER\"]   # the header of the column that holds the media_url");
		assertThat(creates()).isEmpty();

		// when the user saves the lines, fills in the media column, and runs again
		Path mapping = dir.resolve("mapping.yml");
		String lines = mappingLines(refused).replace("# media_url: [\"HEADER\"]", "media_url: [\"Visual\"]");
		Files.writeString(mapping, lines);
		Path report = dir.resolve("report.html");
		CommandLineRun mapped = run("--input=" + input, "--mapping=" + mapping, "--report=" + report);

		// then the column still unused is named: it holds a date to come, so the file is refused in one line, nothing
		// sent (before: the pin was published at once, its "Go live" date unread)
		assertThat(mapped.exitCode()).as(mapped.toString()).isEqualTo(2);
		assertThat(mapped.err()).startsWith("pinbatch: " + input + ": column E ('Go live') holds dates to come (row 2:"
				+ " '2027-06-01 09:30'), but no column is read as publish_at").hasLineCount(1);
		assertThat(creates()).isEmpty();

		// when the user adds the line it gives
		Files.writeString(mapping, lines + "  publish_at: [\"Go live\"]\n");
		CommandLineRun scheduled = run("--input=" + input, "--mapping=" + mapping, "--report=" + report);

		// then the pin is created for that date; the report reads the result file (which keeps the team's headers)
		// through the same mapping, so it shows the pin's title and board
		assertThat(scheduled.exitCode()).as(scheduled.toString()).isZero();
		assertThat(creates()).hasSize(1);
		assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("status", "SCHEDULED")
				.containsEntry("publish_at_utc", "2027-06-01T09:30:00Z"));
		assertThat(Files.readString(report)).contains("<td>Oak Shelves</td>", "<td>Kitchen Ideas</td>");
	}

	@Test
	void aFileWhoseHeadersAreAllItsOwnGetsTheMappingLinesItsHeadersSuggest() throws IOException {
		// given: no header is a known one, but three are close to pin fields (before: "no known columns" alone)
		Path input = write("export.csv", "Pin Titl,Image Lnk,Bord name,Campaign\n"
				+ "Oak Shelves,https://images.example.com/own/a.jpg,Kitchen Ideas,spring\n", StandardCharsets.UTF_8);

		// when
		CommandLineRun refused = run("--input=" + input);

		// then: a usage error, one line on stderr, with the lines to save below it
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
		assertThat(refused.err()).contains("no known columns: found 'Pin Titl', 'Image Lnk', 'Bord name', 'Campaign'")
			.endsWith("map your headers with --mapping=FILE, e.g. save these lines as mapping.yml:"
					+ System.lineSeparator())
			.hasLineCount(1);
		assertThat(refused.out()).contains("\n  title: [\"Pin Titl\"]   # did you mean title for 'Pin Titl'?\n"
				+ "  media_url: [\"Image Lnk\"]   # did you mean media_url for 'Image Lnk'?\n"
				+ "  board: [\"Bord name\"]   # did you mean board for 'Bord name'?");
		assertThat(creates()).isEmpty();

		// when the user saves the lines as they are and runs again
		Path mapping = Files.writeString(dir.resolve("mapping.yml"), mappingLines(refused));
		CommandLineRun mapped = run("--input=" + input, "--mapping=" + mapping);

		// then the pin is created
		assertThat(mapped.exitCode()).as(mapped.toString()).isZero();
		assertThat(creates()).hasSize(1);
	}

	@Test
	void boardOptionStillStandsInForABoardColumn() throws IOException {
		Path input = write("pins.csv", "title,media_url,account\nOak,https://images.example.com/a.jpg,acme-home\n",
				StandardCharsets.UTF_8);

		CommandLineRun run = run("--input=" + input, "--board=Kitchen Ideas");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("(1 row, run ", input + ": 1 row: 1 PUBLISHED", ": 1 row at ");
		assertThat(JSON.readTree(creates().get(0).body()).get("platforms").get(0).get("platformSpecificData")
			.get("boardId").asString()).isEqualTo("918273645500000001");
	}

	@Test
	void textsAnExportKeptWithExcelsTextFormulaAreSentAsTheTextAlone() throws IOException {
		// given: an exporter that writes every cell as ="...", as Excel users keep leading zeros (before: the pin's
		// title was sent as ="Oak shelf 00042", and no note said so)
		Path input = write("pins.csv", "title,description,media_url,board,account\n"
				+ "\"=\"\"Oak shelf 00042\"\"\",\"=\"\"Says \"\"\"\"hi\"\"\"\"\"\"\",https://images.example.com/a.jpg,"
				+ "Kitchen Ideas,acme-home\n", StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + input);

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("title row 2 is written =\"Oak shelf 00042\", Excel's way of keeping a text as"
				+ " written: read as the text alone");
		JsonNode body = JSON.readTree(creates().get(0).body());
		assertThat(body.get("platforms").get(0).get("platformSpecificData").get("title").asString())
			.isEqualTo("Oak shelf 00042");
		assertThat(body.get("content").asString()).isEqualTo("Says \"hi\"");
	}

	@Test
	void anIdKeptFromRoundingWithExcelsTextFormulaIsReadAsTheId() throws IOException {
		// given: a CSV export that wrote the board id as ="918273645500000002", Excel's way to keep it text
		Path input = write("pins.csv", "title,media_url,board,account\n"
				+ "Oak,https://images.example.com/a.jpg,\"=\"\"918273645500000002\"\"\",acme-home\n", StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + input);

		// then: the pin goes to that board
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(JSON.readTree(creates().get(0).body()).get("platforms").get(0).get("platformSpecificData")
			.get("boardId").asString()).isEqualTo("918273645500000002");
	}

	@Test
	void rowsASheetHidesAndCellsItMergesAreToldBeforeAnythingIsSent() throws IOException {
		// given: a filter left hiding row 3, and one publish date merged over rows 4 and 5, as calendars do
		Path workbook = workbook("plan.xlsx", book -> {
			Sheet pins = book.createSheet("Pins");
			cells(pins, 0, "Title", "Media URL", "Pinterest board", "Account", "Publish at");
			cells(pins, 1, "Oak Shelves", "https://images.example.com/a.jpg", "Kitchen Ideas", "acme-home");
			cells(pins, 2, "Small Desk", "https://images.example.com/b.jpg", "Home Office", "acme-home");
			cells(pins, 3, "Wall Hooks", "https://images.example.com/c.jpg", "Kitchen Ideas", "acme-home",
					"2027-06-01 09:00");
			cells(pins, 4, "Door Hooks", "https://images.example.com/d.jpg", "Kitchen Ideas", "acme-home");
			pins.getRow(2).setZeroHeight(true);
			pins.addMergedRegion(CellRangeAddress.valueOf("E4:E5"));
		});

		// when
		CommandLineRun run = run("--input=" + workbook);

		// then: both are said (the hidden row is still sent: nothing in the file says which rows the user meant)
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains(workbook + " sheet 'Pins': row 3 is hidden in the sheet (a filter, or hidden by"
				+ " hand) and sent like the others; delete it from the sheet to leave it out")
			.contains(workbook + " sheet 'Pins': cells E4:E5 are merged: each row of a merged range reads its first"
					+ " cell's value, in the range's first column (its other columns read as empty); check the rows in"
					+ " the result file, or unmerge the cells and fill each one");
		assertThat(run.out().indexOf("cells E4:E5 are merged")).isLessThan(run.out().indexOf("4 rows:"));
		assertThat(creates()).hasSize(4);
		// and both rows under the date are scheduled for it (before: row 5 read no date and was published at once)
		assertThat(ResultRows.read(dir.resolve("plan.results.xlsx")))
			.filteredOn(row -> List.of("4", "5").contains(row.get("row")))
			.allSatisfy(row -> assertThat(row).containsEntry("status", "SCHEDULED")
				.containsEntry("publish_at_utc", "2027-06-01T09:00:00Z"))
			.hasSize(2);
	}

	@Test
	void aSheetNamedInAnotherCaseIsTheSameRunWithTheSameResultFile() throws IOException {
		// given: a sheet run once as --sheet=June
		Path workbook = workbook("plan.xlsx", book -> {
			Sheet june = book.createSheet("June");
			cells(june, 0, "Title", "Media URL", "Pinterest board", "Account");
			cells(june, 1, "Oak Shelves", "https://images.example.com/case/a.jpg", "Kitchen Ideas", "acme-home");
		});
		CommandLineRun first = run("--input=" + workbook, "--sheet=June");
		assertThat(first.exitCode()).as(first.toString()).isZero();

		// when the next night's command types it otherwise
		CommandLineRun again = run("--input=" + workbook, "--sheet=june");

		// then it is the same run, already processed, and writes the same result file (before: plan.june.results.xlsx,
		// a new run)
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).contains("already processed");
		assertThat(dir.resolve("plan.June.results.xlsx")).exists();
		assertThat(dir.resolve("plan.june.results.xlsx")).doesNotExist();
		assertThat(creates()).hasSize(1);
	}

	@Test
	void workbookInGivesAWorkbookOutPerSheetAndRetryFailedWritesAWorkbookAgain() throws IOException {
		// given: a workbook with two sheets of pins, one with a row that will be INVALID
		Path workbook = workbook("plan.xlsx", book -> {
			Sheet june = book.createSheet("June");
			cells(june, 0, "Title", "Media URL", "Pinterest board", "Account", "Link");
			cells(june, 1, "Oak Shelves", "https://images.example.com/a.jpg", "Kitchen Ideas", "acme-home",
					"http://www.acme-home.example/a");
			Sheet july = book.createSheet("July");
			cells(july, 0, "Title", "Media URL", "Pinterest board", "Account");
			cells(july, 1, "Small Desk", "https://images.example.com/b.jpg", "Home Office", "acme-home");
		});

		// when each sheet is run
		CommandLineRun june = run("--input=" + workbook, "--sheet=June");
		CommandLineRun july = run("--input=" + workbook, "--sheet=July");

		// then each has its own workbook of results: status colours and a filter on the header
		assertThat(june.exitCode()).as(june.toString()).isEqualTo(3);
		assertThat(july.exitCode()).as(july.toString()).isZero();
		Path juneResults = dir.resolve("plan.June.results.xlsx");
		try (XSSFWorkbook results = new XSSFWorkbook(Files.newInputStream(juneResults))) {
			XSSFSheet sheet = results.getSheetAt(0);
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:");
			Row row = sheet.getRow(1);
			int status = column(sheet, "status");
			assertThat(row.getCell(status).getStringCellValue()).isEqualTo("INVALID");
			assertThat(((XSSFColor) row.getCell(status).getCellStyle().getFillForegroundColorColor()).getARGBHex())
				.isEqualTo("FFFFC7CE");
			// the user fixes the link in the result workbook: a fresh cell, as a spreadsheet program writes it
			row.removeCell(row.getCell(4));
			row.createCell(4).setCellValue("https://www.acme-home.example/a");
			try (OutputStream out = Files.newOutputStream(juneResults)) {
				results.write(out);
			}
		}
		try (XSSFWorkbook results = new XSSFWorkbook(Files.newInputStream(dir.resolve("plan.July.results.xlsx")))) {
			XSSFSheet sheet = results.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(column(sheet, "status")).getStringCellValue()).isEqualTo("PUBLISHED");
		}

		// when the fixed result workbook is retried
		CommandLineRun retry = run("--retry-failed=" + juneResults);

		// then the retry writes a workbook again
		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		try (XSSFWorkbook results = new XSSFWorkbook(Files.newInputStream(dir.resolve("plan.June.results.retry.xlsx")))) {
			XSSFSheet sheet = results.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(column(sheet, "status")).getStringCellValue()).isEqualTo("PUBLISHED");
		}
		assertThat(creates()).hasSize(2);
	}

	@Test
	void excelsOwnDamageIsUndoneOrNamed() throws IOException {
		// given: spaces and invisible characters pasted around a title, curly quotes around a link, a date saved
		// as its serial number, and a title Excel turned into a yes/no value
		Path input = write("pins.csv", "title,media_url,board,account,link,publish_at\r\n"
				+ "\u00a0Oak Shelves\u200b,https://images.example.com/a.jpg,Kitchen Ideas,acme-home,"
				+ "\u201chttps://www.acme-home.example/k\u201d,46539.375\r\n"
				+ "TRUE,https://images.example.com/b.jpg,Kitchen Ideas,acme-home,,\r\n", StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + input);

		// then what was sent is what the user meant, and each repair or doubt is named
		assertThat(run.exitCode()).as(run.toString()).isZero();
		JsonNode first = creates().stream().map(request -> JSON.readTree(request.body()))
			.filter(body -> body.has("scheduledFor")).findFirst().orElseThrow();
		JsonNode pinterest = first.get("platforms").get(0).get("platformSpecificData");
		assertThat(pinterest.get("title").asString()).isEqualTo("Oak Shelves");
		assertThat(pinterest.get("link").asString()).isEqualTo("https://www.acme-home.example/k");
		assertThat(first.get("scheduledFor").asString()).isEqualTo("2027-06-01T09:00:00Z");
		assertThat(run.out()).contains("publish_at row 2: '46539.375' is a spreadsheet's serial date number, read as"
				+ " 2027-06-01 09:00")
			.contains("link row 2: the quotes around the URL (\u201chttps://www.acme-home.example/k\u201d) were removed")
			.contains("title row 3 is TRUE: a spreadsheet turned the cell into a yes/no value");
		// the result file keeps the cells as the file gave them
		assertThat(ResultRows.read(dir.resolve("pins.results.csv")).get(0)).containsEntry("publish_at", "46539.375");
	}

	@Test
	void leadingZerosAFormatShowsAreKeptAndANumberCellInAnIdColumnIsNamed() throws IOException {
		// given: a workbook as Excel saves it, titles and SKUs typed into number cells formatted "00000" (Excel
		// shows 00042), and a board typed into a plain number cell (Excel shows 4521, whatever was typed)
		Path workbook = workbook("plan.xlsx", book -> {
			CellStyle padded = book.createCellStyle();
			padded.setDataFormat(book.createDataFormat().getFormat("00000"));
			Sheet pins = book.createSheet("Pins");
			cells(pins, 0, "title", "media_url", "board", "account", "sku");
			Row first = pins.createRow(1);
			first.createCell(0).setCellValue(42);
			first.createCell(1).setCellValue("https://images.example.com/a.jpg");
			first.createCell(2).setCellValue("Kitchen Ideas");
			first.createCell(3).setCellValue("acme-home");
			first.createCell(4).setCellValue(7);
			first.getCell(0).setCellStyle(padded);
			first.getCell(4).setCellStyle(padded);
			Row second = pins.createRow(2);
			second.createCell(0).setCellValue("Small Desk");
			second.createCell(1).setCellValue("https://images.example.com/b.jpg");
			second.createCell(2).setCellValue(4521);
			second.createCell(3).setCellValue("acme-home");
		});

		// when
		CommandLineRun run = run("--input=" + workbook);

		// then: the padded title reaches Zernio as Excel shows it, the SKU travels to the result file so, and the
		// number board is named (it cannot be undone: the zeros are not in the file); no board of the account has
		// that id, so its row is not sent
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(creates()).extracting(request -> JSON.readTree(request.body()).get("platforms").get(0)
			.get("platformSpecificData").get("title").asString()).containsExactly("00042");
		assertThat(ResultRows.read(dir.resolve("plan.results.xlsx"))).extracting(row -> row.get("error_code"))
			.containsExactly("", "board_not_found");
		assertThat(run.out()).contains("board row 3: '4521' is a number cell, and a spreadsheet drops the leading"
				+ " zeros of numbers; if it began with 0, format the column as Text and retype it");
		try (XSSFWorkbook results = new XSSFWorkbook(Files.newInputStream(dir.resolve("plan.results.xlsx")))) {
			XSSFSheet sheet = results.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(column(sheet, "sku")).getStringCellValue()).isEqualTo("00007");
			assertThat(sheet.getRow(1).getCell(column(sheet, "title")).getStringCellValue()).isEqualTo("00042");
		}
	}

	private static int column(Sheet sheet, String header) {
		for (Cell cell : sheet.getRow(0)) {
			if (cell.getStringCellValue().equals(header)) {
				return cell.getColumnIndex();
			}
		}
		throw new AssertionError("no column " + header);
	}

	private static void cells(Sheet sheet, int row, String... values) {
		Row created = sheet.createRow(row);
		for (int i = 0; i < values.length; i++) {
			created.createCell(i).setCellValue(values[i]);
		}
	}

	/** The file read as a spreadsheet that splits at {@code delimiter} reads it: a UTF-8 BOM, then RFC 4180. */
	private static List<List<String>> delimitedRows(Path file, char delimiter) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			assertThat(reader.read()).isEqualTo('\uFEFF');
			CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
			return CSVParser.builder().setReader(reader).setFormat(format).get().getRecords().stream()
				.map(CSVRecord::toList)
				.toList();
		}
	}

	/** The one create carries the row's text exactly, whatever the file's encoding was. */
	/**
	 * Control characters in a cell (a terminal's colours, a bell, left by a copy from a console or a database export)
	 * are not sent: before, the pin carried them unseen, while the result file showed the text without them.
	 */
	@Test
	void aColumnWithDataUnderAnEmptyHeaderIsNamed() throws IOException {
		// the description header deleted by mistake: before, its column went unread without a word
		Path input = write("pins.csv", "title,,media_url,board,account,\n"
				+ "Oak shelves,Solid oak for small kitchens,https://images.example.com/hl.jpg,Kitchen Ideas,acme-home,\n",
				StandardCharsets.UTF_8);

		CommandLineRun run = run("--input=" + input);

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("column B ('Solid oak for small kitchens' in row 2) holds data under an empty"
				+ " header cell, so it is not read: give it a header if it holds a pin field")
			.doesNotContain("column F");
	}

	@Test
	void aStrayNulByteInATextFileIsRemovedLikeOtherControlCharacters() throws IOException {
		// before: the whole file was refused as "not a CSV or XLSX file", with a hint about UTF-16 that did not apply
		Path input = write("pins.csv", HEADER + "\n" + "Oak shelves,Solid oak\u0000 for small kitchens,"
				+ "https://images.example.com/nul.jpg,Kitchen Ideas,https://www.acme-home.example/nul,acme-home\n",
				StandardCharsets.UTF_8);

		CommandLineRun run = run("--input=" + input);

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("description row 2 holds control characters (U+0000)");
		assertThat(JSON.readTree(creates().get(0).body()).get("content").asString())
			.isEqualTo("Solid oak for small kitchens");
	}

	@Test
	void aStrayNulBesideAFewOtherControlBytesIsRemovedWithThemNotTakenForABinaryFile() throws IOException {
		// before: a NUL with a form feed and a 0x01 elsewhere in the file refused it as "not a CSV or XLSX file"
		Path input = write("pins.csv", "title,description,media_url,board,account\n"
				+ "Oak\u0000 shelves,Solid oak\f,https://images.example.com/nul-ff.jpg,Kitchen Ideas,acme-home\n"
				+ "Tiles,Blue\u0001 tiles,https://images.example.com/nul-soh.jpg,Kitchen Ideas,acme-home\n",
				StandardCharsets.UTF_8);

		CommandLineRun run = run("--input=" + input);

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("title row 2 holds control characters (U+0000)");
		assertThat(creates()).extracting(request -> JSON.readTree(request.body()).get("content").asString())
			.containsExactlyInAnyOrder("Solid oak", "Blue tiles");
	}

	@Test
	void accentedLettersCopiedDecomposedCountOnceInATitlesLengthAndAreSentComposed() throws IOException {
		// text copied from macOS: each é is an e and a combining accent. 100 letters as shown, 108 code points: it
		// was refused as title_too_long ('108 characters')
		String decomposed = "Cre\u0300me brule\u0301e ".repeat(4) + "x".repeat(100 - 13 * 4);
		assertThat(decomposed.codePointCount(0, decomposed.length())).isEqualTo(108);
		Path input = write("pins.csv", "title,description,media_url,board,account\n" + decomposed
				+ ",Cre\u0300me du jour,https://images.example.com/nfd.jpg,Kitchen Ideas,acme-home\n",
				StandardCharsets.UTF_8);

		CommandLineRun run = run("--input=" + input);

		assertThat(run.exitCode()).as(run.toString()).isZero();
		JsonNode body = JSON.readTree(creates().get(0).body());
		String title = body.get("platforms").get(0).get("platformSpecificData").get("title").asString();
		assertThat(title).isEqualTo(Normalizer.normalize(decomposed, Normalizer.Form.NFC)).hasSize(100);
		assertThat(body.get("content").asString()).isEqualTo("Cr\u00e8me du jour");
		assertThat(ResultRows.read(dir.resolve("pins.results.csv")).get(0)).as("the cell as the file gave it")
			.containsEntry("title", decomposed);
	}

	@Test
	void strayNulBytesInAShortFileAreRemovedTooNotTakenForUtf16() throws IOException {
		// before: one NUL in a file of two lines (more than one byte in a hundred) refused it with the UTF-16 hint
		Path input = write("pins.csv", "title,description,media_url,board,account\n"
				+ "Cr\u00e8me\u0000 shelves,Solid oak\u0000\u0000\u0000\u0000,https://images.example.com/nul.jpg,"
				+ "Kitchen Ideas,acme-home\n", StandardCharsets.UTF_8);

		CommandLineRun run = run("--input=" + input);

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("title row 2 holds control characters (U+0000)").doesNotContain("UTF-16");
		JsonNode body = JSON.readTree(creates().get(0).body());
		assertThat(body.get("content").asString()).isEqualTo("Solid oak");
		assertThat(body.get("platforms").get(0).get("platformSpecificData").get("title").asString())
			.isEqualTo("Cr\u00e8me shelves");
	}

	@Test
	void controlCharactersInACellAreRemovedBeforeSendingAndNamed() throws IOException {
		Path input = write("pins.csv", HEADER + "\n" + "Bell\u0007 shelves,Colour \u001B[31mred\u001B[0m shelves\u0085,"
				+ "https://images.example.com/k.jpg,Kitchen Ideas,https://www.acme-home.example/k,acme-home\n",
				StandardCharsets.UTF_8);

		CommandLineRun run = run("--input=" + input);

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("title row 2 holds control characters (U+0007), which a pin would carry unseen:"
				+ " they were removed");
		JsonNode body = JSON.readTree(creates().get(0).body());
		assertThat(body.get("content").asString()).isEqualTo("Colour [31mred[0m shelves");
		assertThat(body.get("platforms").get(0).get("platformSpecificData").get("title").asString())
			.isEqualTo("Bell shelves");
	}

	@Test
	void aHeaderRowRepeatedWhereFilesWerePastedTogetherIsNamedAsSuchAndNotSent() throws IOException {
		// three exports pasted one under the other: before, each repeated header was INVALID for five unrelated
		// problems ("media_url 'media_url' has no file extension", "account 'account' not found", ...), the second
		// also as a duplicate of the first
		String second = "Oak desk,Fold-down desk,https://images.example.com/d.jpg,Kitchen Ideas,"
				+ "https://www.acme-home.example/d,acme-home";
		Path input = write("pins.csv", HEADER + "\n" + ROW + "\n" + HEADER + "\n" + second + "\n"
				+ HEADER.toUpperCase(Locale.ROOT) + "\n", StandardCharsets.UTF_8);

		CommandLineRun run = run("--input=" + input);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(run.out()).contains("header_row_repeated: 2 rows, e.g. row 3");
		assertThat(creates()).hasSize(2);
		List<Map<String, String>> rows = ResultRows.read(dir.resolve("pins.results.csv"));
		assertThat(rows).extracting(row -> row.get("status"))
			.containsExactly("PUBLISHED", "INVALID", "PUBLISHED", "INVALID");
		assertThat(List.of(rows.get(1), rows.get(3))).allSatisfy(row -> assertThat(row)
			.containsEntry("error_code", "header_row_repeated")
			.containsEntry("error_message", "the row repeats the header row (title, description, media_url, board,"
					+ " link, account): it is no pin — delete the row (two files pasted one under the other leave a"
					+ " header row at the join)"));
	}

	private void assertSentAsWritten() {
		assertThat(creates()).hasSize(1);
		JsonNode body = JSON.readTree(creates().get(0).body());
		assertThat(body.get("content").asString()).isEqualTo("“Open” shelves for 5 €");
		assertThat(body.get("platforms").get(0).get("platformSpecificData").get("title").asString())
			.isEqualTo("Crème brûlée shelves");
	}

	@Test
	void aContentCalendarsDateAndTimeColumnsScheduleEachPinInsteadOfPublishingItNow() throws IOException {
		// given: a content calendar, the day and the time of day in columns of their own (they were not read: every
		// pin was published at once)
		Path input = write("calendar.csv", """
				Title,Caption,Image,Board,Date,Time
				Oak shelves,Open oak shelves,https://images.example.com/oak.jpg,Kitchen Ideas,2027-03-01,9:30 PM
				Pine shelves,Pine shelves,https://images.example.com/pine.jpg,Kitchen Ideas,2027-03-02,
				Ash shelves,Ash shelves,https://images.example.com/ash.jpg,Kitchen Ideas,,14:00
				""", StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + input, "--account=acme-home", "--timezone=Europe/Berlin");

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(run.out()).doesNotContain("not used");
		assertThat(creates()).extracting(create -> JSON.readTree(create.body()).get("scheduledFor").asString())
			.containsExactlyInAnyOrder("2027-03-01T20:30:00Z", "2027-03-02T08:00:00Z");
		assertThat(ResultRows.read(dir.resolve("calendar.results.csv"))).extracting(row -> row.get("status") + " "
				+ row.get("error_message")).containsExactly("SCHEDULED ", "SCHEDULED ", "INVALID Date and Time '14:00'"
						+ " is a time without a date — give the date too (e.g. 2027-03-01 14:00), or leave it empty to"
						+ " publish now");
	}

	@Test
	void aGermanExcelSheetWhoseImageAndLinkColumnsHaveTheirGermanNamesIsSent() throws IOException {
		// given: a plan saved by a German Excel (Windows-1252, semicolons, a title row), its image column "Bild-URL"
		// (no column gave the media: the file was refused), its link column "Ziel-URL" and its dates as the sheet
		// shows them, the month named in German (they were publish_at_invalid)
		Path input = write("plan.csv", """
				Pinterest-Plan Dezember;;;;;
				Titel;Beschreibung;Bild-URL;Pinnwand;Ziel-URL;Datum
				Glühwein;Heißer Glühwein für kalte Tage;https://images.example.com/gluehwein.jpg;Kitchen Ideas;\
				https://shop.example.com/gluehwein;Freitag, 24. Dezember 2027 um 18:30
				""".replace("\n", "\r\n"), Charset.forName("windows-1252"));

		// when
		CommandLineRun run = run("--input=" + input, "--account=acme-home", "--timezone=Europe/Berlin");

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("input: " + input + ": read by a name of the fallback list"
				+ " (config/fallback-header-names.yml): 'Bild-URL' as media_url, 'Ziel-URL' as link");
		JsonNode create = JSON.readTree(creates().get(0).body());
		assertThat(create.get("mediaItems").get(0).get("url").asString())
			.isEqualTo("https://images.example.com/gluehwein.jpg");
		assertThat(create.toString()).contains("https://shop.example.com/gluehwein");
		assertThat(create.get("scheduledFor").asString()).isEqualTo("2027-12-24T17:30:00Z");
	}

	/**
	 * A column earlier versions did not read: a calendar's "Date" (their pins were published at once), a "Website"
	 * (read by a fallback name; their pins were created without a link).
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Date    | 2027-03-01                 | 2027-03-02                 | 2027-03-03                 | SCHEDULED
			Website | https://shop.example.com/o | https://shop.example.com/p | https://shop.example.com/a | PUBLISHED
			""")
	void pinsSentBeforeAColumnOfTheirsWasReadAreNotCreatedAgain(String header, String first, String second,
			String added, String addedStatus) throws IOException {
		// given: last night's sheet, with that column under a header that no version reads (published at once, as a
		// mapping that reads no column as publish_at still does: this version refuses dates to come left unread)
		String rows = "Oak shelves,Open oak shelves,https://images.example.com/oak.jpg,Kitchen Ideas," + first + "\n"
				+ "Pine shelves,Pine shelves,https://images.example.com/pine.jpg,Kitchen Ideas," + second + "\n";
		Path lastNight = write("pins.csv", "Title,Caption,Image,Board,Not read\n" + rows, StandardCharsets.UTF_8);
		Path noDate = Files.writeString(dir.resolve("no-date.yml"), "publish_at: []\n");
		assertThat(run("--input=" + lastNight, "--account=acme-home", "--mapping=" + noDate).exitCode()).isZero();

		// when: tonight's sheet, a row added, the column read
		Path tonight = write("pins.csv", "Title,Caption,Image,Board," + header + "\n" + rows
				+ "Ash shelves,Ash shelves,https://images.example.com/ash.jpg,Kitchen Ideas," + added + "\n",
				StandardCharsets.UTF_8);
		CommandLineRun run = run("--input=" + tonight, "--account=acme-home");

		// then: only the new row is created, with what the column gives; the others are last night's pins
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(creates()).hasSize(3);
		assertThat(creates().get(2).body()).contains(added + (header.equals("Date") ? "T09:00:00Z" : ""));
		assertThat(run.out()).contains("2 rows are pins that earlier runs created: not sent again");
		assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).extracting(row -> row.get("status"))
			.containsExactly("PUBLISHED", "PUBLISHED", addedStatus);
	}

	@Test
	void aSheetsWebPageSavedInsteadOfTheSheetIsRefusedSayingWhatToDownload() throws IOException {
		// given: what a shared sheet's link gives a browser or script without access: a sign-in page
		Path input = write("sheet.csv", "<!DOCTYPE html><html lang=\"en\"><head><title>Google Sheets - Sign in</title>"
				+ "</head><body></body></html>\n", StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + input, "--account=acme-home");

		// then: one line that says what the file is and what to give (it was "no known columns: found '<!DOCTYPE")
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("pinbatch: " + input + ": is a web page (HTML), not a spreadsheet: a sheet's"
				+ " link saved instead of the sheet? Download the sheet itself as CSV or XLSX (Google Sheets: File >"
				+ " Download > Comma-separated values)\n");
		assertThat(sandbox.requests()).isEmpty();
	}

	@Test
	void aPipeSeparatedFileThatNamesItsDelimiterIsReadAndItsResultFileFeedsRetryFailed() throws IOException {
		// given: an export for Excel, its delimiter named on its first line (the file was not read: no known columns)
		Path input = write("export.csv", """
				sep=|
				title|media_url|board
				Oak, open shelves|https://images.example.com/oak.jpg|Kitchen Ideas
				Pine|http://images.example.com/pine.jpg|Kitchen Ideas
				""", StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + input, "--account=acme-home");

		// then: the result file has commas (it has no sep= line: with pipes it would not be read again)
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		Path results = dir.resolve("export.results.csv");
		assertThat(Files.readAllLines(results).get(0)).startsWith("\uFEFFtitle,media_url,board,row,status");
		assertThat(ResultRows.read(results)).extracting(row -> row.get("title") + " " + row.get("status"))
			.containsExactly("Oak, open shelves PUBLISHED", "Pine INVALID");

		// when the user fixes the link in the result file and retries it
		Files.writeString(results, Files.readString(results).replace("http://images", "https://images"));
		CommandLineRun retry = run("--retry-failed=" + results, "--account=acme-home");

		// then
		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		assertThat(creates()).hasSize(2);
	}

	@Test
	void aRowRetriedFromItsResultFileIsSentWithItsTextAsTypedJoinersAndMarksIncluded() throws IOException {
		// given: a title with a cook (a joiner after a skin tone) and a description with a rainbow flag (a joiner
		// after a variation selector) and Persian (a non-joiner); its link not https, so the row is refused
		String title = "Chef \uD83D\uDC69\uD83C\uDFFD\u200D\uD83C\uDF73 tips";
		String description = "Pride \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 / \u0646\u0627\u0645\u0647\u200C\u0647\u0627";
		Path input = write("emoji.csv", "title,description,media_url,board,link\n" + title + "," + description
				+ ",https://images.example.com/cook.jpg,Kitchen Ideas,http://www.acme-home.example/cook\n",
				StandardCharsets.UTF_8);
		CommandLineRun run = run("--input=" + input, "--account=acme-home");
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);

		// when: the link fixed in the result file, the row retried
		Path results = dir.resolve("emoji.results.csv");
		Files.writeString(results, Files.readString(results).replace("http://www", "https://www"));
		CommandLineRun retry = run("--retry-failed=" + results, "--account=acme-home");

		// then: (before: the result file lost the joiners, and the retry sent a woman and a pan, a white flag and a
		// rainbow, a misspelt word)
		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		assertThat(sandbox.posts()).singleElement().satisfies(post -> assertThat(post.requestBody())
			.contains(title, description));
	}

	@Test
	void aFileWithExcelsSeparatorLineNumbersItsRowsAsExcelShowsThem() throws IOException {
		// given: Excel hides the "sep=;" line: it shows the header as row 1, this http link on row 3
		Path input = write("excel.csv", "sep=;\r\ntitle;media_url;board\r\n"
				+ "Oak;https://images.example.com/oak.jpg;Kitchen Ideas\r\n"
				+ "Pine;http://images.example.com/pine.jpg;Kitchen Ideas\r\n", StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + input, "--account=acme-home", "--dry-run");

		// then: (before: rows 3 and 4, each message a row off)
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(ResultRows.read(dir.resolve("excel.results.csv"))).extracting(row -> row.get("row") + " "
				+ row.get("status")).containsExactly("2 VALID", "3 INVALID");
		assertThat(run.out()).contains("e.g. row 3");
	}

	private Path write(String name, String text, Charset charset) throws IOException {
		Path file = dir.resolve(name);
		Files.write(file, text.getBytes(charset));
		return file;
	}

	/** A workbook as a spreadsheet program saves it, its sheets made by {@code fill}. */
	private Path workbook(String name, Consumer<XSSFWorkbook> fill) throws IOException {
		Path file = dir.resolve(name);
		try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			fill.accept(book);
			book.write(out);
		}
		return file;
	}

	/** The mapping file lines a refused run printed below its error, as a user would copy them. */
	private static String mappingLines(CommandLineRun refused) {
		return refused.out().lines().filter(line -> line.startsWith("  ")).map(line -> line + "\n")
			.collect(Collectors.joining());
	}
}

package com.pinbatch.console;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import com.pinbatch.cli.PinbatchApplication;
import com.pinbatch.input.InputFileState;
import com.pinbatch.job.InputAsPlanned;
import com.pinbatch.job.InputParameters;
import com.pinbatch.job.PinImportJobConfiguration;
import com.pinbatch.job.RunKey;
import com.pinbatch.lease.LeaseHolder;
import com.pinbatch.lease.RunLease;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.result.RowStatus;
import com.pinbatch.schema.InterruptedExecutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's pages on loopback without users (as {@code --serve --sandbox} starts it), with one shared context:
 * the real job repository in a temporary data folder and the built-in sandbox.
 */
@SpringBootTest(classes = PinbatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "pinbatch.console.sandbox=true", "spring.servlet.multipart.max-file-size=64KB" })
@AutoConfigureMockMvc
class ConsolePagesTests {

	@TempDir
	static Path dataFolder;

	@DynamicPropertySource
	static void dataFolder(DynamicPropertyRegistry registry) {
		registry.add("pinbatch.data-dir", () -> dataFolder.toString());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	RunLease leases;

	@Autowired
	Uploads uploads;

	@Autowired
	InterruptedExecutions interruptedExecutions;

	@Autowired
	RowResultStore rowResults;

	@Autowired
	WaitingSends waitingSends;

	@Test
	void theUploadPageIsAFormWithAFileInputAndACsrfToken() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("<form id=\"upload\" method=\"post\" action=\"/uploads\"")))
			.andExpect(content().string(containsString("<input type=\"file\" name=\"file\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void theFilePickerOffersTheSheetsPinbatchCannotReadSoThatTheirChoiceIsToldHowToExportThem() throws Exception {
		// before: .numbers, .ods and .xls files were greyed out in the picker, with no word why
		String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		MockMultipartFile numbers = new MockMultipartFile("file", "plan.numbers", "application/octet-stream",
				numbersDocument());

		assertThat(page).contains("accept=\".csv,.tsv,.txt,.xlsx,.xlsm,.xls,.xlsb,.ods,.numbers\"");
		String review = mvc.perform(multipart("/uploads").file(numbers).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(mvc.perform(get(review)).andReturn().getResponse().getContentAsString())
			.contains("plan.numbers: is an Apple Numbers document; in Numbers choose File &gt; Export To &gt; Excel"
					+ " (or CSV) and give that file");
	}

	/** A zip of a Numbers document's parts, as Numbers saves one. */
	private static byte[] numbersDocument() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("Index/Document.iwa"));
			zip.write(1);
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	/** A row's message says what to give in the command line's words ("run again with --retry-failed=…"). */
	@Test
	void theUploadFormSpeaksAPersonsWordsAndLeavesCommandLineOptionsToHints() throws Exception {
		String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		// before: every label read like "Account (--account)", to someone who never ran a command line
		List<String> labels = Pattern.compile("<label[^>]*>(.*?)</label>", Pattern.DOTALL).matcher(page).results()
			.map(label -> label.group(1).replaceAll("<[^>]*>", ""))
			.toList();
		List<String> hints = Pattern.compile("<label[^>]* title=\"([^\"]*)\"").matcher(page).results()
			.map(label -> label.group(1))
			.toList();
		assertThat(labels).hasSizeGreaterThan(8).allSatisfy(label -> assertThat(label).doesNotContain("--"));
		assertThat(hints).contains("on the command line: --retry-failed",
				"on the command line: --spread", "on the command line: --board", "on the command line: --account",
				"on the command line: --timezone", "on the command line: --sheet",
				"on the command line: --date-format");
		// nothing of the template's own notes reaches the page
		assertThat(page).doesNotContain("<!--");
	}

	@Test
	void everyPageForbidsScriptsFromElsewhere() throws Exception {
		mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("object-src 'none'")))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	@Test
	void anUploadWithoutTheCsrfTokenIsRefused() throws Exception {
		mvc.perform(multipart("/uploads").file(csv("pins.csv", "title\nx\n"))).andExpect(status().isForbidden());
		mvc.perform(multipart("/uploads").file(csv("pins.csv", "title\nx\n")).with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
	}

	@Test
	void anEmptyFileIsRefusedWithAMessage() throws Exception {
		mvc.perform(multipart("/uploads").file(csv("pins.csv", "")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("choose a CSV or XLSX file to upload (the one chosen is"
					+ " empty)")));
		// no file chosen, as a browser sends the form then (before: "the one chosen is empty", of none)
		String none = mvc.perform(multipart("/uploads").file(csv("", "")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(none).contains("choose a CSV or XLSX file to upload").doesNotContain("the one chosen");
	}

	@Test
	void aFileOverTheLimitIsRefusedWithTheLimit() throws Exception {
		mvc.perform(multipart("/uploads").file(csv("big.csv", "title\n" + "x".repeat(70 * 1024) + "\n")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("the file is larger than the console takes (64KB")));
	}

	/**
	 * A request over the limit, as a browser sends it (the form's CSRF token inside the body the container would give
	 * up reading): back to the upload page with the limit in one line, not "Forbidden" nor an error page.
	 */
	@Test
	void anUploadRequestOverTheLimitGoesBackToTheUploadPageWithOneLine() throws Exception {
		String boundary = "pinbatchBoundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nnot-read\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\ntitle\n" + "x".repeat(70 * 1024) + "\n\r\n--" + boundary + "--\r\n";
		MvcResult refused = mvc.perform(post("/uploads").contentType("multipart/form-data; boundary=" + boundary)
			.content(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.andExpect(status().isSeeOther())
			.andReturn();
		String page = mvc.perform(get(refused.getResponse().getRedirectedUrl()))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<p class=\"problem\" role=\"alert\">the file is larger than the console takes"
				+ " (64KB, spring.servlet.multipart.max-file-size); split it, or run it from the command line</p>")
			.contains("<form id=\"upload\"")
			.doesNotContain("Exception", "Whitelabel", "Forbidden");
	}

	/** Before: "(999). Nothing was sent because of it", whatever had been sent before the page failed. */
	@Test
	void theErrorPageClaimsNothingItDoesNotKnow() throws Exception {
		String page = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)).andReturn().getResponse()
			.getContentAsString();

		assertThat(page).contains("The console could not show this page.", "A run already started goes on without it")
			.doesNotContain("999", "Nothing was sent");
	}

	/** A button's address opened as a page (a bookmark, a link shared): before, "Something went wrong (405)". */
	@Test
	void aButtonsAddressOpenedAsAPageSaysWhatItIs() throws Exception {
		String page = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
			.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 405)).andReturn().getResponse()
			.getContentAsString();

		assertThat(page).contains("Not a page", "This address is a button's", "Nothing was done")
			.doesNotContain("Something went wrong");
	}

	@Test
	void aTimeZoneThatIsNoneIsRefusedAsOnTheCommandLineTheFormKeepingWhatWasTyped() throws Exception {
		String page = mvc.perform(multipart("/uploads").file(csv("pins.csv", "title\nx\n"))
			.param("timezone", "Mars/Olympus")
			.param("account", "acme-home")
			.param("board", "Kitchen Ideas")
			.param("sheet", "April")
			.param("spread", "true")
			.param("retry", "true")
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Mars/Olympus is not a time zone; use an IANA name such as Europe/Berlin");
		// before: only the time zone, date format, encoding and mapping came back; the rest was to type again
		assertThat(page).contains("name=\"account\" placeholder=\"id or username\" value=\"acme-home\"",
				"name=\"board\" placeholder=\"id or name\" value=\"Kitchen Ideas\"",
				"name=\"sheet\" placeholder=\"the first visible sheet\" value=\"April\"",
				"name=\"spread\" value=\"true\" checked=\"checked\"",
				"name=\"retry\" value=\"true\" checked=\"checked\"");
	}

	/** Dates the tool cannot settle alone: the row's message names a date format, which the upload form takes. */
	@Test
	void aDateFormatGivenOnUploadReadsDatesThatAreAmbiguousWithoutIt() throws Exception {
		String pins = "title,media_url,board,account,publish_at\n"
				+ "Shelf,https://images.example.com/shelf.jpg,Kitchen Ideas,acme-home,3/1/2030 9:30\n";
		// (the review's own buttons say it: Day first reads them d/M/yyyy)
		assertThat(reviewOf(csv("dates.csv", pins))).contains("INVALID", "press Day first or Month first",
				"name=\"dateFormat\" value=\"d/M/yyyy\">Day first");

		MvcResult posted = mvc.perform(multipart("/uploads").file(csv("dates.csv", pins)).param("dateFormat", "d/M/yyyy")
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		String page = mvc.perform(get(posted.getResponse().getRedirectedUrl())).andExpect(status().isOk()).andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Send 1 pin", "Thu 3 Jan 2030, 09:30 UTC").doesNotContain("ambiguous");
		mvc.perform(multipart("/uploads").file(csv("dates.csv", pins)).param("dateFormat", "yyyy-MM-dd {")
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("date format yyyy-MM-dd { is not a date pattern")))
			.andExpect(content().string(containsString("value=\"yyyy-MM-dd {\"")));
	}

	@Test
	void anUploadOrRunThatDoesNotExistIsNotFound() throws Exception {
		mvc.perform(get("/uploads/0123456789abcdef01234567")).andExpect(status().isNotFound());
		mvc.perform(get("/runs/0123456789abcdef01234567")).andExpect(status().isNotFound());
		mvc.perform(post("/uploads/0123456789abcdef01234567/send").with(csrf())).andExpect(status().isNotFound());
	}

	/** The acceptance contract: posting a spreadsheet shows every row with its status and the INVALID rows' messages. */
	@Test
	void aPostedSpreadsheetShowsEveryRowWithItsStatusAndTheInvalidRowsMessages() throws Exception {
		String page = reviewOf(new MockMultipartFile("file", "mixed.csv", "text/csv",
				Files.readAllBytes(Path.of("samples/mixed.csv"))));
		// samples/mixed.csv: 15 rows, 10 of them INVALID, each with its message and the cell to fix
		assertThat(page).contains("Send 4 pins", "The INVALID rows are not sent");
		assertThat(count(page, "<tr class=\"")).isEqualTo(15);
		assertThat(count(page, "<tr class=\"bad invalid\">")).isEqualTo(10);
		assertThat(page).contains("does not use https; Pinterest only accepts https links",
				"title has 108 characters; Pinterest allows at most 100",
				"<code>http://www.acme-home.example/kitchen/window-herbs</code>");
		assertThat(page).contains("not used: campaign", "processing mixed.csv (15 rows")
			.doesNotContain("console" + File.separator + "uploads" + File.separator);
	}

	/** A file the command line refuses is refused on the page with the command line's message, and no send button. */
	@Test
	void aFileWithoutPinColumnsIsRefusedWithTheCommandLinesMessage() throws Exception {
		String page = reviewOf(csv("notes.csv", "name,remark\nshelf,nice\n"));
		assertThat(page).contains("class=\"problem\"", "notes.csv", "title").doesNotContain("form id=\"send\"");
		// in the console's words, once (before: "or give --mapping=FILE", and the same line again below it)
		assertThat(count(page, "no known columns")).isEqualTo(1);
		assertThat(page).contains("(or give a column mapping on the upload form)").doesNotContain("--mapping=FILE");
	}

	/** A file whose title and board columns have other names: the lines to paste, and where, as the form has it. */
	@Test
	void aFileWhosePinColumnsHaveOtherNamesIsRefusedWithTheMappingLinesToPasteInTheForm() throws Exception {
		String page = reviewOf(csv("export.csv", "Pin titel,Image URL,Campaign\nShelf,https://images.example.com/s.jpg,"
				+ "spring\n"));

		assertThat(page).contains("paste these lines in the Column mapping box of the upload form",
				"title: [&quot;Pin titel&quot;]", "in the Board for every row box")
			.doesNotContain("--mapping=FILE", "--board=NAME", "save these lines as mapping.yml")
			.doesNotContain("form id=\"send\"");
	}

	/** A schedule under a header not known: refused, saying what to paste on the upload form (not --mapping). */
	@Test
	void aScheduleUnderAnUnknownHeaderIsRefusedWithTheLineToPasteInTheForm() throws Exception {
		String page = reviewOf(csv("tool.csv", "title,media_url,board,account,Send at\nA,"
				+ "https://images.example.com/t.jpg,Kitchen Ideas,acme-home,2031-06-01 09:00\n"));

		assertThat(page).contains("holds dates to come", "paste in the Column mapping box of the upload form the line"
				+ " publish_at: [&quot;Send at&quot;]", "paste in the Column mapping box of the upload form the line"
						+ " publish_at: []")
			.doesNotContain("--mapping=FILE", "form id=\"send\"");
	}

	/** A column of the team's own (a campaign) is kept: the note says to map it only if it holds a pin field. */
	@Test
	void aColumnOfTheTeamsOwnIsNamedAsNotUsedWithoutTellingToMapIt() throws Exception {
		String page = reviewOf(csv("campaign.csv", "title,media_url,board,account,campaign\nA,"
				+ "https://images.example.com/c.jpg,Kitchen Ideas,acme-home,spring\n"));

		assertThat(page).contains("not used: campaign — if it holds a pin field, map it in the Column mapping box of"
				+ " the upload form").doesNotContain("map them with");
	}

	/** A team's own headers: the mapping lines the refusal suggests, pasted on the upload form, read the file. */
	@Test
	void aColumnMappingGivenOnUploadReadsTheTeamsOwnHeaders() throws Exception {
		String pins = "Pin label,Visual,Pinboard,account\n"
				+ "Oak shelf,https://images.example.com/oak.jpg,Kitchen Ideas,acme-home\n";
		assertThat(reviewOf(csv("team.csv", pins))).contains("class=\"problem\"", "map your headers: paste these lines")
			.doesNotContain("form id=\"send\"");

		String page = reviewOf(csv("team.csv", pins), "mapping",
				"title: [\"Pin label\"]\nmedia_url: [\"Visual\"]\nboard: [\"Pinboard\"]\n");

		assertThat(page).contains("Send 1 pin", "Oak shelf", "Kitchen Ideas", "https://images.example.com/oak.jpg");
		assertThat(reviewOf(csv("team.csv", pins), "mapping", "titel: [\"Pin label\"]"))
			.contains("class=\"problem\"", "the Column mapping box: unknown field &#39;titel&#39;")
			.doesNotContain("form id=\"send\"", "console" + File.separator + "uploads" + File.separator);
	}

	/** A CSV whose encoding the detection cannot settle: the form takes it as --encoding does, and checks it alike. */
	@Test
	void anEncodingGivenOnUploadReadsTheFileAndOneThatIsNoneIsRefusedAsOnTheCommandLine() throws Exception {
		byte[] pins = ("title,media_url,board,account\nCaf\u00e9 shelf,https://images.example.com/a.jpg,Kitchen Ideas,"
				+ "acme-home\n").getBytes(StandardCharsets.ISO_8859_1);

		String read = reviewOf(new MockMultipartFile("file", "latin.csv", "text/csv", pins), "encoding",
				"ISO-8859-1");
		String refused = reviewOf(new MockMultipartFile("file", "latin.csv", "text/csv", pins), "encoding",
				"klingon");

		assertThat(read).contains("Send 1 pin", "Caf\u00e9 shelf");
		assertThat(refused).contains("class=\"problem\"", "--encoding=klingon is not an encoding Java knows")
			.doesNotContain("form id=\"send\"");
	}

	/** Every cell is hostile: shown as text, never as markup, and nothing on the page is a formula. */
	@Test
	void aHostileCellIsShownAsTextOnly() throws Exception {
		String hostile = "title,description,media_url,board,account\n"
				+ "\"<script>alert(1)</script>\",=cmd|' /C calc'!A0,https://images.example.com/a.jpg\" onerror=\"alert(2),"
				+ "<b>Kitchen</b>,acme-home\n";
		String page = reviewOf(csv("hostile.csv", hostile));
		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Kitchen&lt;/b&gt;")
			.doesNotContain("<script>alert", "<b>Kitchen", "\" onerror=\"");
	}

	/**
	 * Pinterest's template has no account column: the capacity plan's timeline counts each pin against the account
	 * its board is in, as the plan's lines do (before: one timeline per board, each within caps, while the account
	 * went over them).
	 */
	@Test
	void theCapacityTimelineCountsRowsWithoutAnAccountAgainstTheirBoardsAccount() throws Exception {
		StringBuilder csv = new StringBuilder("Title,Media URL,Pinterest board\n");
		for (int i = 0; i < 30; i++) {
			csv.append("Timeline pin ").append(i).append(",https://images.example.com/timeline/").append(i)
				.append(".jpg,").append(i < 15 ? "Kitchen Ideas" : "Small Spaces").append('\n');
		}
		String page = reviewOf(csv("template.csv", csv.toString()));

		// those that fit the day (those beyond it fail, as the plan says; other tests' pins may take some of it)
		assertThat(page).containsPattern("<h3>acme-home: \\d+ pins, per hour</h3>").doesNotContain("<h3>board ");
	}

	/** A 5,000-character title: its column shows it; the line of what to fix shows its start and its length. */
	@Test
	void aTitleFarTooLongIsShownOnceWholeAndInTheLineToFixByItsStart() throws Exception {
		String title = "Shelf".repeat(1000);
		String page = reviewOf(csv("long.csv", "title,media_url,board,account\n" + title
				+ ",https://images.example.com/l.jpg,Kitchen Ideas,acme-home\n"));

		assertThat(count(page, title)).as("before: twice, 10,000 characters of one row").isEqualTo(1);
		assertThat(page).contains("<code>" + title.substring(0, 100) + "… (5000 characters)</code>");
	}

	/**
	 * Each pin's image beside its row: an https image from its address without telling the image host which page
	 * asked (no referrer); anything else (another scheme, a local path outside the upload's folder) shows none, and
	 * the upload's media address serves nothing that is not an image inside that folder.
	 */
	@Test
	void theReviewShowsEachPinsImageFromItsHttpsAddressEscapedAndNothingElse() throws Exception {
		String pins = "title,media_url,board,account\n"
				+ "Shelf,https://images.example.com/shelf.jpg?a=1&b=<2>,Kitchen,acme-home\n"
				+ "Script,javascript:alert(1),Kitchen,acme-home\n"
				+ "Secret,../../../etc/passwd,Kitchen,acme-home\n";
		MvcResult posted = mvc.perform(multipart("/uploads").file(csv("thumbs.csv", pins)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String review = posted.getResponse().getRedirectedUrl();
		String page = mvc.perform(get(review)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(page).contains("<img src=\"https://images.example.com/shelf.jpg?a=1&amp;b=&lt;2&gt;\" alt=\"\""
				+ " loading=\"lazy\" referrerpolicy=\"no-referrer\" class=\"thumb\">");
		assertThat(count(page, "<img ")).isEqualTo(1);
		assertThat(page).doesNotContain("src=\"javascript:", "passwd\"");
		mvc.perform(get(review + "/media/4")).andExpect(status().isNotFound());
		mvc.perform(get(review + "/media/2")).andExpect(status().isNotFound());
	}

	@Test
	void theHistoryListsTheRunsInTheJobRepositoryWithWhoStartedThem() throws Exception {
		mvc.perform(multipart("/uploads").file(csv("history-check.csv", "title,media_url,board\nA,https://x.example/a.jpg,B\n"))
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/history"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<table id=\"history\">")))
			.andExpect(content().string(containsString("history-check.csv")))
			.andExpect(content().string(containsString("console: local")))
			// the server's times with its zone named (before: bare, read as the user's own zone, hours off), and the
			// instant for the browser, which shows it in its own zone
			.andExpect(content().string(matchesPattern("(?s).*<td><time datetime=\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\">"
					+ "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [A-Za-z][^<]*</time></td>.*")))
			.andExpect(content().string(matchesPattern(
					"(?s).*history-check\\.csv.*<td>REVIEW \\(dry run: nothing sent\\)</td>\\s*<td>1</td>\\s*<td class=\"counts\">"
							+ "<span class=\"badge [a-z]+\">1 [A-Z]+</span></td>\\s*<td>console: local</td>.*")));
	}

	/**
	 * A run of this person's upload that a stop cut short (the console stopped with it): its line in the history
	 * leads back to the upload, whose Send goes on where the run stopped; a finished run's line does not.
	 */
	@Test
	void aConsoleRunCutShortLeadsBackToItsUploadToGoOn() throws Exception {
		UploadWithARun uploaded = uploadWithARun("cut-short",
				"title,media_url,board,account\nA,https://images.example.com/a.jpg,Kitchen Ideas,acme-home\n",
				BatchStatus.FAILED);
		String upload = uploaded.upload();
		JobExecution cutShort = uploaded.run();
		JobParameters parameters = cutShort.getJobParameters();

		String history = mvc.perform(get("/history")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(history.replaceAll("\\s+", " ")).contains("<a class=\"go-on\" href=\"" + upload
				+ "\">go on where it stopped</a>");
		assertThat(count(history, "class=\"go-on\"")).as("only the run cut short").isEqualTo(1);
		assertThat(line(history.replaceAll("\\s+", " "), "cut-short.csv")).as("the upload by its name")
			.contains(">cut-short.csv</a></td>").doesNotContain(dataFolder.toString())
			.as("the line leads to its upload's page").contains("<a class=\"upload\" href=\"" + upload + "\"");
		assertThat(page(upload)).as("the upload, however it is reached, says so")
			.contains("<p class=\"stopped\">This file's send stopped before its end")
			// and its button too: how many of the review's rows the stopped send had sent, the review cannot tell
			// (before: "Send 1 pin", which had gone out; a person feared a second pin of each)
			.contains(">Go on where it stopped</button>").doesNotContain("Send 1 pin");

		// once a send of it has completed, neither says so any more
		JobExecution finished = jobRepository.createJobExecution(cutShort.getJobInstance(), parameters,
				new ExecutionContext());
		finished.setStatus(BatchStatus.COMPLETED);
		jobRepository.update(finished);
		assertThat(page("/history")).doesNotContain("href=\"" + upload + "\">go on");
		assertThat(page(upload)).doesNotContain("class=\"stopped\"");
	}

	/**
	 * A run a stop cut short whose file has no row left to send nor any pin whose outcome may change (here: its one row
	 * INVALID) has nothing to go on with: its upload's page offers no Send (a run stopped while it followed its pins
	 * does: {@link ReviewPageTests}).
	 */
	@Test
	void anUploadWhoseRunStoppedWithNothingLeftToSendOrLearnOffersNoSend() throws Exception {
		// given
		String upload = uploadWithARun("all-sent", "title,media_url,board,account,link\n"
				+ "A,https://images.example.com/a.jpg,Kitchen Ideas,acme-home,http://shop.example.com/a\n",
				BatchStatus.STOPPED).upload();

		// when
		String page = page(upload).replaceAll("\\s+", " ");

		// then
		assertThat(page).contains("<p class=\"stopped\">This file's send stopped before its end");
		assertThat(page).doesNotContain("<form id=\"send\"");
	}

	private record UploadWithARun(String upload, JobExecution run) {
	}

	/** An upload of {@code NAME.csv} and a send of it in the job repository that ended {@code status}. */
	private UploadWithARun uploadWithARun(String name, String csv, BatchStatus status) throws Exception {
		MvcResult posted = mvc.perform(multipart("/uploads").file(csv(name + ".csv", csv)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String upload = posted.getResponse().getRedirectedUrl();
		Path file = dataFolder.resolve("console/uploads").resolve(upload.substring("/uploads/".length()))
			.resolve(name + ".csv");
		JobParameters parameters = new JobParametersBuilder().addString(InputParameters.INPUT_FILE, file.toString())
			.addString(InputParameters.BY, "console: local")
			.addString(RunKey.PARAMETER, name)
			.toJobParameters();
		JobExecution run = jobRepository.createJobExecution(
				jobRepository.createJobInstance(PinImportJobConfiguration.JOB_NAME, parameters), parameters,
				new ExecutionContext());
		run.setStatus(status);
		jobRepository.update(run);
		return new UploadWithARun(upload, run);
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/**
	 * A run whose process ended without stopping it (kill -9, a reboot) stays STARTED in the job repository: the
	 * history says that it is not running, as its input's lease tells; a run that a live process holds is just
	 * STARTED.
	 */
	@Test
	void aRunLeftStartedByAProcessThatEndedIsNotShownAsRunning() throws Exception {
		started("left-by-a-crash", "crashed.csv");
		started("running-now", "running.csv");
		rowResults.save("left-by-a-crash", new RowResult(2, RowStatus.PUBLISHED, "p2", null, null, 1, "r2",
				Instant.now()));

		try (LeaseHolder running = leases.acquire("running-now")) {
			String history = page("/history").replaceAll("\\s+", " ");

			// its rows are the input's as planned: the count of rows read was never committed; those it did not reach
			// are PENDING (before: only the 1 PUBLISHED, as if the file had no other row)
			assertThat(line(history, "crashed.csv")).contains("<td>STARTED (its process ended; not running)</td>"
					+ " <td>40</td>", "1 PUBLISHED", "39 PENDING");
			assertThat(line(history, "running.csv")).contains("<td>STARTED</td>");
		}
	}

	/**
	 * A run whose process was killed, then gone on with: Spring Batch's recovery marks the killed try FAILED, which
	 * the history showed as a failure of the run, with the counts of the try that went on after it (the same pins
	 * twice, it seemed).
	 */
	@Test
	void aKilledTryThatARunWentOnFromSaysItsProcessEndedAndCountsNothingTwice() throws Exception {
		// given: a try left STARTED by a killed process, made restartable as the next one starts, which completed
		JobExecution killed = started("killed-then-gone-on", "gone-on.csv");
		interruptedExecutions.makeRestartable(killed);
		JobExecution wentOn = jobRepository.createJobExecution(killed.getJobInstance(), killed.getJobParameters(),
				new ExecutionContext());
		wentOn.setStatus(BatchStatus.COMPLETED);
		wentOn.setExitStatus(ExitStatus.COMPLETED);
		jobRepository.update(wentOn);
		rowResults.save("killed-then-gone-on", new RowResult(2, RowStatus.PUBLISHED, "p2", null, null, 1, "r2",
				Instant.now()));

		// when
		List<String> lines = java.util.Arrays.stream(page("/history").replaceAll("\\s+", " ").split("<tr"))
			.filter(row -> row.contains("gone-on.csv"))
			.toList();

		// then: newest first
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).contains("<td>COMPLETED</td>", "1 PUBLISHED");
		assertThat(lines.get(1)).contains("<td>FAILED (its process ended)</td>").doesNotContain("PUBLISHED");
	}

	/** The history's line of the run of {@code file}. */
	private static String line(String history, String file) {
		return java.util.Arrays.stream(history.split("<tr")).filter(row -> row.contains(file)).findFirst()
			.orElseThrow();
	}

	private JobExecution started(String runKey, String file) {
		JobParameters parameters = new JobParametersBuilder()
			.addString(InputParameters.INPUT_FILE, dataFolder.resolve(file).toString())
			.addString(InputParameters.BY, "host build-1")
			.addString(RunKey.PARAMETER, runKey)
			.toJobParameters();
		ExecutionContext planned = new ExecutionContext();
		InputAsPlanned.record(planned, new InputFileState("as planned"), 40);
		JobExecution execution = jobRepository.createJobExecution(
				jobRepository.createJobInstance(PinImportJobConfiguration.JOB_NAME, parameters), parameters, planned);
		execution.setStatus(BatchStatus.STARTED);
		jobRepository.update(execution);
		return execution;
	}

	/**
	 * Rows over their account's posting caps: the command line's advice is --spread, which a console user chose (or
	 * not) at upload; the review offers it as a button, and the file planned with it schedules them in free slots.
	 */
	@Test
	void rowsOverTheirAccountsCapsAreSpreadFromTheReview() throws Exception {
		String rows = crowded("Crowded", "2032-03-03 10:00");
		MvcResult posted = mvc.perform(multipart("/uploads").file(csv("crowded.csv", rows)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String upload = posted.getResponse().getRedirectedUrl();
		String review = page(upload);
		assertThat(review).contains("Send 25 pins")
			.doesNotContain("The INVALID rows are not sent") // none is
			.contains("2 rows go over an account&#39;s posting caps and would fail")
			.contains("action=\"" + upload + "/spread\"");
		// a check fails nothing: its badge says they are over caps, and their cell to change is the time (before:
		// "2 FAILED", and "account: acme-home" as the cell to fix)
		assertThat(review).contains("<span class=\"badge over-caps\">2 OVER CAPS</span>")
			.doesNotContain("FAILED</span>", "<span class=\"column\">account</span>")
			.contains("<span class=\"column\">publish_at</span>");

		mvc.perform(post(upload + "/spread").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", upload));

		assertThat(page(upload)).contains("Send 27 pins").doesNotContain("/spread\"").doesNotContain("FAILED");
		mvc.perform(post("/uploads/0123456789abcdef01234567/spread").with(csrf())).andExpect(status().isNotFound());
	}

	/**
	 * A file sent without spreading, then planned with it: the page does not say the file was sent (before: "This
	 * file was sent ... Sending it again sends none of its pins twice; it reports what the run came to", above a plan
	 * whose spread rows were never sent).
	 */
	@Test
	void aFileSentThenPlannedAnotherWayIsNotShownAsSent() throws Exception {
		String rows = crowded("Replanned", "2033-04-04 10:00");
		MvcResult posted = mvc.perform(multipart("/uploads").file(csv("replanned.csv", rows)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String upload = posted.getResponse().getRedirectedUrl();
		String run = mvc.perform(post(upload + "/send").with(csrf())).andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		RunPages.finished(mvc, run);
		// with the way to its run's page, where its rows and result file are (before: only to the history)
		assertThat(page(upload)).contains("This file was sent", "<a id=\"sent-run\" href=\"" + run + "\">");

		mvc.perform(post(upload + "/spread").with(csrf())).andExpect(status().is3xxRedirection());

		assertThat(page(upload)).doesNotContain("This file was sent", "Send again").contains("form id=\"send\"");
	}

	@Test
	void theReviewsResultFileDownloadsUnderTheUploadsName() throws Exception {
		reviewOf(csv("spring-pins.csv",
				"title,media_url,board,account\nA,https://images.example.com/a.jpg,Kitchen Ideas,acme-home\n"));
		Matcher link = Pattern.compile("/history/(\\d+)/result").matcher(page("/history"));
		assertThat(link.find()).isTrue();

		String disposition = mvc.perform(get(link.group())).andExpect(status().isOk()).andReturn().getResponse()
			.getHeader("Content-Disposition");

		// before: ".review.results.csv", a hidden file on macOS and Linux, named for no input
		assertThat(ContentDisposition.parse(disposition).getFilename()).isEqualTo("spring-pins.review.results.csv");
	}

	/**
	 * Each review of an upload writes the same result file: the history lists its newest review only (before: a line
	 * per review, which buried the upload's sends), and an earlier review's file is not downloaded (it would give
	 * the later review's rows under the earlier one's counts).
	 */
	@Test
	void anUploadReviewedAgainIsOneLineInTheHistory() throws Exception {
		String rows = crowded("Reviewed twice", "2035-06-06 10:00");
		String upload = mvc.perform(multipart("/uploads").file(csv("reviewed-twice.csv", rows)).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		page(upload);
		mvc.perform(post(upload + "/spread").with(csrf())).andExpect(status().is3xxRedirection());
		page(upload);

		List<String> lines = java.util.Arrays.stream(page("/history").replaceAll("\\s+", " ").split("<tr"))
			.filter(line -> line.contains("reviewed-twice.csv"))
			.toList();

		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).as("the newest review").contains("/result\">download</a>")
			.doesNotContain("/runs/");
		Matcher earlier = Pattern.compile("/history/(\\d+)/").matcher(lines.get(0));
		assertThat(earlier.find()).isTrue();
		long newest = Long.parseLong(earlier.group(1));
		mvc.perform(get("/history/" + (newest - 1) + "/result")).andExpect(status().isNotFound());
	}

	@Test
	void aWatchPageOfARunTheConsoleNoLongerHasSaysSoAndStopsAsking() throws Exception {
		// a run page left open while the console restarted asks for the progress of a run it does not have
		String part = mvc.perform(get("/runs/0123456789abcdef01234567/progress"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		// before: 404, which the page's poll does not show, so it stayed on its last figures for ever
		assertThat(part).contains("This page stopped following its run", "href=\"/history\"").doesNotContain("hx-get");
	}

	/**
	 * The console kept every upload, with its review's and runs' result files, for ever: a console used for months
	 * filled its disk. One nothing happened to for 30 days goes when another upload comes (and at start).
	 */
	@Test
	void anUploadNothingHappenedToForThirtyDaysIsDeletedWhenAnotherComes() throws Exception {
		// given: an upload reviewed 31 days ago, and one of 29 days ago
		String pins = "title,media_url,board,account\nA,https://images.example.com/o.jpg,Kitchen Ideas,acme-home\n";
		String idle = RunPages.upload(mvc, csv("idle.csv", pins));
		String recent = RunPages.upload(mvc, csv("recent.csv", pins));
		// and one sent by this console, whose run page reads its files
		String sent = RunPages.upload(mvc, csv("sent.csv", pins.replace("o.jpg", "s.jpg")));
		String run = RunPages.press(mvc, sent, "/send");
		RunPages.finished(mvc, run);
		Path idleFolder = lastChanged(idle, Duration.ofDays(31));
		Path recentFolder = lastChanged(recent, Duration.ofDays(29));
		Path sentFolder = lastChanged(sent, Duration.ofDays(31));

		// when
		String next = RunPages.upload(mvc, csv("next.csv", pins));

		// then: the idle one is gone with its files, for its owner too; the others stay
		assertThat(idleFolder).doesNotExist();
		mvc.perform(get(idle)).andExpect(status().isNotFound());
		assertThat(recentFolder).isDirectory();
		assertThat(page(recent)).contains("recent.csv");
		assertThat(sentFolder).isDirectory();
		assertThat(page(run)).contains("sent.csv");
		assertThat(page(next)).contains("next.csv");
	}

	/** Sets back the time the upload's folder and files last changed; answers its folder. */
	private Path lastChanged(String upload, Duration ago) throws IOException {
		Path folder = uploads.find(upload.substring("/uploads/".length()), "local").orElseThrow().folder();
		FileTime then = FileTime.from(Instant.now().minus(ago));
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.toList()) {
				Files.setLastModifiedTime(file, then);
			}
		}
		Files.setLastModifiedTime(folder, then);
		return folder;
	}

	/**
	 * A Send pressed while another file was being sent waits for its turn; the console's stop (a restart, a reboot)
	 * drops it before it starts. Nothing of it was sent, and both its upload's page and its run's page say so
	 * (before: the run's page said only that it stopped following "its run", which the history never listed).
	 */
	@Test
	void aSendTheConsolesStopDroppedBeforeItsTurnIsToldOnItsUploadAndRunPages() throws Exception {
		MvcResult posted = mvc.perform(multipart("/uploads").file(csv("waited.csv",
				"title,media_url,board,account\nA,https://images.example.com/w.jpg,Kitchen Ideas,acme-home\n"))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		String upload = posted.getResponse().getRedirectedUrl();
		Upload stored = uploads.find(upload.substring("/uploads/".length()), "local").orElseThrow();
		// what the console that stopped left: the send it had queued, never started
		String dropped = RandomIds.next();
		Instant pressed = Instant.parse("2026-12-05T10:00:00Z");
		waitingSends.waiting(stored, dropped, pressed);

		assertThat(page(upload)).contains("Your Send of this file, pressed at "
				+ DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(stored.timezone()).format(pressed),
				"had not started when the console stopped", "nothing of it was sent", "form id=\"send\"");
		assertThat(page("/runs/" + dropped + "/progress")).contains("This send had not started when the console"
				+ " stopped", "href=\"" + upload + "\"").doesNotContain("hx-get");
		mvc.perform(get("/runs/" + dropped)).andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", upload));

		// once it is sent, neither says so any more
		String run = mvc.perform(post(upload + "/send").with(csrf())).andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		RunPages.finished(mvc, run);
		assertThat(page(upload)).doesNotContain("had not started");
		mvc.perform(get("/runs/" + dropped)).andExpect(status().isNotFound());
	}

	/**
	 * A run's page opened again (reloaded, a bookmark) after the console restarted, which forgets its live runs: it
	 * leads to the run's upload, whose page says how the send stands (before: 404, "no such upload or run").
	 */
	@Test
	void aRunPageOpenedAgainAfterTheConsoleRestartedLeadsToItsUpload() throws Exception {
		MvcResult posted = mvc.perform(multipart("/uploads").file(csv("restarted.csv",
				"title,media_url,board,account\nA,https://images.example.com/r.jpg,Kitchen Ideas,acme-home\n"))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		String upload = posted.getResponse().getRedirectedUrl();
		Upload stored = uploads.find(upload.substring("/uploads/".length()), "local").orElseThrow();
		// what the console that restarted left: a send that started, as its run
		String run = RandomIds.next();
		waitingSends.started(stored, run);

		mvc.perform(get("/runs/" + run)).andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", upload));
		assertThat(page("/runs/" + run + "/progress")).contains("the console was restarted", "href=\"" + upload + "\"")
			.doesNotContain("hx-get", "had not started");
		mvc.perform(get("/runs/" + RandomIds.next())).andExpect(status().isNotFound());
	}

	/** A workbook of a month a sheet: the review names the other sheets with pins, and how to read one here. */
	@Test
	void aWorkbooksOtherSheetWithPinsIsNamedWithTheWayToReadItHere() throws Exception {
		XSSFWorkbook book = new XSSFWorkbook();
		for (String month : List.of("March", "April")) {
			onePin(book.createSheet(month), month + " shelf", "https://images.example.com/" + month + ".jpg");
		}

		String page = reviewOf("calendar.xlsx", book);

		assertThat(page).contains("March shelf", "sheet &#39;April&#39; also has pin columns and rows and is not read"
				+ " (a run reads one sheet, here &#39;March&#39;): choose it with Read this sheet to send its pins")
			.doesNotContain("--sheet=April");
	}

	/**
	 * A workbook whose first sheet is its instructions: the review reads the sheet with pins, and its list of sheets
	 * shows that one as read (before: none selected, so the browser showed "Instructions", and the note said to use
	 * --sheet=NAME).
	 */
	@Test
	void theSheetListShowsTheSheetTheReviewRead() throws Exception {
		XSSFWorkbook book = new XSSFWorkbook();
		book.createSheet("Instructions").createRow(0).createCell(0).setCellValue("Fill in the Pins sheet");
		onePin(book.createSheet("Pins"), "Shelf", "https://images.example.com/shelf.jpg");

		String page = reviewOf("with-instructions.xlsx", book);

		assertThat(page.replaceAll("\\s+", " ")).contains("<option value=\"Pins\" selected=\"selected\">Pins</option>",
				"<option value=\"Instructions\">Instructions</option>",
				"choose another below with Read this sheet")
			.doesNotContain("--sheet=NAME");
	}

	/**
	 * A file without a board column: its review offers one board for every row, and reads the file again with it
	 * (before: only a mapping file's lines, and going back to the upload form with the file).
	 */
	@Test
	void aFileWithoutABoardColumnIsGivenOneBoardOnItsReview() throws Exception {
		MvcResult posted = mvc.perform(multipart("/uploads").file(csv("no-board.csv", """
				Pin Title,Image URL,Account
				Oak shelf,https://images.example.com/no-board/a.jpg,acme-home
				""")).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		String upload = posted.getResponse().getRedirectedUrl();
		assertThat(page(upload)).contains("form id=\"board-for-all\"").doesNotContain("Send 1 pin");

		mvc.perform(post(upload + "/board").param("board", "Kitchen Ideas").with(csrf()))
			.andExpect(status().is3xxRedirection());

		// and the rows say where they go (before: an empty Board column)
		assertThat(page(upload)).contains("Send 1 pin", "<td>Kitchen Ideas</td>")
			.doesNotContain("form id=\"board-for-all\"");
	}

	/**
	 * Dates that read both ways, the file's others not telling which: the review offers Day first and Month first,
	 * and reads the file again in the order chosen (before: the rows said to pass --date-format, which the console
	 * has only on the upload form, the file to choose again).
	 */
	@Test
	void datesThatReadBothWaysAreSettledWithTheReviewsButtons() throws Exception {
		MvcResult posted = mvc.perform(multipart("/uploads").file(csv("both-ways.csv", """
				title,media_url,board,account,publish_at
				Oak shelf,https://images.example.com/both-ways/a.jpg,Kitchen Ideas,acme-home,03/01/2031 09:00
				Tiles,https://images.example.com/both-ways/b.jpg,Kitchen Ideas,acme-home,04/02/2031 10:00
				""")).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		String upload = posted.getResponse().getRedirectedUrl();
		String review = page(upload);
		assertThat(review).contains("form id=\"date-order\"", "press Day first or Month first on the review page")
			.doesNotContain("--date-format=");
		Matcher dayFirst = Pattern.compile("name=\"dateFormat\" value=\"([^\"]+)\">Day first").matcher(review);
		assertThat(dayFirst.find()).isTrue();

		mvc.perform(post(upload + "/date-format").param("dateFormat", HtmlUtils.htmlUnescape(dayFirst.group(1)))
			.with(csrf())).andExpect(status().is3xxRedirection());

		assertThat(page(upload)).contains("Send 2 pins", "3 Jan 2031, 09:00", "4 Feb 2031, 10:00")
			.doesNotContain("form id=\"date-order\"");
	}

	/** An upload may have any name, the one the review's own result file would have included. */
	@Test
	void anUploadNamedLikeTheReviewsResultFileIsReviewed() throws Exception {
		String review = reviewOf(csv("review.results.csv",
				"title,media_url,board,account\nA,https://images.example.com/a.jpg,Kitchen Ideas,acme-home\n"));

		assertThat(review).doesNotContain("would overwrite the input").contains("Send 1 pin");
	}

	/** A sheet of pin columns (title, media_url, board, account) and one pin of acme-home's Kitchen Ideas. */
	private static void onePin(Sheet sheet, String title, String media) {
		List<String> cells = List.of("title", "media_url", "board", "account", title, media, "Kitchen Ideas",
				"acme-home");
		for (int i = 0; i < cells.size(); i++) {
			Row row = sheet.getRow(i / 4) == null ? sheet.createRow(i / 4) : sheet.getRow(i / 4);
			row.createCell(i % 4).setCellValue(cells.get(i));
		}
	}

	/** Uploads the workbook (closing it) as {@code name} and answers the review page it leads to. */
	private String reviewOf(String name, XSSFWorkbook book) throws Exception {
		ByteArrayOutputStream workbook = new ByteArrayOutputStream();
		try (book) {
			book.write(workbook);
		}
		return reviewOf(new MockMultipartFile("file", name,
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.toByteArray()));
	}

	/**
	 * Uploads the file and answers the review page it leads to.
	 *
	 * @param fields the upload form's other fields, as name and value pairs
	 */
	private String reviewOf(MockMultipartFile file, String... fields) throws Exception {
		MockMultipartHttpServletRequestBuilder upload = multipart("/uploads").file(file);
		for (int i = 0; i + 1 < fields.length; i += 2) {
			upload.param(fields[i], fields[i + 1]);
		}
		MvcResult posted = mvc.perform(upload.with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		return mvc.perform(get(posted.getResponse().getRedirectedUrl()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	/** 27 pins of acme-home (25 an hour, 25 a day) all at one time: two over its caps, which Spread schedules. */
	static String crowded(String title, String publishAt) {
		StringBuilder rows = new StringBuilder("title,media_url,board,account,publish_at\n");
		for (int row = 1; row <= 27; row++) {
			rows.append(title).append(' ').append(row).append(",https://images.example.com/")
				.append(title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')).append('-').append(row)
				.append(".jpg,Kitchen Ideas,acme-home,").append(publishAt).append('\n');
		}
		return rows.toString();
	}

	static MockMultipartFile csv(String name, String content) {
		return new MockMultipartFile("file", name, "text/csv", content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}
}

package com.pinbatch.console;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.pinbatch.cli.PinbatchApplication;
import com.pinbatch.run.PinImportRuns;
import com.pinbatch.run.RunListener;
import com.pinbatch.run.RunOutcome;
import com.pinbatch.run.RunRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A finished run's page: follow it up (as {@code --follow-up} on its result file) and download its result file as
 * CSV or XLSX. The sandbox publishes later than the run waits (the run does not wait at all), so a run leaves rows
 * CREATED and pressing "Follow up" learns what became of them.
 */
@SpringBootTest(classes = PinbatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "pinbatch.console.sandbox=true", "pinbatch.follow.max-wait=0s",
				"pinbatch.follow.poll-interval=100ms",
				"pinbatch.sandbox.publish-delay=" + ConsoleFollowUpTests.PUBLISH_DELAY_MS + "ms",
				"pinbatch.sandbox.publish-failure-rate=0.3", "pinbatch.sandbox.latency=0ms",
				"pinbatch.sandbox.latency-jitter=0ms" })
@AutoConfigureMockMvc
class ConsoleFollowUpTests {

	/** The longest the sandbox takes to publish a post after its create. */
	static final int PUBLISH_DELAY_MS = 300;

	/** Six pins; the campaign makes each file's content its own (its job instance; no pin Zernio has already). */
	static String pins(String campaign) {
		String rows = "title,description,media_url,board,account,campaign\n"
				+ "Oak shelf,=cmd|' /C calc'!A0,https://images.example.com/a.jpg,Kitchen Ideas,acme-home,C\n"
				+ "Tiles,nice,https://images.example.com/b.jpg,Kitchen Ideas,acme-home,C\n"
				+ "Herbs,nice,https://images.example.com/c.jpg,Kitchen Ideas,acme-home,C\n"
				+ "Lamp,nice,https://images.example.com/d.jpg,Kitchen Ideas,acme-home,C\n"
				+ "Rug,nice,https://images.example.com/e.jpg,Kitchen Ideas,acme-home,C\n"
				+ "Chair,nice,https://images.example.com/f.jpg,Kitchen Ideas,acme-home,C\n";
		return rows.replace(",C\n", "," + campaign + "\n")
			.replaceAll("\n(\\w+),", "\n$1 " + campaign + ",")
			.replace(",nice,", ",nice " + campaign + ",")
			.replace("A0,", "A0 " + campaign + ",")
			.replace("images.example.com/", "images.example.com/" + campaign + "/");
	}

	@TempDir
	static Path dataFolder;

	@DynamicPropertySource
	static void dataFolder(DynamicPropertyRegistry registry) {
		registry.add("pinbatch.data-dir", () -> dataFolder.toString());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PinImportRuns launcher;

	@Autowired
	com.pinbatch.run.FollowUpRuns followUps;

	@Test
	void anUploadOnceSentSaysSoOnItsPage() throws Exception {
		// one pin on an account and a day of its own: the other tests' pins fill acme-home's caps
		String upload = mvc.perform(multipart("/uploads").file(ConsolePagesTests.csv("sent.csv", """
				title,media_url,board,account,publish_at
				Bench,https://images.example.com/sent/bench.jpg,Garden Projects,acme-garden,2031-09-09 09:00
				""")).with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String before = mvc.perform(get(upload)).andReturn().getResponse().getContentAsString();
		String run = mvc.perform(post(upload + "/send").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		finishedPage(run);

		String after = mvc.perform(get(upload)).andReturn().getResponse().getContentAsString();

		assertThat(before).contains(">Send 1 pin<").doesNotContain("This file was sent");
		assertThat(after).contains("This file was sent", ">Send again<").doesNotContain("Send 1 pin");
	}

	@Test
	void aFinishedRunsPageKeepsItsOwnCountsAfterTheNextRun() throws Exception {
		// given: a one-row run, then a two-row run of another file (accounts and days of their own: the other tests'
		// pins fill acme-home's caps)
		String first = sentAndFinished("first.csv", """
				title,media_url,board,account,publish_at
				Swing,https://images.example.com/first/swing.jpg,Garden Projects,acme-garden,2031-10-10 09:00
				""");
		String second = sentAndFinished("second.csv", """
				title,media_url,board,account,publish_at
				Pot,https://images.example.com/second/pot.jpg,Garden Projects,acme-garden,2031-10-11 09:00
				Hose,https://images.example.com/second/hose.jpg,Garden Projects,acme-garden,2031-10-11 10:00
				""");

		// when
		String firstPage = finishedPage(first);

		// then: each page counts its own rows
		assertThat(firstPage).contains(">1 of 1 rows<").doesNotContain("2 of 2 rows");
		assertThat(finishedPage(second)).contains(">2 of 2 rows<");
	}

	@Test
	void aReviewIsNotListedAsARunAndOffersNoFollowUp() throws Exception {
		// given: a file sent (its pin scheduled), then uploaded again: its review finds the pin an earlier send made
		String pins = """
				title,media_url,board,account,publish_at
				Trellis,https://images.example.com/again/trellis.jpg,Garden Projects,acme-garden,2031-11-11 09:00
				""";
		sentAndFinished("again.csv", pins);
		mvc.perform(multipart("/uploads").file(ConsolePagesTests.csv("again.csv", pins)).with(csrf()))
			.andExpect(status().is3xxRedirection());

		// when
		String history = mvc.perform(get("/history")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		// then: the newest line is the review, said as one, with its row as it found it and nothing to follow up
		String review = entry(history, "again.csv");
		assertThat(review).contains("REVIEW (dry run: nothing sent)", "1 SCHEDULED").doesNotContain("COMPLETED")
			.doesNotContain("follow-up");
	}

	@Test
	void aLargeFilesReviewListsAThousandRowsTheRowsToFixFirst() throws Exception {
		// given: 1,500 rows (more than the other console tests' uploads may be), the last of them to fix (a link
		// that is not https)
		StringBuilder rows = new StringBuilder("title,media_url,board,account,link,publish_at\n");
		for (int row = 1; row <= 1500; row++) {
			rows.append("Large ").append(row).append(",https://images.example.com/large-").append(row)
				.append(".jpg,Kitchen Ideas,acme-home,").append(row == 1500 ? "http" : "https")
				.append("://www.acme-home.example/").append(row).append(",")
				.append(java.time.LocalDate.of(2033, 1, 1).plusDays(row)).append(" 10:00\n"); // a day each: no cap met
		}
		String upload = mvc.perform(multipart("/uploads").file(ConsolePagesTests.csv("large.csv", rows.toString()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

		// when
		String page = mvc.perform(get(upload)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		// then: a page a browser opens at once, with the row to fix in it, and every row still counted
		assertThat(page.split("<tr class=", -1)).hasSize(ShownRows.ROWS_SHOWN + 1);
		assertThat(page).contains("Listed: 1000 of 1500 rows, those to act on first", "<td>1501</td>",
				"<span class=\"status\">INVALID</span>", "Send 1499 pins");
	}

	@Test
	void theFollowUpButtonRefreshesTheStatusesOfAFinishedRun() throws Exception {
		String run = sentAndFinished("follow.csv");
		String before = finishedPage(run);
		assertThat(before).contains("<form id=\"follow-up\"", ">Follow up</button>", "still publishing on Pinterest",
				"name=\"_csrf\"", "CREATED");
		// every create came before the run finished: once the publish delay has passed, every post has its outcome
		// (a quick machine pressed the button before the last publishes and found them still publishing)
		Thread.sleep(PUBLISH_DELAY_MS);

		MvcResult pressed = mvc.perform(post(run + "/follow-up").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String followUp = pressed.getResponse().getRedirectedUrl();
		assertThat(followUp).startsWith("/runs/").isNotEqualTo(run);
		String after = finishedPage(followUp);

		assertThat(after).contains("Follow-up of", "rows asked about with").doesNotContain(">CREATED<");
		assertThat(after).containsPattern("<span class=\"status\">PUBLISHED</span>[\\s\\S]*?<a href=\"https://");
		assertThat(after).contains("<span class=\"status\">FAILED</span>");
		// and the run's own page counts its rows as its result file now has them, with nothing left to follow up
		// (before: the counts of its end, CREATED among them, beside rows that were no longer CREATED)
		assertThat(before).contains("class=\"badge created\"");
		assertThat(finishedPage(run)).doesNotContain("class=\"badge created\"", "<form id=\"follow-up\"")
			.contains("class=\"badge published\"");
	}

	@Test
	void aFollowUpWithoutTheCsrfTokenIsRefused() throws Exception {
		String run = sentAndFinished("no-token.csv");
		mvc.perform(post(run + "/follow-up")).andExpect(status().isForbidden());
		mvc.perform(post(run + "/follow-up").with(csrf().useInvalidToken())).andExpect(status().isForbidden());
		// a finished send's heading says what it was, not "Sending" (a user took the run for one still going)
		assertThat(finishedPage(run)).doesNotContain("Following up", "Follow-up of").contains("<span>Send of</span>");
	}

	/**
	 * A row's message that names the upload's folder on the server (a local media file not in it) says "the upload's
	 * folder" in the downloads too, as on the pages: before, the download showed where the console keeps its data.
	 */
	@Test
	void theDownloadsSayTheUploadsFolderNotTheServersPath() throws Exception {
		String run = sentAndFinished("local-media.csv", """
				title,media_url,board,account,publish_at
				Lamp,https://images.example.com/local/lamp.jpg,Garden Projects,acme-garden,2031-10-12 09:00
				Rug,no-such-picture.jpg,Garden Projects,acme-garden,2031-10-12 10:00
				""");

		String csv = mvc.perform(get(run + "/result")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String history = mvc.perform(get("/history")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		Matcher line = Pattern.compile("/history/(\\d+)/result").matcher(history);
		assertThat(line.find()).isTrue();
		String fromHistory = mvc.perform(get("/history/" + line.group(1) + "/result")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(csv).contains("no-such-picture.jpg", "the upload's folder").doesNotContain(dataFolder.toString());
		assertThat(fromHistory).doesNotContain(dataFolder.toString());
	}

	@Test
	void theResultDownloadsAsCsvAndAsXlsxWithAHostileCellLeftInert() throws Exception {
		String run = sentAndFinished("download.csv");

		byte[] xlsx = mvc.perform(get(run + "/result").param("format", "xlsx"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
					"download.results.xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			Row header = sheet.getRow(0);
			int description = -1;
			for (int column = 0; column < header.getLastCellNum(); column++) {
				if (header.getCell(column).getStringCellValue().equals("description")) {
					description = column;
				}
			}
			assertThat(sheet.getLastRowNum()).isEqualTo(6);
			var hostile = sheet.getRow(1).getCell(description);
			// text, not a formula: a spreadsheet shows it and runs nothing
			assertThat(hostile.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
			assertThat(hostile.getStringCellValue()).contains("=cmd|' /C calc'!A0");
		}

		String csv = mvc.perform(get(run + "/result").param("format", "csv"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
					"download.results.csv")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains("'=cmd|").doesNotContain(",=cmd|");
		assertThat(csv.lines().count()).isEqualTo(7);
		mvc.perform(get(run + "/result").param("format", "pdf")).andExpect(status().isNotFound());
	}

	/**
	 * History comes from the job repository, not from the console's memory: a command-line run (which the console
	 * never saw) is listed with who ran it, its rows by status and a result file that downloads; so is a console run,
	 * whose result file downloads from the history as well.
	 */
	@Test
	void theHistoryListsCommandLineAndConsoleRunsWithCountsAndAWorkingDownload(@TempDir Path elsewhere)
			throws Exception {
		Path input = java.nio.file.Files.writeString(elsewhere.resolve("nightly.csv"), pins("nightly"));
		RunOutcome outcome = launcher.run(new RunRequest(List.of(input), null, false, null, null, null, null, null,
				java.time.ZoneId.of("UTC"), null, "now", false, null, false, false, true,
				"host " + com.pinbatch.host.ThisHost.name()), RunListener.SILENT);
		assertThat(outcome.inputs()).hasSize(1);
		sentAndFinished("console-run.csv");

		String history = mvc.perform(get("/history")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		String nightly = entry(history, "nightly.csv");
		assertThat(nightly).contains("host ", "nightly.results.csv").containsPattern("\\d+ (CREATED|PUBLISHED)");
		String console = entry(history, "console-run.csv");
		assertThat(console).contains("console: local").containsPattern("\\d+ (CREATED|PUBLISHED)");

		for (String entry : List.of(nightly, console)) {
			java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/history/\\d+/result)\"")
				.matcher(entry);
			assertThat(link.find()).as("a download link in %s", entry).isTrue();
			String csv = mvc.perform(get(link.group(1)).param("format", "csv"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(csv.lines().count()).isEqualTo(7);
			assertThat(csv).contains("Oak shelf", "status");
		}
		mvc.perform(get("/history/999999/result")).andExpect(status().isNotFound());
	}

	/**
	 * The history follows up a finished console run too: the run's own page lives only as long as the console that
	 * ran it, the history as long as the job repository. Nightly runs of the command line have no such button.
	 */
	@Test
	void theHistoryFollowsUpAFinishedConsoleRunWithRowsStillPublishing(@TempDir Path elsewhere) throws Exception {
		// on another account than the other tests' pins: the sandbox's caps (25 an hour) hold for the whole class
		Path input = java.nio.file.Files.writeString(elsewhere.resolve("cron.csv"), onTheGardenAccount(pins("cron")));
		launcher.run(new RunRequest(List.of(input), null, false, null, null, null, null, null,
				java.time.ZoneId.of("UTC"), null, "now", false, null, false, false, true,
				"host " + com.pinbatch.host.ThisHost.name()), RunListener.SILENT);
		sentAndFinished("from-history.csv", onTheGardenAccount(pins("from-history")));
		Thread.sleep(PUBLISH_DELAY_MS); // every post has its outcome by now

		String history = mvc.perform(get("/history")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(entry(history, "cron.csv")).doesNotContain("follow-up");
		java.util.regex.Matcher button = java.util.regex.Pattern.compile(
				"<form class=\"follow-up\" method=\"post\"\\s+action=\"(/history/\\d+/follow-up)\">\\s*"
						+ "<input type=\"hidden\" name=\"_csrf\"")
			.matcher(entry(history, "from-history.csv"));
		assertThat(button.find()).as(entry(history, "from-history.csv")).isTrue();
		MvcResult pressed = mvc.perform(post(button.group(1)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();

		String after = finishedPage(pressed.getResponse().getRedirectedUrl());
		assertThat(after).contains("Follow-up of", "rows asked about with").doesNotContain(">CREATED<");
		mvc.perform(post(button.group(1))).andExpect(status().isForbidden());

		// and the history shows the run's file as the follow-up left it, with nothing left to follow up (before: the
		// counts the run ended with, CREATED among them, and the button still offered)
		String followed = entry(mvc.perform(get("/history")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(), "from-history.csv");
		assertThat(followed).doesNotContain("created").doesNotContain("follow-up").contains("badge published");
	}

	/**
	 * Two runs writing one result file (--results, or a sheet's runs night after night), then a follow-up of it: the
	 * file is the newer run's since, and so are the follow-up's counts; the older run keeps its own.
	 */
	@Test
	void aFollowUpsCountsAreTheNewestRunsOfItsFileNotAnOlderOnes(@TempDir Path elsewhere) throws Exception {
		Path shared = elsewhere.resolve("shared.results.csv");
		Path older = java.nio.file.Files.writeString(elsewhere.resolve("older.csv"),
				String.join("\n", onTheGardenAccount(pins("older")).lines().limit(3).toList()) + "\n");
		Path newer = java.nio.file.Files.writeString(elsewhere.resolve("newer.csv"), onTheGardenAccount(pins("newer")));
		for (Path input : List.of(older, newer)) {
			launcher.run(new RunRequest(List.of(input), shared, false, null, null, null, null, null,
					java.time.ZoneId.of("UTC"), null, "now", false, null, false, false, true,
					"host " + com.pinbatch.host.ThisHost.name()), RunListener.SILENT);
		}
		Thread.sleep(PUBLISH_DELAY_MS); // every post has its outcome by now
		followUps.run(shared, shared, true, RunListener.SILENT);

		String history = mvc.perform(get("/history")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		// (before: the older run's entry showed the newer file's six rows, as the follow-up left them)
		assertThat(countedRows(entry(history, "newer.csv"))).isEqualTo(6);
		assertThat(countedRows(entry(history, "older.csv"))).isEqualTo(2);
	}

	/** The rows an entry's badges count, all statuses together. */
	private static long countedRows(String entry) {
		java.util.regex.Matcher badge = java.util.regex.Pattern.compile(">(\\d+) [A-Z]+</span>").matcher(entry);
		long rows = 0;
		while (badge.find()) {
			rows += Long.parseLong(badge.group(1));
		}
		return rows;
	}

	/** The history table's row naming the file (the first, newest one). */
	private static String entry(String history, String file) {
		for (String row : history.split("<tr>")) {
			if (row.contains(file) && row.contains("</tr>")) {
				return row.substring(0, row.indexOf("</tr>"));
			}
		}
		throw new AssertionError(file + " is not in the history");
	}

	private static String onTheGardenAccount(String pins) {
		return pins.replace(",Kitchen Ideas,acme-home,", ",Garden Projects,acme-garden,");
	}

	/** Uploads the file, sends it and waits for the run to end; answers the run's page address. */
	String sentAndFinished(String name) throws Exception {
		return sentAndFinished(name, pins(name));
	}

	String sentAndFinished(String name, String content) throws Exception {
		MvcResult uploaded = mvc.perform(multipart("/uploads").file(ConsolePagesTests.csv(name, content)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String upload = uploaded.getResponse().getRedirectedUrl();
		MvcResult sent = mvc.perform(post(upload + "/send").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String run = sent.getResponse().getRedirectedUrl();
		finishedPage(run);
		return run;
	}

	String finishedPage(String run) throws Exception {
		return RunPages.finished(mvc, run);
	}

	/**
	 * Pins scheduled months ahead have nothing to tell a follow-up until their time: the run's page offers none, and
	 * says when it will (before: Follow up, which then found "0 rows to ask Zernio about").
	 */
	@Test
	void pinsScheduledForLaterAreNotFollowedUpBeforeTheirTime() throws Exception {
		String upload = RunPages.upload(mvc, ConsolePagesTests.csv("later.csv", """
				title,media_url,board,account,publish_at
				Later shelf,https://images.example.com/later/a.jpg,Kitchen Ideas,acme-home,2031-06-02 09:00
				Later lamp,https://images.example.com/later/b.jpg,Kitchen Ideas,acme-home,2031-06-01 09:00
				"""));
		String run = RunPages.press(mvc, upload, "/send");

		String page = RunPages.finished(mvc, run);

		assertThat(page).contains("2 SCHEDULED", "id=\"follow-up-later\"", "(Sun 1 Jun 2031, 09:00 UTC)")
			.doesNotContain("form id=\"follow-up\"");
		// nor its line in the history
		String history = mvc.perform(get("/history")).andReturn().getResponse().getContentAsString();
		assertThat(java.util.Arrays.stream(history.split("<tr")).filter(line -> line.contains("later.csv")
				&& !line.contains("REVIEW")).toList()).singleElement().asString().contains("2 SCHEDULED")
			.doesNotContain("class=\"follow-up\"");
	}
}

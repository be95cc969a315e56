package com.pinbatch.console;

import java.nio.file.Path;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.pinbatch.cli.PinbatchApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One run per file at a time: a second "Send" of an upload whose run goes on starts nothing and says so; a review of
 * another upload is done at once beside it. Pinterest takes long here to publish (a run follows its pins for a
 * while), so the first run is still going.
 */
@SpringBootTest(classes = PinbatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "pinbatch.console.sandbox=true", "pinbatch.sandbox.publish-delay=60s",
				"pinbatch.follow.max-wait=2m" })
@AutoConfigureMockMvc
// the first run is still following its pins when the test ends: the console closes (stopping it) before the data
// folder is deleted, which a run writing into it made fail now and then
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSendRefusalTests {

	@TempDir
	static Path dataFolder;

	@DynamicPropertySource
	static void dataFolder(DynamicPropertyRegistry registry) {
		registry.add("pinbatch.data-dir", () -> dataFolder.toString());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Uploads uploads;

	@Test
	@Order(2)
	void aSecondSendOfTheSameUploadWhileItsRunGoesOnIsRefusedWithAMessage() throws Exception {
		MvcResult uploaded = mvc.perform(multipart("/uploads")
			.file(ConsolePagesTests.csv("twice.csv", ConsoleFollowUpTests.pins("twice")))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		String upload = uploaded.getResponse().getRedirectedUrl();
		String first = mvc.perform(post(upload + "/send").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		String again = mvc.perform(post(upload + "/send").with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(again).contains("<p class=\"problem\" role=\"alert\">this file is already being sent or followed up"
				+ " (the run below); nothing else was started: one run per file at a time</p>")
			.contains(first + "/progress"); // the page of the run that goes on

		// and the upload's own page, opened again (or reached with Back), says so instead of offering Send
		String uploadPage = mvc.perform(get(upload)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		// (its send goes, or waits for the other test's run, which follows its pins for minutes)
		assertThat(uploadPage).containsAnyOf("This file is being sent now:", "This file's Send waits for the file"
				+ " sent before it").contains("href=\"" + first + "\"")
			.doesNotContain("form id=\"send\"");
	}

	/**
	 * Stop pressed once every row is sent, while the run waits to learn what became of its pins: the run ends at
	 * once, and its page says that no row is PENDING and Follow up learns the rest (not to send the file again).
	 */
	@Test
	@Order(0)
	void stopWhileThePinsAreFollowedLeavesThemToFollowUp() throws Exception {
		String upload = upload("followed.csv", ConsoleFollowUpTests.pins("followed"));
		String run = mvc.perform(post(upload + "/send").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(progressOnceSent(run)).contains("form id=\"stop\"");

		mvc.perform(post(run + "/stop").with(csrf())).andExpect(status().is3xxRedirection());

		assertThat(RunPages.finished(mvc, run)).contains("<p class=\"state\">Stopped</p>", "stopped with Stop while"
				+ " learning what became of the pins (no row is PENDING): Follow up, below, learns the rest</p>",
				"form id=\"follow-up\"")
			.doesNotContain("id=\"go-on\"", "PENDING</span>", "rows not sent are PENDING");
		// nor does its upload's page offer to go on: every row was sent (before: "Go on where it stopped")
		assertThat(page(upload)).doesNotContain("Go on where it stopped", "You stopped this file");
	}

	/**
	 * A check sends nothing: while one file is sent, another upload is reviewed at once, and the send's page keeps
	 * counting its own rows. First: its send must not wait for the other test's run, which follows its pins for
	 * minutes.
	 */
	@Test
	@Order(1)
	void anotherFileIsReviewedWhileASendGoesOnWhoseCountsStayItsOwn() throws Exception {
		// given: a file of 6 pins sent, its sends done, its run following them
		String sending = upload("going.csv", ConsoleFollowUpTests.pins("going"));
		String run = mvc.perform(post(sending + "/send").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String progress = progressOnceSent(run);
		assertThat(progress).contains("6 of 6 rows");

		// when: another file, of 3 rows, is uploaded
		String other = upload("other.csv", String.join("\n", ConsoleFollowUpTests.pins("other").lines().limit(4)
			.toList()) + "\n");
		String review = page(other);

		// then: it is checked now (before: "the console is sending another file; check this one again when that run
		// has ended"), and the send's page still counts the send's 6 rows, not the check's 3
		assertThat(review).doesNotContain("the console is sending another file").contains("Send 3 pins");
		assertThat(page(run + "/progress")).contains("6 of 6 rows").doesNotContain("3 of 3 rows")
			.doesNotContain("<p class=\"state\">Finished</p>");
	}

	/**
	 * Spreading chosen while the file's send waits for its turn (or goes on): refused, the upload as it was, since
	 * that send goes as it was pressed (before: the page showed the spread plan above "This file is being sent
	 * now", the send went without it, and the page then said the file was sent).
	 */
	@Test
	@Order(3)
	void theSpreadingOfAFileWhoseSendWaitsStaysAsItWasPressed() throws Exception {
		String upload = upload("waiting.csv", ConsolePagesTests.crowded("Waiting", "2034-05-05 10:00"));
		assertThat(page(upload)).contains("action=\"" + upload + "/spread\"");
		// sent after another file, whose run follows its pins for minutes: this one waits for its turn
		String before = upload("before.csv", ConsoleFollowUpTests.pins("before"));
		mvc.perform(post(before + "/send").with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(post(upload + "/send").with(csrf())).andExpect(status().is3xxRedirection());
		// and its page says so (before: "This file is being sent now", its run page at "0 of 0 rows")
		assertThat(page(upload)).contains("This file's Send waits for the file sent before it");

		String refused = mvc.perform(post(upload + "/spread").with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(refused).contains("this file is being sent as it was when Send was pressed")
			.doesNotContain("action=\"" + upload + "/spread\"");
		assertThat(uploads.find(upload.substring("/uploads/".length()), "local").orElseThrow().spread()).isFalse();
	}

	private String upload(String name, String rows) throws Exception {
		return mvc.perform(multipart("/uploads").file(ConsolePagesTests.csv(name, rows)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	/** The run's progress once its rows are all sent (it then follows them). */
	private String progressOnceSent(String run) throws Exception {
		for (int look = 0; look < 600; look++) {
			String progress = page(run + "/progress");
			if (progress.contains("6 of 6 rows")) {
				return progress;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the run " + run + " did not send its rows");
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}
}

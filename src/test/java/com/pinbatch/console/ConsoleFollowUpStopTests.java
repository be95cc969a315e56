package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.pinbatch.cli.PinbatchApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Pins created, then Zernio down for every look-up of a post: the send and the follow-up its page offers each stop,
 * and their pages say why in Zernio's words, with the rows as they stand (not "0 rows"). No real back-off: the
 * sandbox answers at once and the follow-up asks at most twice per request.
 */
@SpringBootTest(classes = PinbatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "pinbatch.console.sandbox=true", "pinbatch.sandbox.look-up-error-rate=1",
				"pinbatch.sandbox.latency=0ms", "pinbatch.sandbox.latency-jitter=0ms",
				"pinbatch.sandbox.publish-delay=1h", "pinbatch.throttle.initial-backoff=1ms",
				"pinbatch.throttle.max-attempts=2", "pinbatch.follow.poll-interval=100ms",
				"pinbatch.follow.max-wait=1s" })
@AutoConfigureMockMvc
class ConsoleFollowUpStopTests {

	@TempDir
	static Path dataFolder;

	@DynamicPropertySource
	static void dataFolder(DynamicPropertyRegistry registry) {
		registry.add("pinbatch.data-dir", () -> dataFolder.toString());
	}

	@Autowired
	MockMvc mvc;

	@Test
	void aFollowUpZernioStopsSaysWhyOnItsPage() throws Exception {
		String upload = RunPages.upload(mvc, ConsolePagesTests.csv("look-ups.csv", """
				title,media_url,board,account
				Oak shelf,https://images.example.com/look-ups/a.jpg,Kitchen Ideas,acme-home
				Tiles,https://images.example.com/look-ups/b.jpg,Kitchen Ideas,acme-home
				"""));
		String run = RunPages.press(mvc, upload, "/send");
		String sent = RunPages.finished(mvc, run);

		String followUp = RunPages.press(mvc, run, "/follow-up");
		String page = RunPages.finished(mvc, followUp);

		assertThat(sent).as("the send created the pins, then could not follow them")
			.contains("<p class=\"state\">Stopped</p>", "Zernio answered GET /v1/posts", "form id=\"follow-up\"");
		assertThat(page)
			.contains("<span>Follow-up of</span> <span>look-ups.csv</span>", "<p class=\"state\">Stopped</p>")
			.containsPattern("Zernio answered GET /v1/posts\\S* with HTTP 50\\d")
			.doesNotContain("Exception");
		assertThat(counts(page)).as("the rows as they stand, in the send's order").contains("CREATED")
			.isEqualTo(counts(sent));
		assertThat(page).contains("<title>Following up - pinbatch</title>");
	}

	/** The page's line of counts by status. */
	private static String counts(String page) {
		int start = page.indexOf("<p class=\"counts\">");
		assertThat(start).as(page).isNotNegative();
		return page.substring(start, page.indexOf("</p>", start));
	}
}

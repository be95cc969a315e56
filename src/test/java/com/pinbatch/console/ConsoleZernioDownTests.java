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
 * A send that Zernio's outage stops: the run's page says what happened in the console's words (there is no command
 * to run again here), leads back to the upload whose Send goes on, and offers no follow-up of pins never created.
 * The sandbox answers every create with a server error; two failures in a row open the breaker, with no real back-off.
 */
@SpringBootTest(classes = PinbatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "pinbatch.console.sandbox=true", "pinbatch.sandbox.server-error-rate=1",
				"pinbatch.sandbox.latency=0ms", "pinbatch.sandbox.latency-jitter=0ms",
				"pinbatch.throttle.initial-backoff=1ms", "pinbatch.throttle.max-attempts=3",
				"pinbatch.throttle.breaker-failure-threshold=2" })
@AutoConfigureMockMvc
class ConsoleZernioDownTests {

	@TempDir
	static Path dataFolder;

	@DynamicPropertySource
	static void dataFolder(DynamicPropertyRegistry registry) {
		registry.add("pinbatch.data-dir", () -> dataFolder.toString());
	}

	@Autowired
	MockMvc mvc;

	@Test
	void aSendZernioStoppedSaysHowToGoOnFromTheConsole() throws Exception {
		String upload = RunPages.upload(mvc, ConsolePagesTests.csv("outage.csv", """
				title,media_url,board,account,publish_at
				Oak shelf,https://images.example.com/outage/a.jpg,Kitchen Ideas,acme-home,2031-06-06 10:00
				Tiles,https://images.example.com/outage/b.jpg,Kitchen Ideas,acme-home,2031-06-07 10:00
				"""));
		String run = RunPages.press(mvc, upload, "/send");

		String page = RunPages.finished(mvc, run);

		assertThat(page).as("not Finished: it stopped before its end").contains("<p class=\"state\">Stopped</p>")
			.contains("send the file again later from its upload page to go on where it stopped")
			.doesNotContain("run the same command")
			.contains("<a id=\"go-on\" href=\"" + upload + "\">Go on")
			.doesNotContain("form id=\"follow-up\"");
		assertThat(page).as("its rows, not sent, publish when their dates say").contains("PENDING")
			.contains("2031-06-06 10:00").doesNotContain("at once");
	}
}

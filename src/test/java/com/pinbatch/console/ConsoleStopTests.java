package com.pinbatch.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.pinbatch.cli.PinbatchApplication;
import com.pinbatch.sandbox.SandboxPost;
import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.ZernioSandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A send's Stop button: a send under way sends no more pins, its page says so and leads to going on,
 * and Send then sends the rest without a pin twice; a send still waiting for its turn does not start. The sandbox
 * holds the answers of its creates from the second on until Stop is pressed, so most rows are not reached when it
 * is.
 */
@SpringBootTest(classes = PinbatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "pinbatch.console.sandbox=true", "pinbatch.follow.max-wait=0s",
				"pinbatch.throttle.account-hourly-cap=100",
				"pinbatch.throttle.account-daily-cap=100" })
@AutoConfigureMockMvc
class ConsoleStopTests {

	private static final int ROWS = 10;

	/** The pace the sandbox announces: a create every half second, so that a few at most are in flight at once. */
	private static final int REQUESTS_PER_MINUTE = 120;

	@TempDir
	static Path dataFolder;

	static final ZernioSandbox SANDBOX = ZernioSandbox.start(SandboxSettings.defaults().withPort(0)
		.withLatency(Duration.ZERO, Duration.ZERO)
		.withRequestsPerMinute(REQUESTS_PER_MINUTE)
		.withAccountCaps(100, 100));

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("pinbatch.data-dir", () -> dataFolder.toString());
		registry.add("pinbatch.sandbox.url", SANDBOX::baseUrl);
	}

	@AfterAll
	static void closeSandbox() {
		SANDBOX.close();
	}

	@Autowired
	MockMvc mvc;

	@Test
	void stopEndsASendAfterThePinsInFlightAndSendGoesOnWithTheRest() throws Exception {
		CountDownLatch secondCreateArrived = new CountDownLatch(1);
		CountDownLatch stopPressed = new CountDownLatch(1);
		AtomicInteger creates = new AtomicInteger();
		SANDBOX.onPostCreated(post -> {
			if (creates.incrementAndGet() >= 2) {
				secondCreateArrived.countDown();
				await(stopPressed);
			}
		});
		String sending = RunPages.upload(mvc, ConsolePagesTests.csv("stopped.csv", pins("Stopped", ROWS)));
		String waiting = RunPages.upload(mvc, ConsolePagesTests.csv("waiting.csv", pins("Waiting", 3)));
		String run = RunPages.press(mvc, sending, "/send");
		String queued = RunPages.press(mvc, waiting, "/send"); // waits for the first file's send to end
		assertThat(secondCreateArrived.await(60, TimeUnit.SECONDS)).as("the send began").isTrue();

		// the send waiting for its turn does not say its file has no rows (before: "0 of 0 rows")
		assertThat(page(queued + "/progress")).contains("not sending yet").doesNotContain("0 of 0 rows");
		String live = page(run + "/progress");
		assertThat(live).contains("form id=\"stop\"", "action=\"" + run + "/stop\"");
		stop(queued);
		stop(run);
		// (or, already, stopped)
		assertThat(page(run + "/progress")).doesNotContain("form id=\"stop\"").containsAnyOf("Stopping: no more pins"
				+ " are sent.", "<p class=\"state\">Stopped</p>");
		stopPressed.countDown();

		String stopped = RunPages.finished(mvc, run);
		String neverStarted = RunPages.finished(mvc, queued);

		int sentBeforeStop = SANDBOX.postCount();
		assertThat(sentBeforeStop).as("pins sent before the stop took").isBetween(2, ROWS - 1);
		assertThat(stopped).contains("<p class=\"state\">Stopped</p>", "stopped with Stop: rows not sent are"
				+ " PENDING: Send on the upload&#39;s page sends them", "id=\"go-on\"")
			.containsPattern("<span class=\"badge pending\">\\d+ PENDING</span>")
			.as("no link to the page itself").doesNotContain("id=\"see-result\"")
			.as("no row to fix").doesNotContain("class=\"retry\"");
		assertThat(neverStarted).contains("<p class=\"state\">Stopped</p>", "stopped with Stop before its turn came:"
				+ " nothing of it was sent", "<a id=\"to-upload\" href=\"" + waiting + "\">")
			.as("no result file to correct").doesNotContain("class=\"retry\"");
		assertThat(titles()).noneMatch(title -> title.startsWith("Waiting"));

		// the upload's page, where its Go on leads, says so (before: "Send 10 pins", as if nothing had been sent)
		assertThat(page(sending)).contains("You stopped this file's send with Stop.",
				">Go on where it stopped</button>");
		// Send on the upload's page goes on: the rest of the rows, none of those sent before again
		String goOn = RunPages.press(mvc, sending, "/send");
		assertThat(RunPages.finished(mvc, goOn)).contains("<p class=\"state\">Finished</p>")
			.doesNotContain("PENDING");
		assertThat(titles()).hasSize(ROWS).doesNotHaveDuplicates();
	}

	private void stop(String run) throws Exception {
		mvc.perform(post(run + "/stop").with(csrf())).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(run));
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static List<String> titles() {
		return SANDBOX.posts().stream().map(SandboxPost::requestBody)
			.map(body -> body.replaceAll("(?s).*\"((?:Stopped|Waiting) \\d+)\".*", "$1"))
			.toList();
	}

	private static String pins(String name, int rows) {
		return "title,media_url,board,account\n" + String.join("", IntStream.rangeClosed(1, rows)
			.mapToObj(row -> name + " " + row + ",https://images.example.com/" + name + "/" + row
					+ ".jpg,Kitchen Ideas,acme-home\n")
			.toList());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}

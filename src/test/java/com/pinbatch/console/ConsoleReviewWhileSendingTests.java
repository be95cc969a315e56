package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;

import com.pinbatch.cli.PinbatchApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A check sends nothing: while one file is sent (here its run follows its pins for minutes, as Pinterest takes long
 * to publish), another person's upload is reviewed at once, and the send's page keeps counting its own rows.
 */
@SpringBootTest(classes = PinbatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "pinbatch.console.sandbox=true", "pinbatch.sandbox.publish-delay=60s",
				"pinbatch.follow.max-wait=2m" })
@AutoConfigureMockMvc
// the send is still following its pins when the test ends: the console closes (stopping it) before the data folder
// is deleted
@DirtiesContext
class ConsoleReviewWhileSendingTests {

	@TempDir
	static Path dataFolder;

	@DynamicPropertySource
	static void dataFolder(DynamicPropertyRegistry registry) {
		registry.add("pinbatch.data-dir", () -> dataFolder.toString());
	}

	@Autowired
	MockMvc mvc;

	@Test
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

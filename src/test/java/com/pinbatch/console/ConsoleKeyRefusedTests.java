package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

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
 * The console's key refused by Zernio when a person presses Send (a key restricted to other groups): the page says
 * what they can do, and offers neither Send again nor a corrected result file, which would meet the same refusal.
 * Before: "check ZERNIO_API_KEY", which the person at the browser neither gave nor can change, beside both offers.
 */
@SpringBootTest(classes = PinbatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "pinbatch.console.sandbox=true", "pinbatch.sandbox.disabled-resource-groups=publishing" })
@AutoConfigureMockMvc
class ConsoleKeyRefusedTests {

	@TempDir
	static Path dataFolder;

	@DynamicPropertySource
	static void dataFolder(DynamicPropertyRegistry registry) {
		registry.add("pinbatch.data-dir", () -> dataFolder.toString());
	}

	@Autowired
	MockMvc mvc;

	@Test
	void aRefusedKeyIsToldInTheConsolesWordsWithNoOfferThatWouldMeetItAgain() throws Exception {
		String upload = RunPages.upload(mvc, ConsolePagesTests.csv("refused.csv", ConsoleFollowUpTests.pins("key")));

		String page = RunPages.finished(mvc, RunPages.press(mvc, upload, "/send"));

		assertThat(page).contains(KeyRefusal.ADVICE).doesNotContain("ZERNIO_API_KEY")
			.doesNotContain("id=\"go-on\"").doesNotContain("class=\"retry\"");
	}
}

package com.pinbatch.console;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
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
 * One run per file at a time: a second "Send" of an upload whose run goes on starts nothing and says so. Pinterest
 * takes long here to publish (the run follows its pins for a while), so the first run is still going.
 */
@SpringBootTest(classes = PinbatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "pinbatch.console.sandbox=true", "pinbatch.sandbox.publish-delay=60s",
				"pinbatch.follow.max-wait=2m" })
@AutoConfigureMockMvc
// the first run is still following its pins when the test ends: the console closes (stopping it) before the data
// folder is deleted, which a run writing into it made fail now and then
@DirtiesContext
class ConsoleSendRefusalTests {

	@TempDir
	static Path dataFolder;

	@DynamicPropertySource
	static void dataFolder(DynamicPropertyRegistry registry) {
		registry.add("pinbatch.data-dir", () -> dataFolder.toString());
	}

	@Autowired
	MockMvc mvc;

	@Test
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
		assertThat(uploadPage).contains("This file is being sent now:", "href=\"" + first + "\"")
			.doesNotContain("form id=\"send\"");
	}
}

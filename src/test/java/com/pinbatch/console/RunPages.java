package com.pinbatch.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** A console run's page as a person sees it. */
final class RunPages {

	private RunPages() {
	}

	/** Uploads a file as the upload form does; returns the upload's page. */
	static String upload(MockMvc mvc, MockMultipartFile file) throws Exception {
		return mvc.perform(multipart("/uploads").file(file).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	/** Presses a page's button ({@code /send}, {@code /follow-up}); returns the page of the run it started. */
	static String press(MockMvc mvc, String page, String button) throws Exception {
		return mvc.perform(post(page + button).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	/** The run's page once it has ended, Finished or Stopped (the page a person sees after the progress stops). */
	static String finished(MockMvc mvc, String run) throws Exception {
		for (int look = 0; look < 600; look++) {
			String page = mvc.perform(get(run)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
			if (page.contains("<p class=\"state\">Finished</p>") || page.contains("<p class=\"state\">Stopped</p>")) {
				return page;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the run " + run + " did not end");
	}
}

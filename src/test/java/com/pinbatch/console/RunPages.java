package com.pinbatch.console;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.test.web.servlet.MockMvc;

/** A console run's page as a person sees it. */
final class RunPages {

	private RunPages() {
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

package com.pinbatch.console;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.pinbatch.cli.PinbatchApplication;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console with users configured (as it must be off loopback): every page wants a login first. */
@SpringBootTest(classes = PinbatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "pinbatch.console.sandbox=true", "server.address=0.0.0.0" })
@AutoConfigureMockMvc
class ConsoleLoginTests {

	@TempDir
	static Path dataFolder;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("pinbatch.data-dir", () -> dataFolder.toString());
		// a list binds from one source: the name and the hash together
		registry.add("pinbatch.console.users[0].name", () -> "maria");
		registry.add("pinbatch.console.users[0].password-hash", () -> new BCryptPasswordEncoder(4).encode("s3cret"));
		registry.add("pinbatch.console.users[1].name", () -> "tom");
		registry.add("pinbatch.console.users[1].password-hash", () -> new BCryptPasswordEncoder(4).encode("t0m"));
	}

	@Autowired
	MockMvc mvc;

	@Test
	void everyPageAsksForALoginFirst() throws Exception {
		mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/history")).andExpect(status().is3xxRedirection());
		mvc.perform(multipart("/uploads").file(ConsolePagesTests.csv("pins.csv", "title\nx\n")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("Password")));
	}

	/**
	 * The error page needs no login: an address the server refuses (say //evil.example/) met before logging in was
	 * otherwise kept as the page to return to, and the login then led to "Something went wrong (999)".
	 */
	@Test
	void theErrorPageIsShownWithoutLoginSoNoLoginLeadsBackToIt() throws Exception {
		mvc.perform(get("/error")).andExpect(result -> org.assertj.core.api.Assertions
			.assertThat(result.getResponse().getRedirectedUrl()).as("sent to log in first").isNull());
	}

	@Test
	void theRightPasswordLogsInAndAWrongOneDoesNot() throws Exception {
		mvc.perform(formLogin().user("maria").password("s3cret")).andExpect(authenticated().withUsername("maria"));
		mvc.perform(formLogin().user("maria").password("wrong")).andExpect(unauthenticated());
		mvc.perform(formLogin().user("eve").password("s3cret")).andExpect(unauthenticated());
	}

	/** The history lists everyone's runs, but a console run's result file goes only to the person who started it. */
	@Test
	void aConsoleRunsResultFileDownloadsOnlyForThePersonWhoStartedIt() throws Exception {
		mvc.perform(multipart("/uploads").file(ConsolePagesTests.csv("marias.csv",
				"title,media_url,board,account\nMaria's shelf,https://images.example.com/m.jpg,Kitchen,acme-home\n"))
			.with(csrf())
			.with(user("maria")))
			.andExpect(status().is3xxRedirection());
		String marias = mvc.perform(get("/history").with(user("maria"))).andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/history/\\d+/result)\"").matcher(marias);
		org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();
		org.assertj.core.api.Assertions.assertThat(marias).contains("console: maria");
		mvc.perform(get(link.group(1)).with(user("maria"))).andExpect(status().isOk());

		String toms = mvc.perform(get("/history").with(user("tom"))).andReturn().getResponse().getContentAsString();
		org.assertj.core.api.Assertions.assertThat(toms).contains("console: maria").doesNotContain(link.group(1));
		mvc.perform(get(link.group(1)).with(user("tom"))).andExpect(status().isNotFound());
		mvc.perform(get(link.group(1)).param("format", "xlsx").with(user("tom"))).andExpect(status().isNotFound());
	}

	/**
	 * The watch page's progress refreshing itself once the login lapsed (the session ended, the console restarted):
	 * before, the login form was swapped into the page, and the login then led to the bare progress part.
	 */
	@Test
	void aPartOfAPageAskedAfterTheLoginLapsedSendsTheWholePageToLogInAndBackToIt() throws Exception {
		MvcResult part = mvc.perform(get("/runs/42/progress").header("HX-Request", "true")
			.header("HX-Current-URL", "http://localhost/runs/42"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/runs/42"))
			.andReturn();
		MvcResult page = mvc.perform(get("/runs/42")).andExpect(redirectedUrl("/login")).andReturn();

		org.assertj.core.api.Assertions.assertThat(savedRequest(part)).as("the part: not the page to return to")
			.isNull();
		org.assertj.core.api.Assertions.assertThat(savedRequest(page)).as("the page: returned to after the login")
			.isNotNull();
		// the page the part is in, never another site
		mvc.perform(get("/runs/42/progress").header("HX-Request", "true")
			.header("HX-Current-URL", "https://evil.example//x"))
			.andExpect(header().string("HX-Redirect", "/"));
	}

	/** A browser asks for the site's icon while the login page loads: before, the login then led to the icon. */
	@Test
	void theLoginLeadsBackToThePageAskedForNotTheIconTheBrowserFetchedMeanwhile() throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(get("/history").session(session)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/favicon.ico").session(session));

		mvc.perform(post("/login").session(session).param("username", "maria").param("password", "s3cret")
			.with(csrf())).andExpect(redirectedUrl("http://localhost/history?continue"));
	}

	private static Object savedRequest(MvcResult result) {
		jakarta.servlet.http.HttpSession session = result.getRequest().getSession(false);
		return session == null ? null : session.getAttribute("SPRING_SECURITY_SAVED_REQUEST");
	}

	@Test
	void aLoginWithoutTheCsrfTokenIsRefused() throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
			.param("username", "maria")
			.param("password", "s3cret")).andExpect(status().isForbidden());
	}
}

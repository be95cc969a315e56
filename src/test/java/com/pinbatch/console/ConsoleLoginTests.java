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
import org.springframework.test.web.servlet.MockMvc;

import com.pinbatch.cli.PinbatchApplication;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

	@Test
	void theRightPasswordLogsInAndAWrongOneDoesNot() throws Exception {
		mvc.perform(formLogin().user("maria").password("s3cret")).andExpect(authenticated().withUsername("maria"));
		mvc.perform(formLogin().user("maria").password("wrong")).andExpect(unauthenticated());
		mvc.perform(formLogin().user("eve").password("s3cret")).andExpect(unauthenticated());
	}

	@Test
	void aLoginWithoutTheCsrfTokenIsRefused() throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
			.param("username", "maria")
			.param("password", "s3cret")).andExpect(status().isForbidden());
	}
}

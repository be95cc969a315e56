package com.pinbatch.console;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The requests of a console test without logins come from the browser its start link let in: each carries the cookie
 * that link left ({@link StartLink}; its own tests ask without it).
 */
@TestConfiguration(proxyBeanMethods = false)
class StartLinkCookie {

	@Bean
	MockMvcBuilderCustomizer startLinkCookie(StartLink startLink) {
		return builder -> builder.defaultRequest(get("/").cookie(startLink.cookie()));
	}
}

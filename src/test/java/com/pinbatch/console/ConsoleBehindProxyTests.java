package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.pinbatch.cli.PinbatchApplication;

/**
 * The console served to a team through a reverse proxy that ends https (nginx, a load balancer) on this machine: it
 * answers as the address people use, https, not as the plain http it is reached by.
 */
class ConsoleBehindProxyTests {

	private static final HttpClient BROWSER = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@TempDir
	Path dir;

	private ConfigurableApplicationContext console;

	private String base;

	@BeforeEach
	void startConsole() {
		console = PinbatchApplication.startConsole("--serve", "--sandbox", "--server.port=0",
				"--pinbatch.data-dir=" + dir.resolve("data"), "--pinbatch.console.users[0].name=maria",
				"--pinbatch.console.users[0].password-hash=" + new BCryptPasswordEncoder(4).encode("s3cret"));
		base = console.getBean(ConsoleAddress.class).url();
	}

	@AfterEach
	void stopConsole() {
		console.close();
	}

	@Test
	void theLoginIsAskedForAtTheHttpsAddressPeopleUseWithASecureCookie() throws Exception {
		// when: a page asked through the proxy, which says how it was reached
		HttpResponse<Void> answer = BROWSER.send(HttpRequest.newBuilder(URI.create(base))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "pinbatch.intranet.example")
			.build(), HttpResponse.BodyHandlers.discarding());

		// then: to the login at that address (before: http://, where the proxy is not, or from where it sends the
		// form back as a GET), and the session cookie only ever goes over https
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location")).contains("https://pinbatch.intranet.example/login");
		assertThat(answer.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("JSESSIONID=").contains("Secure"));
	}

	@Test
	void reachedDirectlyItAnswersAsItIs() throws Exception {
		HttpResponse<Void> answer = BROWSER.send(HttpRequest.newBuilder(URI.create(base)).build(),
				HttpResponse.BodyHandlers.discarding());

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).startsWith("http://127.0.0.1:").endsWith("/login"));
	}
}

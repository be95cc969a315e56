package com.pinbatch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.pinbatch.sandbox.ZernioSandbox;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

/** The sandbox's settings as a user gives them on the command line, turned into the sandbox they describe. */
class SandboxPropertiesTests {

	@Test
	void anOutageGivenOnTheCommandLineStartsASandboxThatIsDownForItsLength() throws Exception {
		SandboxProperties settings = SandboxProperties.of(List.of("--pinbatch.sandbox.outage-after=0s",
				"--pinbatch.sandbox.outage-length=1h"));

		try (ZernioSandbox sandbox = settings.start()) {
			HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest
				.newBuilder(URI.create(sandbox.baseUrl() + "/v1/accounts"))
				.header("Authorization", "Bearer " + ZernioSandbox.API_KEY)
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(answer.statusCode()).isEqualTo(503);
		}
	}

	@Test
	void anOutageOfNegativeLengthIsRefused() {
		assertThatThrownBy(() -> SandboxProperties.of(List.of("--pinbatch.sandbox.outage-length=-1s")))
			.isInstanceOf(BindException.class);
	}
}

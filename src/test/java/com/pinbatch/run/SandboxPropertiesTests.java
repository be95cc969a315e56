package com.pinbatch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.pinbatch.sandbox.ZernioSandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.BindException;

/** The sandbox's settings as a user gives them on the command line, turned into the sandbox they describe. */
class SandboxPropertiesTests {

	@Test
	void aServedSandboxKeepsItsPostsInTheDataFolderAsARunsSandboxDoes(@TempDir Path home) {
		// before: --serve-sandbox kept its posts in memory only, whatever README said
		assertThat(SandboxProperties.of(List.of(), home).stateFile()).isEqualTo(home.resolve("sandbox-state.jsonl"));
		assertThat(SandboxProperties.of(List.of("--pinbatch.data-dir=" + home.resolve("other")), home).stateFile())
			.isEqualTo(home.resolve("other/sandbox-state.jsonl"));
		assertThat(SandboxProperties.of(List.of("--pinbatch.sandbox.state-file=" + home.resolve("s.jsonl")), home)
			.stateFile()).isEqualTo(home.resolve("s.jsonl"));
	}

	@Test
	void aServedSandboxReadsTheWorkingFoldersSettingsFileAsARunDoes(@TempDir Path folder) throws IOException {
		Files.createDirectories(folder.resolve("config"));
		Files.writeString(folder.resolve("config/application.yml"), """
				pinbatch:
				  data-dir: %s
				  sandbox:
				    requests-per-minute: 24
				""".formatted(folder.resolve("shared")));

		SandboxProperties settings = SandboxProperties.of(List.of(), folder.resolve("home"), folder);

		assertThat(settings.stateFile()).isEqualTo(folder.resolve("shared/sandbox-state.jsonl"));
		assertThat(settings.requestsPerMinute()).isEqualTo(24);
	}

	@Test
	void anOutageGivenOnTheCommandLineStartsASandboxThatIsDownForItsLength() throws Exception {
		SandboxProperties settings = SandboxProperties.of(List.of("--pinbatch.sandbox.outage-after=0s",
				"--pinbatch.sandbox.outage-length=1h"), null);

		try (ZernioSandbox sandbox = settings.start()) {
			HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest
				.newBuilder(URI.create(sandbox.baseUrl() + "/v1/accounts"))
				.header("Authorization", "Bearer " + ZernioSandbox.API_KEY)
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(answer.statusCode()).isEqualTo(503);
		}
	}

	@Test
	void anUploadErrorRateOfOneFailsEveryUploadToItsPresignedUrl() throws Exception {
		SandboxProperties settings = SandboxProperties.of(List.of("--pinbatch.sandbox.upload-error-rate=1"), null);
		HttpClient http = HttpClient.newHttpClient();

		try (ZernioSandbox sandbox = settings.start()) {
			HttpResponse<String> presigned = http.send(HttpRequest
				.newBuilder(URI.create(sandbox.baseUrl() + "/v1/media/presign"))
				.header("Authorization", "Bearer " + ZernioSandbox.API_KEY)
				.POST(HttpRequest.BodyPublishers.ofString("{\"filename\":\"a.jpg\",\"contentType\":\"image/jpeg\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			String uploadUrl = presigned.body().replaceAll(".*\"uploadUrl\":\"([^\"]+)\".*", "$1");
			HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(uploadUrl))
				.header("Content-Type", "image/jpeg")
				.PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[10]))
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(presigned.statusCode()).isEqualTo(200);
			assertThat(upload.statusCode()).isBetween(500, 599);
			assertThat(sandbox.uploads()).isEmpty();
		}
	}

	@Test
	void anOutageOfNegativeLengthIsRefused() {
		assertThatThrownBy(() -> SandboxProperties.of(List.of("--pinbatch.sandbox.outage-length=-1s"), null))
			.isInstanceOf(BindException.class);
	}
}

package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.pinbatch.sandbox.RecordedRequest;
import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.ZernioSandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up of the in-process end-to-end tests: a fresh sandbox on loopback as Zernio for each test, its key given
 * as configuration (never on the command line), and a temporary folder for inputs, results and the job repository.
 */
abstract class SandboxedCommandLine {

	private static final HttpClient ZERNIO_USER = HttpClient.newHttpClient();

	@TempDir
	Path dir;

	ZernioSandbox sandbox;

	/**
	 * How the sandbox behaves for this class's tests. Its ceiling is ten times Zernio's 600 requests a minute: the
	 * client paces itself by the ceiling the sandbox announces, so at 600 every request of a test waited 100 ms.
	 * These tests are about what is sent and written; the pace has its own tests (throttle).
	 */
	SandboxSettings sandboxSettings() {
		return SandboxSettings.defaults().withRequestsPerMinute(6000);
	}

	/** The sandbox's clock for this class's tests (the real one unless a test moves time). */
	Clock sandboxClock() {
		return Clock.systemUTC();
	}

	@BeforeEach
	void startSandbox() {
		sandbox = ZernioSandbox.start(sandboxSettings(), sandboxClock());
		System.setProperty("zernio.api-key", ZernioSandbox.API_KEY);
	}

	@AfterEach
	void stopSandbox() {
		sandbox.close();
		System.clearProperty("zernio.api-key");
	}

	/** Replaces the sandbox, e.g. to start again with other settings or an empty memory. */
	void restartSandbox(SandboxSettings settings) {
		sandbox.close();
		sandbox = ZernioSandbox.start(settings);
	}

	/** The command line as a user types it, against the sandbox, with the job repository under the test folder. */
	CommandLineRun run(String... args) {
		return runIn(dir.resolve("data"), args);
	}

	/** The same with another data folder. */
	CommandLineRun runIn(Path dataFolder, String... args) {
		return CommandLineRun.run(dataFolder, sandbox.baseUrl(), quickFollowing(args));
	}

	/**
	 * Following the pins looks first after 100 ms instead of 3 s, unless the test sets its own interval: the run
	 * follows the same way, it only waits less for the sandbox's outcomes.
	 */
	static String[] quickFollowing(String... args) {
		String interval = "--pinbatch.follow.poll-interval=";
		if (Arrays.stream(args).anyMatch(arg -> arg.startsWith(interval))) {
			return args;
		}
		String[] all = Arrays.copyOf(args, args.length + 1);
		all[args.length] = interval + "100ms";
		return all;
	}

	/** {@code pins.csv}: one publish-now pin a row, all on acme-home's Kitchen Ideas, each with its own text and image. */
	Path shelfPins(int rows) throws IOException {
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account\n");
		for (int i = 1; i <= rows; i++) {
			csv.append("Shelf ").append(i).append(",Open shelf idea ").append(i)
				.append(",https://images.example.com/shelf/").append(i).append(".jpg,Kitchen Ideas,acme-home\n");
		}
		return Files.writeString(dir.resolve("pins.csv"), csv, StandardCharsets.UTF_8);
	}

	/** The codes of publish failures that may pass on a retry of the same post. */
	static final Set<String> PASSING = Set.of("publish_rate_limited", "publish_platform_error",
			"publish_system_error", "publish_quota_exhausted");

	/**
	 * Runs {@link #shelfPins} without following the pins (so none is published again), on a sandbox that refuses
	 * publishes, and returns the result file's rows whose code is one of {@code codes} (at least two).
	 */
	List<Map<String, String>> refusedRows(int rows, Predicate<String> codes) throws IOException {
		run("--input=" + shelfPins(rows), "--pinbatch.follow.max-wait=0s");
		List<Map<String, String>> refused = ResultRows.read(dir.resolve("pins.results.csv")).stream()
			.filter(row -> codes.test(row.get("error_code")))
			.toList();
		assertThat(refused).as("rows refused so").hasSizeGreaterThanOrEqualTo(2);
		return refused;
	}

	/** Every create the sandbox received, in order. */
	List<RecordedRequest> creates() {
		return sandbox.requests().stream()
			.filter(request -> request.method().equals("POST") && request.path().endsWith("/v1/posts"))
			.toList();
	}

	/**
	 * A change a user makes in Zernio itself (its web app calls the same API), such as moving or deleting a post that
	 * waits to be published; the answer's status.
	 */
	int inZernio(String method, String path, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
			.header("Authorization", "Bearer " + ZernioSandbox.API_KEY)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return ZERNIO_USER.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}

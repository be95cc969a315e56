package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.pinbatch.run.ExitCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --serve-sandbox}: one simulated Zernio key for runs in several processes, as several hosts (each with its
 * own data folder here) share one real key: a pin one of them created is there for the others.
 */
class SandboxServerTests {

	@TempDir
	Path dir;

	@Test
	void runsOfSeveralDataFoldersShareTheServedSandboxAndItsPosts() throws Exception {
		// given: the sandbox served alone, keeping its posts in a file the test reads
		Path posts = dir.resolve("served.jsonl");
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		CountDownLatch stop = new CountDownLatch(1);
		CommandLineOptions options = CommandLineOptions.parse(new String[] { "--serve-sandbox",
				"--pinbatch.sandbox.state-file=" + posts, "--pinbatch.sandbox.requests-per-minute=6000" });
		CompletableFuture<ExitCode> serving = CompletableFuture.supplyAsync(
				() -> SandboxServer.serve(options, new PrintStream(printed, true, StandardCharsets.UTF_8), stop));
		String url = servedUrl(printed);
		// two hosts' files: the second shares the first's pin
		Path first = Files.writeString(dir.resolve("first.csv"), """
				title,description,media_url,board,account
				Shared,A pin both files hold,https://images.example.com/shared.jpg,Kitchen Ideas,acme-home
				""");
		Path second = Files.writeString(dir.resolve("second.csv"), """
				title,description,media_url,board,account
				Shared,A pin both files hold,https://images.example.com/shared.jpg,Kitchen Ideas,acme-home
				Own,Only the second file's pin,https://images.example.com/own.jpg,Kitchen Ideas,acme-home
				""");

		// when
		CommandLineRun hostA = CommandLineRun.run(dir.resolve("hostA"), null, "--input=" + first, "--sandbox",
				"--pinbatch.sandbox.url=" + url, "--pinbatch.follow.max-wait=0s");
		CommandLineRun hostB = CommandLineRun.run(dir.resolve("hostB"), null, "--input=" + second, "--sandbox",
				"--pinbatch.sandbox.url=" + url, "--pinbatch.follow.max-wait=0s");
		stop.countDown();

		// then: the served sandbox holds each pin once; the second host, whose job repository does not know the
		// first's pin, met it there as Zernio answers it (409: the same content within 24 hours), and took it for
		// its row's own pin: the post carries the mark of the same pin cells
		assertThat(serving.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCode.SUCCESS);
		assertThat(hostA.exitCode()).as(hostA.toString()).isZero();
		assertThat(Files.readAllLines(posts)).filteredOn(line -> !line.isBlank()).hasSize(2);
		List<Map<String, String>> rows = ResultRows.read(dir.resolve("second.results.csv"));
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).as(hostB.toString()).containsEntry("status", "DUPLICATE")
			.containsEntry("post_id", ResultRows.read(dir.resolve("first.results.csv")).get(0).get("post_id"));
		assertThat(rows.get(1)).containsEntry("status", "PUBLISHED");
	}

	private static String servedUrl(ByteArrayOutputStream printed) throws InterruptedException {
		Pattern served = Pattern.compile("sandbox on (http://127\\.0\\.0\\.1:\\d+\\S*) ");
		for (int i = 0; i < 3000; i++) {
			Matcher found = served.matcher(printed.toString(StandardCharsets.UTF_8));
			if (found.find()) {
				return found.group(1);
			}
			Thread.sleep(10);
		}
		throw new AssertionError("the sandbox did not say where it serves: " + printed);
	}
}

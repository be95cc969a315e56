package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.pinbatch.sandbox.RecordedRequest;
import com.pinbatch.sandbox.SandboxSettings;

import org.junit.jupiter.api.Test;

/**
 * Zernio refuses to publish a failed post again while its account is at its posting limit (the 429s of
 * {@code POST /v1/posts/{id}/retry} name the velocity limit and an account's cool-down): the row keeps its failure and
 * says what to do, and the run goes on to its end. Before, the refusal was taken for the key's request limit, asked
 * again until the attempts ran out, and then stopped the run, and every run of the same command stopped there again.
 */
class RetryRefusedCommandLineTests extends SandboxedCommandLine {


	private static final int ROWS = 12;

	@Override
	SandboxSettings sandboxSettings() {
		// every publish refused, some for a passing reason; this file's pins fill acme-home's hour
		return super.sandboxSettings().withPublishFailures(1).withAccountCaps(ROWS, 25);
	}

	@Test
	void aRetryRefusedForTheAccountsLimitWhileFollowingLeavesTheRowFailedWithWhatToDo() throws IOException {
		// when: the run follows its pins and asks Zernio to publish again those refused for a passing reason
		CommandLineRun run = run("--input=" + shelfPins(ROWS));

		// then: the run ends (3: rows failed), every row accounted for, nothing created twice
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		List<Map<String, String>> rows = ResultRows.read(dir.resolve("pins.results.csv"));
		assertThat(rows).hasSize(ROWS).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("FAILED"));
		assertThat(creates()).hasSize(ROWS);
		List<Map<String, String>> passing = rows.stream().filter(row -> PASSING.contains(row.get("error_code")))
			.toList();
		assertThat(passing).as("rows refused for a passing reason").hasSizeGreaterThanOrEqualTo(2);
		assertThat(retries()).as("retries asked").isNotEmpty();
		assertThat(passing).allSatisfy(row -> assertThat(row.get("error_message"))
			.contains("Zernio did not publish it again")
			.contains("posting limit")
			.contains("--retry-failed="));
	}

	@Test
	void aRetryFailedWhileTheAccountIsAtItsLimitGoesOnToTheEndAndKeepsEachRowsPost() throws IOException {
		// given: a run that did not follow its pins (no retries), then --retry-failed within the same hour
		List<Map<String, String>> passing = refusedRows(ROWS, PASSING::contains);
		Path results = dir.resolve("pins.results.csv");

		// when
		CommandLineRun retry = run("--retry-failed=" + results, "--pinbatch.follow.max-wait=0s");

		// then: the run went to its end (none PENDING; before, it waited for the account's hour, then stopped), the
		// passing rows still FAILED on their own posts, saying what to do; no post created again
		assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(3);
		List<Map<String, String>> after = ResultRows.read(dir.resolve("pins.results.retry.csv"));
		assertThat(after).hasSize(ROWS).noneSatisfy(row -> assertThat(row.get("status")).isEqualTo("PENDING"));
		assertThat(sandbox.postCount()).isEqualTo(ROWS);
		assertThat(passing).allSatisfy(row -> {
			Map<String, String> now = after.stream().filter(line -> line.get("row").equals(row.get("row")))
				.findFirst()
				.orElseThrow();
			assertThat(now).containsEntry("status", "FAILED")
				.containsEntry("post_id", row.get("post_id"))
				.containsEntry("error_code", row.get("error_code"));
			assertThat(now.get("error_message")).contains("Zernio did not publish it again").contains("posting limit");
		});
	}

	private List<RecordedRequest> retries() {
		return sandbox.requests().stream()
			.filter(request -> request.method().equals("POST") && request.path().endsWith("/retry"))
			.toList();
	}
}

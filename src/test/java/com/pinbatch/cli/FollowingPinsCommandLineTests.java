package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.pinbatch.sandbox.SandboxPost;
import com.pinbatch.sandbox.SandboxSettings;

import org.junit.jupiter.api.Test;

/**
 * A run follows its pins through Pinterest's publishing, against a sandbox that refuses half of them (some for good,
 * some for a passing reason) and answers some outcomes only after a while.
 */
class FollowingPinsCommandLineTests extends SandboxedCommandLine {

	private static final int ROWS = 20;

	@Override
	SandboxSettings sandboxSettings() {
		return super.sandboxSettings().withPublishFailures(0.5).withPublishDelay(Duration.ofMillis(600));
	}

	@Test
	void everyRowEndsAsTheSandboxPublishedItWithTransientFailuresRetriedOnTheSamePost() throws IOException {
		// given
		Path input = shelfPins(ROWS);

		// when
		CommandLineRun run = run("--input=" + input, "--pinbatch.follow.poll-interval=200ms");

		// then: each row says what Pinterest did with its post
		List<Map<String, String>> results = ResultRows.read(dir.resolve("pins.results.csv"));
		Map<String, SandboxPost> posts = sandbox.posts().stream()
			.collect(Collectors.toMap(SandboxPost::id, Function.identity()));
		assertThat(results).hasSize(ROWS).allSatisfy(row -> {
			SandboxPost post = posts.get(row.get("post_id"));
			assertThat(post).as("row %s", row.get("row")).isNotNull();
			if (post.status().equals("published")) {
				assertThat(row.get("status")).isEqualTo("PUBLISHED");
				assertThat(row.get("pin_url")).isEqualTo(post.pinUrl());
			}
			else {
				assertThat(post.status()).isEqualTo("failed");
				assertThat(post.errorCategory()).isEqualTo("user_content");
				assertThat(row.get("status")).isEqualTo("FAILED");
				assertThat(row.get("error_code")).isIn("publish_url_unreachable", "publish_invalid_media");
				assertThat(row.get("error_message")).startsWith("Pinterest did not publish the pin: \"")
					.contains("--retry-failed=");
			}
		});
		assertThat(posts.values()).as("some failed for good, some failed and passed on a retry")
			.anyMatch(post -> post.status().equals("failed"))
			.anyMatch(post -> post.status().equals("published") && post.retries() > 0);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);

		// and nothing was created twice, and the follow-up stayed within one request per post
		assertThat(creates()).hasSize(ROWS);
		assertThat(sandbox.postCount()).isEqualTo(ROWS);
		long listings = sandbox.requests().stream()
			.filter(request -> request.method().equals("GET") && request.path().startsWith("/api/v1/posts"))
			.count();
		assertThat(listings).isPositive().isLessThanOrEqualTo(ROWS);
	}

	@Test
	void draftsAreCreatedSaidToBeDraftsAndNotWaitedFor() throws IOException {
		// given: pins without a date, created as drafts in Zernio (someone publishes them there later)
		Path input = shelfPins(6);

		// when
		CommandLineRun run = run("--input=" + input, "--when-no-date=draft");

		// then: each row CREATED, saying it is a draft; the run asked once where they stand and stopped waiting
		// (before: it asked round after round until its requests or its time to follow ran out, as if each were
		// being published)
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).hasSize(6).allSatisfy(row -> {
			assertThat(row.get("status")).isEqualTo("CREATED");
			assertThat(row.get("error_message")).startsWith("a draft in Zernio");
		});
		assertThat(sandbox.requests()).filteredOn(request -> request.method().equals("GET")
				&& request.path().startsWith("/api/v1/posts")).hasSize(1);
	}
}

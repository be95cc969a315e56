package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.pinbatch.follow.PublishFailure;
import com.pinbatch.media.RealMedia;
import com.pinbatch.sandbox.RecordedRequest;
import com.pinbatch.sandbox.SandboxSettings;

import org.junit.jupiter.api.Test;

/**
 * {@code --retry-failed} on pins Pinterest refused: a row whose failure may pass and that the user did not change is
 * published again on its own post ({@code POST /v1/posts/{id}/retry}); a row the user fixed is a new pin.
 */
class RetryFailedPublishCommandLineTests extends SandboxedCommandLine {

	private static final int ROWS = 12;


	@Override
	SandboxSettings sandboxSettings() {
		return super.sandboxSettings().withPublishFailures(1);
	}

	@Test
	void anUnchangedRowIsRetriedOnItsPostAndAFixedRowIsCreatedAnew() throws IOException {
		// given: every pin refused, some for a passing reason; the user fixes one of those in the result file
		List<Map<String, String>> failed = refusedRows(ROWS, PASSING::contains);
		Path results = dir.resolve("pins.results.csv");
		Map<String, String> fixed = failed.get(0);
		List<Map<String, String>> unchanged = failed.subList(1, failed.size());
		String text = Files.readString(results, StandardCharsets.UTF_8);
		Files.writeString(results, text.replace("," + fixed.get("description") + ",",
				"," + fixed.get("description") + " (new photo),"), StandardCharsets.UTF_8);
		int requestsBefore = sandbox.requests().size();

		// when
		CommandLineRun retry = run("--retry-failed=" + results, "--pinbatch.follow.max-wait=0s");

		// then: the unchanged rows went again on their posts, each once; nothing was created for them
		List<RecordedRequest> sent = sandbox.requests().subList(requestsBefore, sandbox.requests().size());
		List<String> retried = sent.stream()
			.filter(request -> request.method().equals("POST") && request.path().endsWith("/retry"))
			.map(request -> request.path().split("/")[4])
			.toList();
		assertThat(retried).as(retry.toString()).doesNotHaveDuplicates()
			.containsAll(unchanged.stream().map(row -> row.get("post_id")).toList())
			.doesNotContain(fixed.get("post_id"));
		List<String> created = sent.stream()
			.filter(request -> request.method().equals("POST") && request.path().endsWith("/v1/posts"))
			.map(RecordedRequest::body)
			.toList();
		assertThat(created).noneMatch(body -> unchanged.stream()
			.anyMatch(row -> body.contains("\"" + row.get("description") + "\"")));
		assertThat(created).filteredOn(body -> body.contains("\"" + fixed.get("description") + " (new photo)\""))
			.hasSize(1);

		// and the result file says so: same posts for the unchanged rows, a new one for the fixed row
		Map<String, Map<String, String>> after = ResultRows.read(dir.resolve("pins.results.retry.csv")).stream()
			.collect(Collectors.toMap(row -> row.get("row"), Function.identity()));
		assertThat(unchanged).allSatisfy(row -> {
			Map<String, String> now = after.get(row.get("row"));
			assertThat(now.get("post_id")).isEqualTo(row.get("post_id"));
			assertThat(now.get("status")).isIn("PUBLISHED", "FAILED");
		});
		assertThat(after.get(fixed.get("row")).get("post_id")).isNotEmpty().isNotEqualTo(fixed.get("post_id"));
		assertThat(after.values()).anyMatch(row -> row.get("status").equals("PUBLISHED")
				&& row.get("error_message").contains("sent to Pinterest again on its post"));
	}

	/**
	 * The retries of a post are counted whoever asked for them: a {@code --retry-failed} of a post the run's own
	 * following had published again twice says it is still failing after three (before: after one, its own).
	 */
	@Test
	void aRetryCountsThePostsEarlierRetries() throws IOException {
		// given: pins refused for a passing reason that keeps failing (an outage of days), retried twice by the run
		sandbox.passRetries(0);
		run("--input=" + shelfPins(ROWS), "--pinbatch.follow.max-wait=5s", "--pinbatch.follow.poll-interval=10ms");
		Path results = dir.resolve("pins.results.csv");
		List<Map<String, String>> failed = ResultRows.read(results).stream()
			.filter(row -> PASSING.contains(row.get("error_code")))
			.toList();
		assertThat(failed).isNotEmpty().allSatisfy(row -> assertThat(row.get("error_message"))
			.contains("(still failing after 2 retries of the same post)"));

		// when
		CommandLineRun retry = run("--retry-failed=" + results, "--pinbatch.follow.max-wait=5s",
				"--pinbatch.follow.poll-interval=10ms");

		// then
		Map<String, Map<String, String>> after = ResultRows.read(dir.resolve("pins.results.retry.csv")).stream()
			.collect(Collectors.toMap(row -> row.get("row"), Function.identity()));
		assertThat(failed).as(retry.toString()).allSatisfy(row -> assertThat(after.get(row.get("row")))
			.containsEntry("status", "FAILED")
			.extractingByKey("error_message").asString()
			.contains("(still failing after 3 retries of the same post)"));
	}

	@Test
	void theSheetRunAgainWithARowAddedDoesNotPinAgainTheRowsPinterestRefused() throws IOException {
		// given: pins Pinterest refused for good (not for a passing reason); the next night the sheet has a row more,
		// so its run is a new one
		List<Map<String, String>> refused = refusedRows(ROWS, code -> code.startsWith("publish_")
				&& !PASSING.contains(code));
		Path input = dir.resolve("pins.csv");
		Files.writeString(input, Files.readString(input) + "Shelf 99,Open shelf idea 99,"
				+ "https://images.example.com/shelf/99.jpg,Kitchen Ideas,acme-home\n");
		List<String> descriptionsCreated = creates().stream().map(RecordedRequest::body).toList();

		// when
		CommandLineRun run = run("--input=" + input, "--pinbatch.follow.max-wait=0s");

		// then: the rows keep their posts and failures, and say why they were not sent (before: each night created
		// another post for each of them, and pinned again content removed from Pinterest)
		List<String> createdNow = creates().stream().map(RecordedRequest::body).toList()
			.subList(descriptionsCreated.size(), creates().size());
		assertThat(createdNow).as(run.toString()).noneMatch(body -> refused.stream()
			.anyMatch(row -> body.contains("\"" + row.get("description") + "\"")));
		assertThat(createdNow).anyMatch(body -> body.contains("\"Open shelf idea 99\""));
		assertThat(run.out()).contains("plan: " + refused.size() + " rows are pins that failed on Pinterest in earlier"
				+ " runs: not pinned again as they are");
		Map<String, Map<String, String>> after = ResultRows.read(dir.resolve("pins.results.csv")).stream()
			.collect(Collectors.toMap(row -> row.get("row"), Function.identity()));
		assertThat(refused).allSatisfy(row -> assertThat(after.get(row.get("row")))
			.containsEntry("status", "FAILED")
			.containsEntry("post_id", row.get("post_id"))
			.containsEntry("error_code", row.get("error_code"))
			.extractingByKey("error_message").asString()
			.contains("created from its row " + row.get("row"), "failed, and the row is not pinned again as it is"));
	}

	@Test
	void theInputRunAgainAfterARetryReportsWhatTheRetryMadeOfItsPosts() throws IOException {
		// given: pins refused for a passing reason, retried unchanged on their posts
		List<Map<String, String>> failed = refusedRows(ROWS, PASSING::contains);
		CommandLineRun retry = run("--retry-failed=" + dir.resolve("pins.results.csv"), "--pinbatch.follow.max-wait=0s");
		Map<String, Map<String, String>> retried = ResultRows.read(dir.resolve("pins.results.retry.csv")).stream()
			.collect(Collectors.toMap(row -> row.get("row"), Function.identity()));
		assertThat(failed).as(retry.toString())
			.anyMatch(row -> !retried.get(row.get("row")).get("status").equals("FAILED"));

		// when: the nightly command names the sheet again (already processed: it reports the outcome)
		CommandLineRun again = run("--input=" + dir.resolve("pins.csv"), "--pinbatch.follow.max-wait=0s");

		// then: each retried row reads as its post now stands (before: FAILED with the failure the retry mended)
		Map<String, Map<String, String>> reported = ResultRows.read(dir.resolve("pins.results.csv")).stream()
			.collect(Collectors.toMap(row -> row.get("row"), Function.identity()));
		assertThat(again.out()).contains("already processed");
		assertThat(failed).allSatisfy(row -> assertThat(reported.get(row.get("row")))
			.containsEntry("post_id", row.get("post_id"))
			.containsEntry("status", retried.get(row.get("row")).get("status")));
	}

	@Test
	void aColumnOfTheUsersOwnAddedToTheResultFileIsNoChangeOfItsRows() throws IOException {
		// given: pins refused for a passing reason; a reviewer adds a column of their own after the title
		List<Map<String, String>> failed = refusedRows(ROWS, PASSING::contains);
		Path results = dir.resolve("pins.results.csv");
		List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
		String edited = IntStream.range(0, lines.size())
			.mapToObj(at -> lines.get(at).replaceFirst("^([^,]*),", at == 0 ? "$1,reviewer," : "$1,ok,"))
			.collect(Collectors.joining("\n", "", "\n"));
		Files.writeString(results, edited, StandardCharsets.UTF_8);
		int requestsBefore = sandbox.requests().size();

		// when
		CommandLineRun retry = run("--retry-failed=" + results, "--pinbatch.follow.max-wait=0s");

		// then: each went again on its own post, and nothing was created (before: every row was taken for a changed
		// one and created anew, a second pin beside each failed one); each has its place in the plan
		assertThat(retry.out()).contains("plan: acme-home: " + ROWS + " pins").doesNotContain("earlier run");
		List<RecordedRequest> sent = sandbox.requests().subList(requestsBefore, sandbox.requests().size());
		assertThat(sent).as(retry.toString())
			.noneMatch(request -> request.method().equals("POST") && request.path().endsWith("/v1/posts"));
		assertThat(sent.stream().filter(request -> request.path().endsWith("/retry")).map(request -> request.path()
			.split("/")[4]).toList()).doesNotHaveDuplicates()
			.containsAll(failed.stream().map(row -> row.get("post_id")).toList());
	}

	@Test
	void anUnchangedRowWhosePostCannotBeCheckedNowKeepsItsFailureAndNothingIsCreated() throws IOException {
		// given: pins refused for a passing reason; when they are retried, Zernio's look-ups of posts fail for a while
		List<Map<String, String>> failed = refusedRows(ROWS, PASSING::contains);
		Path results = dir.resolve("pins.results.csv");
		int postsBefore = sandbox.postCount();
		sandbox.failNextLookUps(2 * failed.size(), 503);

		// when: each check is asked twice at the most, the second a millisecond after the first
		CommandLineRun retry = run("--retry-failed=" + results, "--pinbatch.follow.max-wait=0s",
				"--pinbatch.concurrency=1", "--pinbatch.throttle.max-attempts=2",
				"--pinbatch.throttle.initial-backoff=1ms");

		// then: no second post beside a failed one (before: a row whose post could not be checked was taken for a
		// changed one and created anew), each says what to do
		assertThat(sandbox.postCount()).as(retry.toString()).isEqualTo(postsBefore);
		Map<String, Map<String, String>> after = ResultRows.read(dir.resolve("pins.results.retry.csv")).stream()
			.collect(Collectors.toMap(row -> row.get("row"), Function.identity()));
		assertThat(failed).anySatisfy(row -> assertThat(after.get(row.get("row")))
			.containsEntry("post_id", row.get("post_id"))
			.containsEntry("status", "FAILED")
			.extractingByKey("error_message").asString()
			.contains("its post could not be checked now", "run --retry-failed with this result file again"));
	}

	@Test
	void anUnchangedRowPinterestRefusedForItsContentIsPublishedAgainOnItsPostNotCreatedAnew() throws IOException {
		// given: every pin refused, some for their content (a media URL Pinterest could not read, say); the user sets
		// the image's hosting right and retries the rows unchanged
		List<Map<String, String>> forContent = refusedRows(ROWS,
				code -> code.startsWith("publish_") && !PASSING.contains(code));
		Path results = dir.resolve("pins.results.csv");
		int requestsBefore = sandbox.requests().size();

		// when
		CommandLineRun retry = run("--retry-failed=" + results, "--pinbatch.follow.max-wait=0s");

		// then: each went again on its own post, as Zernio advises for a failed post; nothing was created (before: a
		// create, met by Zernio's 409 within a day of the first, and after it a second post beside the failed one)
		List<RecordedRequest> sent = sandbox.requests().subList(requestsBefore, sandbox.requests().size());
		assertThat(sent).as(retry.toString())
			.filteredOn(request -> request.method().equals("POST") && request.path().endsWith("/retry"))
			.extracting(request -> request.path().split("/")[4])
			.containsAll(forContent.stream().map(row -> row.get("post_id")).toList());
		assertThat(sandbox.postCount()).isEqualTo(ROWS);
		Map<String, Map<String, String>> after = ResultRows.read(dir.resolve("pins.results.retry.csv")).stream()
			.collect(Collectors.toMap(row -> row.get("row"), Function.identity()));
		// the sandbox's Pinterest refuses such a pin again: the row keeps its post and its failure
		assertThat(forContent).allSatisfy(row -> assertThat(after.get(row.get("row")))
			.containsEntry("post_id", row.get("post_id"))
			.containsEntry("status", "FAILED")
			.containsEntry("error_code", row.get("error_code")));
	}

	@Test
	void anUnchangedRowWhoseLocalImagePinterestCouldNotUseIsUploadedAndCreatedAnew() throws IOException {
		// given: pins of local images, every one refused by Pinterest, some for their media; the user fixes each of
		// those images in place, under the same name (a change the row's cells do not show)
		Files.createDirectories(dir.resolve("images"));
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account\n");
		for (int i = 1; i <= ROWS; i++) {
			Files.write(dir.resolve("images/shelf-" + i + ".jpg"), RealMedia.jpeg("shelf-" + i));
			csv.append("Shelf ").append(i).append(",Open shelf idea ").append(i).append(",images/shelf-").append(i)
				.append(".jpg,Kitchen Ideas,acme-home\n");
		}
		run("--input=" + Files.writeString(dir.resolve("pins.csv"), csv), "--pinbatch.follow.max-wait=0s");
		List<Map<String, String>> forMedia = ResultRows.read(dir.resolve("pins.results.csv")).stream()
			.filter(row -> PublishFailure.mediaUnusable(row.get("error_code")))
			.toList();
		assertThat(forMedia).as("rows refused for their media").isNotEmpty();
		for (Map<String, String> row : forMedia) {
			String name = row.get("title").replace("Shelf ", "shelf-");
			Files.write(dir.resolve("images/" + name + ".jpg"), RealMedia.jpeg("fixed " + name));
		}
		int requestsBefore = sandbox.requests().size();

		// when
		CommandLineRun retry = run("--retry-failed=" + dir.resolve("pins.results.csv"),
				"--pinbatch.follow.max-wait=0s");

		// then: each is a new pin of the fixed image, its old post not published again as it was
		List<RecordedRequest> sent = sandbox.requests().subList(requestsBefore, sandbox.requests().size());
		assertThat(sent).as(retry.toString())
			.noneMatch(request -> forMedia.stream().anyMatch(row -> request.path().contains(row.get("post_id"))));
		Map<String, Map<String, String>> after = ResultRows.read(dir.resolve("pins.results.retry.csv")).stream()
			.collect(Collectors.toMap(row -> row.get("row"), Function.identity()));
		assertThat(forMedia).allSatisfy(row -> assertThat(after.get(row.get("row")).get("post_id")).isNotEmpty()
			.isNotEqualTo(row.get("post_id")));
	}

	@Test
	void rowsTheirLimitedAccountHadRefusedArePublishedOnTheirPostsOnceItIsInOrder() throws IOException {
		// given: Pinterest limited acme-home for unusual activity and refused its pins (those sent before the first
		// refusal came back; the rest were held back, not sent); a day later the account is in order
		List<Map<String, String>> refused = refusedForTheirLimitedAccount();
		Path results = dir.resolve("pins.results.csv");
		sandbox.liftLimit("acme-home");
		int requestsBefore = sandbox.requests().size();

		// when
		CommandLineRun retry = run("--retry-failed=" + results);

		// then: each refused row went again on its own post (before: a second create of the same content, which
		// Zernio may refuse as a duplicate of the failed post); the rows held back are created now; all are live
		List<RecordedRequest> sent = sandbox.requests().subList(requestsBefore, sandbox.requests().size());
		assertThat(sent.stream()
			.filter(request -> request.method().equals("POST") && request.path().endsWith("/retry"))
			.map(request -> request.path().split("/")[4])).as(retry.toString())
			.containsExactlyInAnyOrderElementsOf(refused.stream().map(row -> row.get("post_id")).toList());
		Map<String, Map<String, String>> after = ResultRows.read(dir.resolve("pins.results.retry.csv")).stream()
			.collect(Collectors.toMap(row -> row.get("row"), Function.identity()));
		assertThat(refused).allSatisfy(row -> assertThat(after.get(row.get("row")))
			.containsEntry("post_id", row.get("post_id"))
			.containsEntry("status", "PUBLISHED"));
		assertThat(after.values()).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PUBLISHED"));
		assertThat(sandbox.postCount()).isEqualTo(6);
	}

	@Test
	void aRetryPinterestRefusesForTheAccountsUnusualActivityHoldsBackTheAccountsOtherRetries() throws IOException {
		// given: Pinterest limited acme-home and refused its pins; the account is not in order yet
		List<Map<String, String>> refused = refusedForTheirLimitedAccount();
		Path results = dir.resolve("pins.results.csv");
		assertThat(refused).as("rows sent and refused").hasSizeGreaterThanOrEqualTo(2);
		int requestsBefore = sandbox.requests().size();

		// when: retried one row at a time
		CommandLineRun retry = run("--retry-failed=" + results, "--pinbatch.concurrency=1");

		// then: the first pin asked for was refused again, and nothing more of the account was asked (before: each
		// refused post was, and each refused); every row still says what to do. Which row goes first, a refused one
		// again on its post or a held-back one created anew, depends on which of the first run's sends came back
		// refused first (they go side by side)
		List<RecordedRequest> sent = sandbox.requests().subList(requestsBefore, sandbox.requests().size());
		assertThat(sent).as(retry.toString())
			.filteredOn(request -> request.method().equals("POST")
					&& (request.path().endsWith("/retry") || request.path().endsWith("/v1/posts")))
			.hasSize(1);
		assertThat(ResultRows.read(dir.resolve("pins.results.retry.csv"))).hasSize(6)
			.allSatisfy(row -> assertThat(row.get("error_code")).isIn("publish_account_limited", "account_limited"));
		long created = sent.stream()
			.filter(request -> request.method().equals("POST") && request.path().endsWith("/v1/posts"))
			.count();
		assertThat(sandbox.postCount()).isEqualTo(refused.size() + created);
	}

	/**
	 * Runs {@code pins.csv}, six pins of acme-home, on a sandbox whose Pinterest limited that account, and returns the
	 * rows it sent and Pinterest refused (those sent before the first refusal came back; the rest are held back).
	 */
	private List<Map<String, String>> refusedForTheirLimitedAccount() throws IOException {
		restartSandbox(SandboxSettings.defaults().withRequestsPerMinute(6000).withPublishDelay(Duration.ZERO));
		sandbox.limitAccount("acme-home");
		run("--input=" + shelfPins(6));
		List<Map<String, String>> refused = ResultRows.read(dir.resolve("pins.results.csv")).stream()
			.filter(row -> row.get("error_code").equals("publish_account_limited"))
			.toList();
		assertThat(refused).as("rows sent and refused").isNotEmpty();
		return refused;
	}
}

package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.pinbatch.follow.PinFollower;
import com.pinbatch.follow.PublishFailure;
import com.pinbatch.sandbox.MovableClock;
import com.pinbatch.sandbox.RecordedRequest;
import com.pinbatch.sandbox.SandboxPost;
import com.pinbatch.sandbox.SandboxSettings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --follow-up=RESULTS} against a sandbox that refuses many pins (some for good, some for a passing reason) and
 * answers half the outcomes only later (on a clock the test can move or stop): a run that did not wait for the outcomes leaves
 * rows CREATED, and the follow-up learns them, retrying passing failures on the same post, creating nothing.
 */
class FollowUpCommandLineTests extends SandboxedCommandLine {

	private static final int ROWS = 24;

	private final MovableClock clock = new MovableClock();

	@Override
	SandboxSettings sandboxSettings() {
		return super.sandboxSettings().withPublishFailures(0.8).withPublishDelay(Duration.ofMillis(600));
	}

	@Override
	Clock sandboxClock() {
		return clock;
	}

	@Test
	void aFollowUpGivesEveryRowItsPostsOutcomeRetryingPassingFailuresOnTheSamePost() throws IOException {
		// given: a run that did not wait for Pinterest, whose delayed outcomes have come since
		Path results = runWithoutWaiting();
		List<Map<String, String>> before = ResultRows.read(results);
		long open = before.stream().filter(row -> row.get("status").equals("CREATED")).count();
		int requestsBefore = sandbox.requests().size();
		clock.add(Duration.ofSeconds(1));

		// when
		// (each round waits longer than a publish takes: the rounds, one listing each, stay within the budget)
		CommandLineRun followUp = run("--follow-up=" + results, "--pinbatch.follow.poll-interval=700ms",
				"--pinbatch.follow.max-wait=30s");

		// then: each row says what became of its post
		List<Map<String, String>> after = ResultRows.read(results);
		Map<String, SandboxPost> posts = posts();
		assertThat(after).hasSize(ROWS).allSatisfy(row -> {
			SandboxPost post = posts.get(row.get("post_id"));
			switch (post.status()) {
				case "published" -> assertThat(row).containsEntry("status", "PUBLISHED")
					.containsEntry("pin_url", post.pinUrl());
				case "failed" -> assertThat(row.get("status") + " " + row.get("error_code")).startsWith("FAILED publish_");
				default -> assertThat(row).as("still publishing after a retry").containsEntry("status", "CREATED");
			}
		});
		assertThat(open).as("rows the run left to learn").isPositive();
		assertThat(after).filteredOn(row -> !row.get("status").equals("CREATED")).hasSizeGreaterThan(ROWS - (int) open);
		assertThat(followUp.exitCode()).as(followUp.toString())
			.isEqualTo(after.stream().anyMatch(row -> row.get("status").equals("FAILED")) ? 3 : 0);

		// and: transient failures were retried on their own posts, nothing was created, few requests were sent
		List<RecordedRequest> sent = sandbox.requests().subList(requestsBefore, sandbox.requests().size());
		Set<String> rowPosts = after.stream().map(row -> row.get("post_id")).collect(Collectors.toSet());
		List<String> retried = sent.stream()
			.filter(request -> request.method().equals("POST") && request.path().endsWith("/retry"))
			.map(request -> request.path().split("/")[4])
			.toList();
		assertThat(retried).as("retries of failed posts").isNotEmpty().allMatch(rowPosts::contains);
		assertThat(retried.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting())).values())
			.allMatch(count -> count <= 2);
		assertThat(posts.values()).anyMatch(post -> post.retries() > 0 && !post.status().equals("publishing"));
		assertThat(sent).noneMatch(request -> request.method().equals("POST") && request.path().endsWith("/v1/posts"));
		assertThat(sandbox.postCount()).isEqualTo(ROWS);
		assertThat(sent.stream().filter(request -> request.method().equals("GET")).count())
			.as("listing pages and single posts: at most one per row followed").isPositive().isLessThanOrEqualTo(open);
		assertThat(followUp.out()).startsWith("pinbatch: starting: following up " + results.getFileName() + "...\n")
			.contains("follow-up: " + open + " rows asked about with ");
		// the time it took, with the rows it changed (before: "N rows at N rows/min", as if sent)
		Matcher changed = Pattern.compile("; (\\d+ rows?) changed\n").matcher(followUp.out());
		assertThat(changed.find()).as(followUp.out()).isTrue();
		assertThat(followUp.out()).containsPattern("\n  took [^:\n]+: " + changed.group(1) + " changed\n")
			.doesNotContain("rows/min");
		// and the summary counts the pins by account, as a run's does (before: no "by account" lines), saying that
		// only rows with a post are (before: a run's capped rows were in its "failed", and not in the follow-up's)
		long published = after.stream().filter(row -> row.get("status").equals("PUBLISHED")).count();
		long failed = after.stream().filter(row -> row.get("status").equals("FAILED")).count();
		assertThat(followUp.out()).contains("  by account (rows with a post on Zernio):\n    acme-home: " + published + " published, " + failed
				+ " failed (");
	}

	@Test
	void aSecondFollowUpWhenNothingChangedSendsNoRetryAndLeavesTheFileAsItWas() throws IOException {
		// given: a follow-up after which some retried posts are still publishing (the sandbox's clock stands still)
		Path results = sentThenFollowedUp();
		byte[] first = Files.readAllBytes(results);
		int requestsBefore = sandbox.requests().size();

		// when
		CommandLineRun again = followUp(results);

		// then
		List<RecordedRequest> sent = sandbox.requests().subList(requestsBefore, sandbox.requests().size());
		assertThat(sent).as(again.toString()).noneMatch(request -> request.method().equals("POST"));
		assertThat(Files.readAllBytes(results)).isEqualTo(first);
		assertThat(again.out()).contains(" 0 retries ").contains("; 0 rows changed");
		long stillPublishing = ResultRows.read(results).stream().filter(row -> row.get("status").equals("CREATED"))
			.count();
		assertThat(sent.isEmpty()).isEqualTo(stillPublishing == 0);
	}

	@Test
	void theNightlyCommandRunAgainAfterAFollowUpKeepsWhatTheFollowUpLearnt() throws IOException {
		// given: a run that did not wait for Pinterest, then a follow-up that learnt what came of its pins
		Path results = sentThenFollowedUp();
		List<Map<String, String>> learnt = ResultRows.read(results);
		assertThat(learnt).as("the follow-up's news").anyMatch(row -> !row.get("status").equals("CREATED"));

		// when: the same nightly command again (a folder of inputs keeps yesterday's file in it)
		CommandLineRun again = run("--input=" + dir.resolve("pins.csv"), "--pinbatch.follow.max-wait=0s");

		// then: the input was processed before, and its result file still says what the follow-up learnt (a row both
		// know as published may take the job repository's time of it)
		assertThat(again.out()).as(again.toString()).contains("already processed");
		assertThat(withoutFinishTimes(ResultRows.read(results))).isEqualTo(withoutFinishTimes(learnt));
		assertThat(again.out()).contains(": " + ROWS + " rows: " + counts(learnt));
	}

	@Test
	void aPinAFollowUpLearntPinterestCouldNotUseIsPublishedAgainOnItsPostByRetryFailed() throws IOException {
		// given: a run that did not wait for Pinterest, and a follow-up that learnt which pins it could not use (their
		// media, at web addresses); a day later, the user runs the file again, the rows unchanged
		Path results = sentThenFollowedUp();
		List<Map<String, String>> refused = ResultRows.read(results).stream()
			.filter(row -> row.get("status").equals("FAILED") && row.get("error_code").startsWith("publish_")
					&& !PinFollower.transientCode(row.get("error_code")))
			.toList();
		assertThat(refused).as("pins refused for good").isNotEmpty()
			.allMatch(row -> PublishFailure.mediaUnusable(row.get("error_code")));
		clock.add(Duration.ofHours(25)); // past Zernio's 24 hours of refusing the same content again
		int postsBefore = sandbox.postCount();
		int requestsBefore = sandbox.requests().size();

		// when
		CommandLineRun retry = run("--retry-failed=" + results, "--pinbatch.follow.max-wait=0s");

		// then: each went again on its own post, as Zernio advises for a failed post (the version before created a
		// second post beside the failed one; the one before that sent nothing, "already on Zernio")
		Map<String, Map<String, String>> retried = ResultRows.read(dir.resolve("pins.results.retry.csv")).stream()
			.collect(Collectors.toMap(row -> row.get("row"), Function.identity()));
		assertThat(refused).as(retry.toString())
			.allSatisfy(row -> assertThat(retried.get(row.get("row")).get("post_id")).isEqualTo(row.get("post_id")));
		assertThat(sandbox.requests().subList(requestsBefore, sandbox.requests().size()))
			.filteredOn(request -> request.method().equals("POST") && request.path().endsWith("/retry"))
			.extracting(request -> request.path().split("/")[4])
			.containsAll(refused.stream().map(row -> row.get("post_id")).toList());
		assertThat(sandbox.postCount()).isEqualTo(postsBefore);
	}

	@Test
	void aPostThatKeepsFailingIsRetriedNoMoreThanAllowedHoweverManyNightsFollowItUp() throws IOException {
		// given: an outage on Pinterest's side that lasts (no retry passes), and a run that did not wait for it
		sandbox.passRetries(0);
		Path results = runWithoutWaiting();

		// when: four nights' follow-ups, each taking one look
		List<CommandLineRun> nights = new ArrayList<>();
		for (int night = 0; night < 4; night++) {
			clock.add(Duration.ofSeconds(1));
			nights.add(run("--follow-up=" + results, "--pinbatch.follow.max-wait=0s"));
		}

		// then: each failing post was published again at most twice (pinbatch.follow.max-retries), over all nights
		// (before: once more every night, its row CREATED for ever), and its row ends FAILED saying so
		Map<String, Long> retries = sandbox.requests().stream()
			.filter(request -> request.method().equals("POST") && request.path().endsWith("/retry"))
			.collect(Collectors.groupingBy(request -> request.path().split("/")[4], Collectors.counting()));
		assertThat(retries).as(nights.toString()).isNotEmpty();
		assertThat(retries.values()).allMatch(count -> count == 2);
		List<Map<String, String>> rows = ResultRows.read(results);
		assertThat(rows).filteredOn(row -> retries.containsKey(row.get("post_id"))).allSatisfy(row -> {
			assertThat(row).containsEntry("status", "FAILED");
			assertThat(row.get("error_message")).contains("still failing after 2 retries of the same post");
		});
		assertThat(nights.get(3).exitCode()).isEqualTo(3);
	}

	@Test
	void aFollowUpWithReportWritesThePageOfTheFileItWrote() throws IOException {
		// given: a run that did not wait for Pinterest
		Path results = runWithoutWaiting();
		clock.add(Duration.ofSeconds(1));
		Path report = dir.resolve("follow-up.html");

		// when
		CommandLineRun followUp = run("--follow-up=" + results, "--pinbatch.follow.poll-interval=100ms",
				"--pinbatch.follow.max-wait=1s", "--report=" + report);

		// then: the page shows the rows as the follow-up left them (before: no page, and not a word)
		assertThat(followUp.out()).as(followUp.toString()).contains("pinbatch: report: " + report.toAbsolutePath());
		String page = Files.readString(report);
		assertThat(page).contains("<td>Shelf 1</td>", "pinbatch: follow-up: ");
		Map<String, Long> byStatus = ResultRows.read(results).stream()
			.collect(Collectors.groupingBy(row -> row.get("status"), Collectors.counting()));
		assertThat(byStatus).allSatisfy((status, count) -> assertThat(page).contains(status));
	}

	@Test
	void aFollowUpWhileZernioFailsItsLookUpsStopsSayingWhyAndTheSameCommandFinishesLater() throws IOException {
		// given: a run that did not wait for Pinterest, whose outcomes have come since; then Zernio answers every
		// look-up of a post with 503
		Path results = runWithoutWaiting();
		List<Map<String, String>> before = ResultRows.read(results);
		String fileBefore = Files.readString(results, StandardCharsets.UTF_8);
		clock.add(Duration.ofSeconds(1));
		sandbox.failNextLookUps(10_000, 503);

		// when
		CommandLineRun down = run("--follow-up=" + results, "--pinbatch.follow.max-wait=1s",
				"--pinbatch.throttle.initial-backoff=1ms");
		String fileAfterDown = Files.readString(results, StandardCharsets.UTF_8);
		sandbox.failNextLookUps(0, 503);
		CommandLineRun later = followUp(results);

		// then: it stopped with one line that says why and what to do, the file as it was
		assertThat(down.exitCode()).as(down.toString()).isEqualTo(1);
		assertThat(down.err()).as(down.toString()).contains("503").doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(fileAfterDown).isEqualTo(fileBefore);
		assertThat(down.out()).as("the file's rows as they stand, not '0 rows'")
			.contains(results + ": " + ROWS + " rows: " + counts(before) + "\n");
		assertThat(before).anyMatch(row -> row.get("status").equals("CREATED"));
		// with the error codes the file holds (before: none, and "errorCodes": [] in the summary)
		String failedCode = before.stream().filter(row -> row.get("status").equals("FAILED")).findFirst()
			.orElseThrow().get("error_code");
		assertThat(down.out()).contains("top problems:").contains(failedCode + ": ");
		// and: the same command, once Zernio answers, learns every row, creating nothing
		assertThat(later.exitCode()).as(later.toString()).isIn(0, 3);
		assertThat(ResultRows.read(results)).hasSize(ROWS)
			.filteredOn(row -> row.get("status").equals("CREATED"))
			.hasSizeLessThan((int) before.stream().filter(row -> row.get("status").equals("CREATED")).count());
		assertThat(sandbox.postCount()).isEqualTo(ROWS);
	}

	@Test
	@Timeout(120) // a guard, not a measure: before, the follow-up waited for the stalled answer for ever
	void aFollowUpWhoseLookUpStallsHalfwayGivesUpOnItAndLearnsEveryRow() throws IOException {
		// given: a run that did not wait for Pinterest, whose outcomes have come since; Zernio's next answer to a
		// look-up stops halfway and stays stuck (a connection lost mid-answer)
		Path results = runWithoutWaiting();
		long createdBefore = ResultRows.read(results).stream().filter(row -> row.get("status").equals("CREATED"))
			.count();
		clock.add(Duration.ofSeconds(1));
		sandbox.stallNextLookUps(1, Duration.ofMinutes(10));

		// when
		CommandLineRun followed = run("--follow-up=" + results, "--zernio.request-timeout=2s",
				"--pinbatch.throttle.initial-backoff=1ms");

		// then: the look-up was asked again, and the rows learnt what became of their pins (some publishing again
		// after a retry), creating nothing
		assertThat(followed.exitCode()).as(followed.toString()).isIn(0, 3);
		assertThat(createdBefore).isPositive();
		assertThat(ResultRows.read(results)).hasSize(ROWS)
			.filteredOn(row -> row.get("status").equals("CREATED"))
			.hasSizeLessThan((int) createdBefore);
		assertThat(sandbox.postCount()).isEqualTo(ROWS);
	}

	@Test
	void aScheduledPinFollowedUpAfterItsTimeIsPublished() throws IOException {
		// given: the built-in sandbox, remembering its posts in a file, and a pin scheduled two days ahead
		Path state = dir.resolve("sandbox.jsonl");
		String publishAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES).toString();
		Path results = scheduledOnTheBuiltInSandbox(publishAt, state);

		// when: followed up now, and once the sandbox's clock is past the pin's time
		CommandLineRun tooEarly = CommandLineRun.run(dir.resolve("data"), null, "--follow-up=" + results, "--sandbox",
				"--pinbatch.sandbox.state-file=" + state);
		Map<String, String> early = ResultRows.read(results).get(0);
		CommandLineRun later = CommandLineRun.run(dir.resolve("data"), null, "--follow-up=" + results, "--sandbox",
				"--pinbatch.sandbox.state-file=" + state, "--pinbatch.sandbox.clock-offset=72h");

		// then
		assertThat(tooEarly.out()).as(tooEarly.toString()).contains("0 rows to ask Zernio about");
		assertThat(early).containsEntry("status", "SCHEDULED");
		Map<String, String> row = ResultRows.read(results).get(0);
		assertThat(row).as(later.toString()).containsEntry("status", "PUBLISHED").containsEntry("publish_at_utc",
				publishAt);
		assertThat(row.get("pin_url")).startsWith("https://www.pinterest.com/pin/");
		assertThat(later.exitCode()).isZero();
	}

	@Test
	void aScheduledPinThatPinterestRemovedAfterPublishingItIsNotReportedPublished() throws IOException {
		// given: a pin scheduled two days ahead, on a sandbox whose Pinterest removes every pin two hours after it
		// goes live (Zernio keeps such a post "published" and sets removedFromPlatformAt)
		Path state = dir.resolve("sandbox.jsonl");
		String publishAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES).toString();
		Path results = scheduledOnTheBuiltInSandbox(publishAt, state);
		String[] removing = { "--sandbox", "--pinbatch.sandbox.state-file=" + state,
				"--pinbatch.sandbox.removal-rate=1", "--pinbatch.sandbox.removal-delay=2h" };

		// when: followed up a day after its time
		CommandLineRun followUp = CommandLineRun.run(dir.resolve("data"), null, concat("--follow-up=" + results,
				removing, "--pinbatch.sandbox.clock-offset=72h"));

		// then: FAILED, saying what happened, with the pin's address kept for the user to look at (before: PUBLISHED)
		Map<String, String> row = ResultRows.read(results).get(0);
		assertThat(followUp.exitCode()).as(followUp.toString()).isEqualTo(3);
		assertThat(row).containsEntry("status", "FAILED").containsEntry("error_code", "publish_removed");
		assertThat(row.get("pin_url")).startsWith("https://www.pinterest.com/pin/");
		assertThat(row.get("error_message")).startsWith("Pinterest published the pin, then it was removed")
			.contains("deleted on Pinterest, or taken down by Pinterest");

		// and when: --retry-failed of the file as it is (a nightly script may run it), then with the row changed
		CommandLineRun unchanged = CommandLineRun.run(dir.resolve("data"), null, concat("--retry-failed=" + results,
				removing, "--pinbatch.sandbox.clock-offset=72h"));
		Map<String, String> kept = ResultRows.read(dir.resolve("later.results.retry.csv")).get(0);
		Files.writeString(results, Files.readString(results, StandardCharsets.UTF_8).replace("Open shelf idea",
				"Open shelf idea again"), StandardCharsets.UTF_8);
		CommandLineRun changed = CommandLineRun.run(dir.resolve("data"), null, "--retry-failed=" + results,
				"--sandbox", "--pinbatch.sandbox.state-file=" + state, "--pinbatch.sandbox.clock-offset=72h");
		Map<String, String> pinnedAnew = ResultRows.read(dir.resolve("later.results.retry.csv")).get(0);

		// then: the removed pin is not pinned again as it was (before: a new pin); the changed row is a new pin
		assertThat(unchanged.exitCode()).as(unchanged.toString()).isEqualTo(3);
		assertThat(kept).containsEntry("status", "FAILED").containsEntry("error_code", "publish_removed")
			.containsEntry("post_id", row.get("post_id"));
		assertThat(changed.exitCode()).as(changed.toString()).isZero();
		assertThat(pinnedAnew.get("post_id")).isNotBlank().isNotEqualTo(row.get("post_id"));
		assertThat(pinnedAnew.get("status")).isIn("PUBLISHED", "SCHEDULED", "CREATED");
	}

	@Test
	void aPostUnpublishedInZernioIsFailedSayingSoAndNotPinnedAgainAsItIs() throws IOException {
		// given: an immediate pin sent without waiting for Pinterest (CREATED), then unpublished in Zernio (a line
		// added to the sandbox's state file, as README shows), which leaves its post "cancelled"
		Path state = dir.resolve("sandbox.jsonl");
		String[] sandboxed = { "--sandbox", "--pinbatch.sandbox.state-file=" + state,
				"--pinbatch.sandbox.publish-delay=10m", "--pinbatch.follow.max-wait=0s" };
		Path input = Files.writeString(dir.resolve("now.csv"), "title,description,media_url,board,account\n"
				+ "Shelf,Open shelf idea,https://images.example.com/shelf.jpg,Kitchen Ideas,acme-home\n",
				StandardCharsets.UTF_8);
		Path results = dir.resolve("now.results.csv");
		CommandLineRun sent = CommandLineRun.run(dir.resolve("data"), null, concat("--input=" + input, sandboxed,
				"--pinbatch.sandbox.clock-offset=0s"));
		String postId = ResultRows.read(results).get(0).get("post_id");
		assertThat(ResultRows.read(results).get(0)).as(sent.toString()).containsEntry("status", "CREATED");
		Files.writeString(state, "{\"unpublished\":\"" + postId + "\"}\n", StandardCharsets.UTF_8,
				StandardOpenOption.APPEND);

		// when
		CommandLineRun followUp = CommandLineRun.run(dir.resolve("data"), null, concat("--follow-up=" + results,
				sandboxed, "--pinbatch.sandbox.clock-offset=1h"));

		// then: FAILED, saying what happened in Zernio (before: CREATED for ever, exit 0, follow it up later)
		Map<String, String> row = ResultRows.read(results).get(0);
		assertThat(followUp.exitCode()).as(followUp.toString()).isEqualTo(3);
		assertThat(row).containsEntry("status", "FAILED").containsEntry("error_code", "post_cancelled")
			.containsEntry("post_id", postId);
		assertThat(row.get("error_message")).startsWith("the post was cancelled in Zernio")
			.contains("Pinterest did not refuse it");

		// and when: --retry-failed of the file as it is
		CommandLineRun unchanged = CommandLineRun.run(dir.resolve("data"), null, concat("--retry-failed=" + results,
				sandboxed, "--pinbatch.sandbox.clock-offset=1h"));

		// then: not pinned again as it was: someone took it off in Zernio
		assertThat(unchanged.exitCode()).as(unchanged.toString()).isEqualTo(3);
		assertThat(ResultRows.read(dir.resolve("now.results.retry.csv")).get(0)).containsEntry("status", "FAILED")
			.containsEntry("error_code", "post_cancelled").containsEntry("post_id", postId);
	}

	@Test
	void aScheduledPostDeletedInZernioIsFailedSayingSoNotBlamedOnPinterest() throws IOException {
		// given: a pin scheduled two days ahead, then deleted in Zernio (a line added to the sandbox's state file)
		Path state = dir.resolve("sandbox.jsonl");
		String publishAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES).toString();
		Path results = scheduledOnTheBuiltInSandbox(publishAt, state);
		String postId = ResultRows.read(results).get(0).get("post_id");
		Files.writeString(state, "{\"deleted\":\"" + postId + "\"}\n", StandardCharsets.UTF_8,
				StandardOpenOption.APPEND);

		// when: followed up after its time
		CommandLineRun followUp = CommandLineRun.run(dir.resolve("data"), null, "--follow-up=" + results, "--sandbox",
				"--pinbatch.sandbox.state-file=" + state, "--pinbatch.sandbox.clock-offset=72h");

		// then: (before: publish_failed, "Pinterest did not publish the pin ... check the pin's content")
		Map<String, String> row = ResultRows.read(results).get(0);
		assertThat(followUp.exitCode()).as(followUp.toString()).isEqualTo(3);
		assertThat(row).containsEntry("status", "FAILED").containsEntry("error_code", "post_deleted");
		assertThat(row.get("error_message")).startsWith("Zernio no longer has the post (deleted there)")
			.contains("--retry-failed").doesNotContain("check the pin's content");
	}

	private static String[] concat(String first, String[] middle, String last) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(middle));
		all.add(last);
		return all.toArray(String[]::new);
	}

	@Test
	void aScheduledPinMovedInZernioSinceItWasSentSaysWhenItNowPublishes() throws IOException {
		// given: a pin scheduled two days ahead, that someone then moved in Zernio to five days ahead (a line added
		// to the sandbox's state file, as README shows)
		Path state = dir.resolve("sandbox.jsonl");
		Instant sentFor = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
		Instant movedTo = sentFor.plus(Duration.ofDays(3));
		Path results = scheduledOnTheBuiltInSandbox(sentFor.toString(), state);
		String postId = ResultRows.read(results).get(0).get("post_id");
		Files.writeString(state, "{\"rescheduled\":\"" + postId + "\",\"scheduledFor\":\"" + movedTo + "\"}\n",
				StandardCharsets.UTF_8, StandardOpenOption.APPEND);

		// when: followed up once the time it was sent for has passed, and again once the new one has
		CommandLineRun passed = CommandLineRun.run(dir.resolve("data"), null, "--follow-up=" + results, "--sandbox",
				"--pinbatch.sandbox.state-file=" + state, "--pinbatch.sandbox.clock-offset=72h");
		Map<String, String> waiting = ResultRows.read(results).get(0);
		CommandLineRun published = CommandLineRun.run(dir.resolve("data"), null, "--follow-up=" + results,
				"--sandbox", "--pinbatch.sandbox.state-file=" + state, "--pinbatch.sandbox.clock-offset=144h");

		// then: still scheduled, with the time it was sent for, and the time Zernio now has; then published
		assertThat(passed.exitCode()).as(passed.toString()).isZero();
		assertThat(waiting).containsEntry("status", "SCHEDULED").containsEntry("publish_at_utc", sentFor.toString())
			.containsEntry("error_message", "moved in Zernio: it publishes at " + movedTo + " (sent for " + sentFor
					+ ")");
		assertThat(ResultRows.read(results).get(0)).as(published.toString()).containsEntry("status", "PUBLISHED");
	}

	@Test
	void aLastOpenRowWhosePostIsOlderThanItsLastChangeIsStillLearnt() throws IOException {
		// given: one row whose outcome is not known yet, last changed an hour after its post was made (as a follow-up
		// that published it again on the same post leaves it, or a run that found it made by an earlier run)
		Path results = Files.writeString(dir.resolve("pins.csv"), "title,description,media_url,board,account\n"
				+ "Shelf,Open shelf idea,https://images.example.com/shelf.jpg,Kitchen Ideas,acme-home\n",
				StandardCharsets.UTF_8);
		CommandLineRun sent = run("--input=" + results, "--pinbatch.follow.max-wait=0s");
		Path resultFile = dir.resolve("pins.results.csv");
		Map<String, String> before = ResultRows.read(resultFile).get(0);
		assertThat(before).as(sent.toString()).containsEntry("status", "CREATED");
		String later = Instant.parse(before.get("finished_at")).plus(Duration.ofHours(1)).toString();
		Files.writeString(resultFile, Files.readString(resultFile).replace(before.get("finished_at"), later));
		clock.add(Duration.ofSeconds(1));

		int requestsBefore = sandbox.requests().size();

		// when
		CommandLineRun followUp = followUp(resultFile);

		// then: its post was asked about, and the row has its outcome
		String postId = before.get("post_id");
		assertThat(sandbox.requests().subList(requestsBefore, sandbox.requests().size()))
			.as(followUp.toString())
			.anyMatch(request -> request.method().equals("GET") && request.path().endsWith("/v1/posts/" + postId));
		assertThat(ResultRows.read(resultFile).get(0).get("status")).isEqualTo(switch (posts().get(postId).status()) {
			case "published" -> "PUBLISHED";
			case "failed" -> "FAILED";
			default -> "CREATED";
		});
	}

	@Test
	void aResultFileWithAColumnAddedAfterItsOwnSaysWhichAndWhereToPutIt() throws IOException {
		// given: a column added at the end in Excel, after the result columns
		Path results = runWithoutWaiting();
		List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
		Files.write(results, IntStream.range(0, lines.size())
			.mapToObj(at -> lines.get(at) + (at == 0 ? ",reviewer" : ",Ann"))
			.toList(), StandardCharsets.UTF_8);
		int requestsBefore = sandbox.requests().size();

		// when
		CommandLineRun followUp = run("--follow-up=" + results);
		CommandLineRun retry = run("--retry-failed=" + results);

		// then: one line naming the column and what to do (before: "not a pinbatch result file", of the file a run
		// wrote), nothing asked
		assertThat(followUp.exitCode()).as(followUp.toString()).isEqualTo(2);
		assertThat(followUp.err().lines()).singleElement().asString().endsWith(results + ": the result columns (row,"
				+ " status, post_id, ...) must come last, but 'reviewer' follows them: move that column in front of"
				+ " 'row', or delete it, then run --follow-up again");
		assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(2);
		assertThat(retry.err()).contains("'reviewer' follows them", "then run --retry-failed again");
		assertThat(sandbox.requests()).hasSize(requestsBefore);
	}

	@Test
	void aMissingFileOrOneThatIsNotAResultFileIsAUsageError() throws IOException {
		Path input = shelfPins(ROWS);

		CommandLineRun missing = run("--follow-up=" + dir.resolve("nowhere.results.csv"));
		CommandLineRun notResults = run("--follow-up=" + input);

		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err().lines()).singleElement().asString().contains("file not found");
		assertThat(notResults.exitCode()).isEqualTo(2);
		assertThat(notResults.err().lines()).singleElement().asString().contains("is not a pinbatch result file");
		assertThat(sandbox.requests()).isEmpty();
	}

	@Test
	void aDryRunsResultFileIsRefusedSayingNothingWasSent() throws IOException {
		// given
		Path input = shelfPins(3);
		CommandLineRun dryRun = run("--input=" + input, "--dry-run");
		int requestsBefore = sandbox.requests().size();

		// when
		CommandLineRun followUp = run("--follow-up=" + dir.resolve("pins.results.csv"));

		// then: (before: exit 0, "0 rows to ask Zernio about", as if its pins were all known)
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(followUp.exitCode()).as(followUp.toString()).isEqualTo(2);
		assertThat(followUp.err().lines()).singleElement().asString().contains("is a dry run's result file: nothing"
				+ " was sent");
		assertThat(sandbox.requests()).hasSize(requestsBefore);
	}

	@Test
	void aRowOnZernioWhosePostIdWasDeletedByHandIsRefusedNamingTheRowNotSkippedForEver() throws IOException {
		// given: the file of a run whose pins are still CREATED, one row's post_id cleared in an editor
		Path results = runWithoutWaiting();
		List<String> lines = new ArrayList<>(Files.readAllLines(results, StandardCharsets.UTF_8));
		Pattern created = Pattern.compile(",(\\d+),CREATED,[0-9a-f]+,");
		int index = 1;
		while (!created.matcher(lines.get(index)).find()) {
			index++;
		}
		Matcher row = created.matcher(lines.get(index));
		assertThat(row.find()).isTrue();
		lines.set(index, row.replaceFirst(",$1,CREATED,,"));
		Files.write(results, lines, StandardCharsets.UTF_8);
		int requestsBefore = sandbox.requests().size();

		// when
		CommandLineRun followUp = followUp(results);

		// then: (before: exit 0, the row left CREATED without a word, "follow it up later" every night)
		assertThat(followUp.exitCode()).as(followUp.toString()).isEqualTo(2);
		assertThat(followUp.err().lines()).singleElement().asString()
			.endsWith(": row " + row.group(1) + ": CREATED with no post_id: a follow-up asks Zernio about a pin by the"
					+ " post_id the run wrote; put it back, or run the command that wrote this file again, which writes"
					+ " it anew with every post_id");
		assertThat(sandbox.requests()).hasSize(requestsBefore);

		// and as it says: the command that wrote the file, run again, writes the post_id back (sending nothing)
		int createsBefore = creates().size();
		CommandLineRun again = run("--input=" + dir.resolve("pins.csv"), "--pinbatch.follow.max-wait=0s");
		assertThat(creates()).as(again.toString()).hasSize(createsBefore);
		assertThat(followUp(results).exitCode()).as("no longer refused").isIn(0, 3);
	}

	/**
	 * One pin scheduled at {@code publishAt} on the built-in sandbox, which keeps its posts in {@code state} for the
	 * follow-ups to find; the result file.
	 */
	private Path scheduledOnTheBuiltInSandbox(String publishAt, Path state) throws IOException {
		Path input = Files.writeString(dir.resolve("later.csv"), "title,description,media_url,board,account,publish_at\n"
				+ "Shelf,Open shelf idea,https://images.example.com/shelf.jpg,Kitchen Ideas,acme-home," + publishAt
				+ "\n", StandardCharsets.UTF_8);
		CommandLineRun created = CommandLineRun.run(dir.resolve("data"), null, "--input=" + input, "--sandbox",
				"--pinbatch.sandbox.state-file=" + state);
		Path results = dir.resolve("later.results.csv");
		assertThat(ResultRows.read(results).get(0)).as(created.toString()).containsEntry("status", "SCHEDULED");
		return results;
	}

	/** Sends the pins without waiting for Pinterest, then follows them up once, the sandbox's clock then stopped. */
	private Path sentThenFollowedUp() throws IOException {
		Path results = runWithoutWaiting();
		clock.add(Duration.ofSeconds(1));
		clock.freeze();
		followUp(results);
		return results;
	}

	/** Sends the pins without waiting for Pinterest: rows whose outcome was not in the answer stay CREATED. */
	private Path runWithoutWaiting() throws IOException {
		CommandLineRun run = run("--input=" + shelfPins(ROWS), "--pinbatch.follow.max-wait=0s");
		assertThat(run.exitCode()).as(run.toString()).isIn(0, 3);
		return dir.resolve("pins.results.csv");
	}

	private CommandLineRun followUp(Path results) {
		return run("--follow-up=" + results, "--pinbatch.follow.poll-interval=100ms",
				"--pinbatch.follow.max-wait=1s");
	}

	private static List<Map<String, String>> withoutFinishTimes(List<Map<String, String>> rows) {
		return rows.stream().map(row -> {
			Map<String, String> rest = new HashMap<>(row);
			rest.remove("finished_at");
			return rest;
		}).toList();
	}

	/** "3 PUBLISHED, 2 FAILED, ..." as the summary line counts the rows, in the order of the statuses. */
	private static String counts(List<Map<String, String>> rows) {
		Map<String, Long> byStatus = rows.stream()
			.collect(Collectors.groupingBy(row -> row.get("status"), Collectors.counting()));
		return Stream.of("PUBLISHED", "SCHEDULED", "CREATED", "DUPLICATE", "FAILED")
			.filter(byStatus::containsKey)
			.map(status -> byStatus.get(status) + " " + status)
			.collect(Collectors.joining(", "));
	}

	private Map<String, SandboxPost> posts() {
		return sandbox.posts().stream().collect(Collectors.toMap(SandboxPost::id, Function.identity()));
	}
}

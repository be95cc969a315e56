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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.pinbatch.sandbox.RecordedRequest;
import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.ZernioSandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the job does when Zernio misbehaves: lost answers, 5xx and 429 storms, Zernio down long enough to stop the
 * run, and a restart long after a send whose answer was lost. Every row must end exactly once on the server.
 */
class SendingResilienceTests extends SandboxedCommandLine {

	private static final int ROWS = 24;



	@Override
	SandboxSettings sandboxSettings() {
		return super.sandboxSettings().withAccountCaps(1000, 1000);
	}

	@Test
	void answersLostAfterTheServerCreatedThePostDoNotMakeDuplicates() throws IOException {
		// given
		sandbox.dropConnectionAfterCreate(5);

		// when
		CommandLineRun run = run("--input=" + pins());

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		List<Map<String, String>> results = ResultRows.read(dir.resolve("pins.results.csv"));
		// a replayed row gets the state of the post Zernio names: published, like the others
		assertThat(results).extracting(row -> row.get("status")).containsOnly("PUBLISHED");
		assertThat(results).filteredOn(row -> row.get("attempts").equals("2")).hasSize(5)
			.allSatisfy(row -> assertThat(row.get("pin_url")).startsWith("https://www.pinterest.com/pin/"));
		assertOnePostPerRow(results);
	}

	@Test
	void aCreatedAnswerThatDoesNotNameItsPostIsAskedAgainSoTheRowGetsItsPinAndIsFollowed() throws IOException {
		// given: Zernio creates the posts, but three answers reach pinbatch without them (cut or rewritten on the way)
		sandbox.answerNextCreatesWithoutPost(3);

		// when
		CommandLineRun run = run("--input=" + pins());

		// then: every row names its post and ends as Pinterest has it; asking again with the same x-request-id
		// created nothing more
		assertEveryRowPublishedOnItsOnePostWithSentTwice(run, 3);
	}

	@Test
	@Timeout(120) // a guard, not a measure: before, the run waited for the stalled answer for ever
	void aCreateAnswerThatStallsHalfwayIsGivenUpOnAndAskedAgainSoTheRunFinishes() throws IOException {
		// given: Zernio creates the posts, but two answers stop halfway and stay stuck (a connection lost mid-answer)
		sandbox.stallNextCreateAnswers(2, Duration.ofMinutes(10));

		// when
		CommandLineRun run = run("--input=" + pins(), "--zernio.request-timeout=2s");

		// then: the run gave up on those answers after its time-out, asked again with the same x-request-id, and
		// Zernio's replay named the posts: every row has its pin, and nothing was created twice
		assertEveryRowPublishedOnItsOnePostWithSentTwice(run, 2);
	}

	/** The run finished, every row PUBLISHED naming its post, one post each; {@code sentTwice} rows asked again. */
	private void assertEveryRowPublishedOnItsOnePostWithSentTwice(CommandLineRun run, int sentTwice) {
		assertThat(run.exitCode()).as(run.toString()).isZero();
		List<Map<String, String>> results = ResultRows.read(dir.resolve("pins.results.csv"));
		assertThat(results).allSatisfy(row -> {
			assertThat(row.get("status")).isEqualTo("PUBLISHED");
			assertThat(row.get("post_id")).isNotBlank();
		});
		assertThat(results).filteredOn(row -> row.get("attempts").equals("2")).hasSize(sentTwice);
		assertOnePostPerRow(results);
	}

	@Test
	void anAccountPinterestLimitsForUnusualActivityGetsNoMorePinsWhileTheOthersGoOn() throws IOException {
		// given: Pinterest refuses every pin of acme-home as spam-like activity (user_abuse), at once, on a key of 300
		// requests a minute
		restartSandbox(sandboxSettings().withPublishDelay(Duration.ZERO).withRequestsPerMinute(300));
		sandbox.limitAccount("acme-home");
		int rows = 12;
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account\n");
		for (int i = 0; i < rows; i++) {
			boolean home = i % 2 == 0;
			csv.append("Pin ").append(i).append(",Limited account pin ").append(i)
				.append(",https://images.example.com/l/").append(i).append(".jpg,")
				.append(home ? "Kitchen Ideas,acme-home" : "Garden Projects,acme-garden").append('\n');
		}
		Path input = Files.writeString(dir.resolve("two.csv"), csv, StandardCharsets.UTF_8);

		// when: the whole input in one chunk (the default), its rows waiting in line for their turns
		CommandLineRun run = runIn(dir.resolve("data"), "--input=" + input,
				"--pinbatch.throttle.initial-requests-per-minute=300");

		// then: acme-home's first pin was refused; its rows whose turn came after that were not sent (before: every
		// one was sent, and refused); acme-garden's pins all went live
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		List<Map<String, String>> results = ResultRows.read(dir.resolve("two.results.csv"));
		List<Map<String, String>> home = results.stream().filter(row -> row.get("account").equals("acme-home"))
			.toList();
		assertThat(home).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("FAILED"));
		assertThat(home).filteredOn(row -> row.get("error_code").equals("publish_account_limited")).isNotEmpty();
		List<Map<String, String>> notSent = home.stream()
			.filter(row -> row.get("error_code").equals("account_limited"))
			.toList();
		assertThat(notSent).isNotEmpty().allSatisfy(row -> {
			assertThat(row.get("post_id")).isEmpty();
			assertThat(row.get("error_message")).startsWith("not sent: Pinterest limited account acme-home")
				.contains("--retry-failed=");
		});
		assertThat(creates().stream().filter(request -> request.body().contains("Limited account pin")).count())
			.isEqualTo(rows - notSent.size());
		assertThat(results).filteredOn(row -> row.get("account").equals("acme-garden"))
			.hasSize(rows / 2)
			.allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PUBLISHED"));
	}

	@Test
	void aChunksPinsAreSentConcurrently() throws IOException {
		// given: Zernio takes a while to answer each create
		restartSandbox(sandboxSettings().withLatency(Duration.ofMillis(300)));

		// when
		CommandLineRun run = run("--input=" + pins());

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(sandbox.peakConcurrentCreates()).isGreaterThan(1);
		assertThat(sandbox.postCount()).isEqualTo(ROWS);
	}

	@Test
	void serverErrorsAndRateLimitsAreRetriedWithTheSameRequestIdUntilEveryRowIsCreated() throws IOException {
		// given
		sandbox.failNextCreates(4, 503);

		// when
		CommandLineRun first = run("--input=" + pins());
		sandbox.failNextCreates(3, 429);
		CommandLineRun second = run("--input=" + pins("more.csv", 100));

		// then
		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(second.exitCode()).as(second.toString()).isZero();
		List<Map<String, String>> results = ResultRows.read(dir.resolve("pins.results.csv"));
		assertThat(results).extracting(row -> row.get("status")).containsOnly("PUBLISHED");
		assertThat(results).filteredOn(row -> !row.get("attempts").equals("1")).isNotEmpty();
		Map<String, Long> sendsPerRequestId = creates().stream()
			.collect(Collectors.groupingBy(request -> request.header("x-request-id"), Collectors.counting()));
		assertThat(sendsPerRequestId.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2 * ROWS + 7);
		assertThat(sandbox.postCount()).isEqualTo(2 * ROWS);
	}

	@Test
	void zernioDownStopsTheRunWithPendingRowsAndALaterRunFinishesThem() throws IOException {
		// given
		sandbox.failNextCreates(10_000, 503);
		Path input = pins();

		// when
		CommandLineRun down = run("--input=" + input);
		sandbox.failNextCreates(0, 503);
		CommandLineRun later = run("--input=" + input);

		// then
		assertThat(down.exitCode()).as(down.toString()).isEqualTo(1);
		assertThat(down.err()).contains("not answering");
		assertThat(ResultRows.read(dir.resolve("pins.results.csv")).size()).isEqualTo(ROWS);
		assertThat(later.exitCode()).as(later.toString()).isZero();
		assertOnePostPerRow(ResultRows.read(dir.resolve("pins.results.csv")));
	}

	@Test
	void aSendWhoseAnswerWasLostLongAgoIsFoundByItsMetadataInsteadOfSentAgain() throws Exception {
		// given: a run stopped by a Zernio outage, rows sent without an answer stored
		sandbox.failNextCreates(10_000, 503);
		Path input = pins();
		assertThat(run("--input=" + input).exitCode()).isEqualTo(1);
		sandbox.failNextCreates(0, 503);
		// ... two days ago, and Zernio did create the first of them (with other text, so no 409 can find it)
		UnansweredSend lost = backdateUnansweredSends(Duration.ofDays(2));
		String postId = createPostWithMetadata(lost);
		int createsBefore = creates().size();

		// when
		CommandLineRun later = run("--input=" + input);

		// then
		assertThat(later.exitCode()).as(later.toString()).isZero();
		Map<String, String> row = ResultRows.read(dir.resolve("pins.results.csv")).stream()
			.filter(result -> result.get("row").equals(Long.toString(lost.row())))
			.findFirst()
			.orElseThrow();
		assertThat(row).containsEntry("status", "PUBLISHED").containsEntry("post_id", postId);
		assertThat(creates().subList(createsBefore, creates().size()))
			.noneMatch(request -> request.header("x-request-id").equals(lost.requestId()));
		assertThat(sandbox.requests()).anyMatch(request -> request.method().equals("GET")
				&& request.path().endsWith("/v1/posts"));
	}

	@Test
	void aLostSendFoundOnlyByWhatZernioFingerprintsIsADuplicateWhenTheListingLacksItsMetadata() throws Exception {
		// given: a run stopped by a Zernio outage two days ago; Zernio did create the first unanswered row's pin
		Path state = dir.resolve("sandbox-posts.jsonl");
		restartSandbox(sandboxSettings().withStateFile(state));
		sandbox.failNextCreates(10_000, 503);
		Path input = pins();
		assertThat(run("--input=" + input).exitCode()).isEqualTo(1);
		UnansweredSend lost = backdateUnansweredSends(Duration.ofDays(2));
		sandbox.failNextCreates(0, 503);
		String postId = createPost(pinOfRow(lost.row(), Map.of("pinbatchRun", lost.runKey(), "pinbatchRow",
				Long.toString(lost.row()))));
		// ... and its listing no longer carries the metadata
		agePosts(state, Duration.ofDays(2));
		sandbox.listPostsWithoutMetadata(true);
		int createsBefore = creates().size();

		// when
		CommandLineRun later = run("--input=" + input);

		// then
		assertThat(later.exitCode()).as(later.toString()).isZero();
		Map<String, String> row = resultOfRow(dir.resolve("pins.results.csv"), lost.row());
		assertThat(row).containsEntry("status", "PUBLISHED").containsEntry("post_id", postId);
		assertThat(row.get("error_message")).contains("metadata was not listed", "post " + postId);
		assertThat(creates().subList(createsBefore, creates().size()))
			.noneMatch(request -> request.header("x-request-id").equals(lost.requestId()));
		assertOnePostPerRow(ResultRows.read(dir.resolve("pins.results.csv")));
	}

	@Test
	void aRetryOfARowWhoseSendsWentUnansweredFindsThePinTheyCreatedInsteadOfCreatingASecond() throws Exception {
		// given: Zernio answers too slowly for every attempt (2.5 times the client's time-out), but creates the pin
		Path state = dir.resolve("sandbox-posts.jsonl");
		CommandLineRun first = runUnanswered(state);
		Map<String, String> unknown = resultOfRow(dir.resolve("one.results.csv"), 2);
		String postId = sandbox.posts().get(0).id();
		// ... and the retry comes two days later, past Zernio's duplicate window
		agePosts(state, Duration.ofDays(2));
		Path results = dir.resolve("one.results.csv");
		Files.writeString(results, Files.readString(results, StandardCharsets.UTF_8).replace(unknown.get("finished_at"),
				Instant.parse(unknown.get("finished_at")).minus(Duration.ofDays(2)).toString()), StandardCharsets.UTF_8);
		int createsBefore = creates().size();

		// when
		CommandLineRun retry = run("--retry-failed=" + results);

		// then: the first run did not call the row simply FAILED, and the retry found its pin, and followed it to
		// Pinterest like any other
		assertThat(first.exitCode()).as(first.toString()).isEqualTo(3);
		assertThat(unknown).containsEntry("status", "FAILED").containsEntry("error_code", "outcome_unknown");
		assertThat(unknown.get("error_message")).contains("may exist", "--retry-failed");
		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		assertThat(resultOfRow(dir.resolve("one.results.retry.csv"), 2)).containsEntry("status", "PUBLISHED")
			.containsEntry("post_id", postId)
			.containsEntry("pin_url", sandbox.posts().get(0).pinUrl());
		assertThat(creates().subList(createsBefore, creates().size())).isEmpty();
		assertThat(sandbox.postCount()).isEqualTo(1);
	}

	@Test
	void aRetryFromAnotherFolderOfARowLeftPendingWithItsSendOutFindsItsPinInsteadOfCreatingASecond() throws Exception {
		// given: a result file whose row was PENDING with its request id (a run stopped while the send was out,
		// which Zernio answered by creating the pin), retried two days later from a folder that knows nothing of it
		Path state = dir.resolve("sandbox-posts.jsonl");
		runUnanswered(state);
		Path results = dir.resolve("one.results.csv");
		Map<String, String> unknown = resultOfRow(results, 2);
		Files.writeString(results, Files.readString(results, StandardCharsets.UTF_8)
			.replace(",FAILED,", ",PENDING,").replace(unknown.get("error_code"), "")
			.replace(unknown.get("error_message"), "").replace(unknown.get("finished_at"), ""), StandardCharsets.UTF_8);
		assertThat(resultOfRow(results, 2)).containsEntry("status", "PENDING")
			.containsEntry("request_id", unknown.get("request_id"));
		agePosts(state, Duration.ofDays(2));
		int createsBefore = creates().size();

		// when
		CommandLineRun retry = runIn(dir.resolve("another-folder"), "--retry-failed=" + results);

		// then: its pin found by its request id, not created again (before: sent as never sent, past Zernio's
		// duplicate window: a second pin)
		assertThat(retry.exitCode()).as(retry.toString()).isZero();
		assertThat(creates().subList(createsBefore, creates().size())).isEmpty();
		assertThat(sandbox.postCount()).isEqualTo(1);
	}

	@Test
	void aSheetSavedAgainLooksForThePinOfARowWhoseSendsWentUnansweredInsteadOfCreatingASecond() throws Exception {
		// given: last night's sends of the row went unanswered, but Zernio created its pin
		Path state = dir.resolve("sandbox-posts.jsonl");
		CommandLineRun lastNight = runUnanswered(state);
		assertThat(resultOfRow(dir.resolve("one.results.csv"), 2)).as(lastNight.toString())
			.containsEntry("error_code", "outcome_unknown");
		String postId = sandbox.posts().get(0).id();
		// and two days later, past Zernio's duplicate window, the sheet comes back with a row added: a new run
		agePosts(state, Duration.ofDays(2));
		ageSends(Duration.ofDays(2));
		Path input = Files.writeString(dir.resolve("one.csv"), "title,description,media_url,board,account\n"
				+ "New pin,Resilience pin number 1,https://images.example.com/r/1.jpg,Kitchen Ideas,acme-home\n"
				+ SLOW_PIN, StandardCharsets.UTF_8);

		// when
		CommandLineRun tonight = run("--input=" + input);

		// then: the row's pin was looked for, found and followed to Pinterest, and only the new row was created
		assertThat(tonight.exitCode()).as(tonight.toString()).isZero();
		assertThat(resultOfRow(dir.resolve("one.results.csv"), 3)).containsEntry("status", "PUBLISHED")
			.containsEntry("post_id", postId)
			.containsEntry("pin_url", sandbox.posts().get(0).pinUrl());
		assertThat(sandbox.posts()).hasSize(2);
		assertThat(creates()).extracting(RecordedRequest::body).noneMatch(body -> body.contains("number 0"));
	}

	/**
	 * The sheet run again two days later by a run whose job repository knows nothing of it (another data folder: cron
	 * under another user, a folder lost): the result file beside it says the row's sends went unanswered, so its pin
	 * is looked for, not created again (before: past Zernio's duplicate window, a second pin; found by an operator's
	 * review).
	 */
	@Test
	void aSheetRunFromAnotherFolderLooksForThePinOfARowWhoseSendsWentUnansweredInsteadOfCreatingASecond()
			throws Exception {
		Path state = dir.resolve("sandbox-posts.jsonl");
		runUnanswered(state);
		String postId = sandbox.posts().get(0).id();
		Path results = dir.resolve("one.results.csv");
		Map<String, String> unknown = resultOfRow(results, 2);
		agePosts(state, Duration.ofDays(2));
		Files.writeString(results, Files.readString(results, StandardCharsets.UTF_8).replace(unknown.get("finished_at"),
				Instant.parse(unknown.get("finished_at")).minus(Duration.ofDays(2)).toString()), StandardCharsets.UTF_8);
		int createsBefore = creates().size();

		CommandLineRun tonight = runIn(dir.resolve("another-folder"), "--input=" + dir.resolve("one.csv"));

		assertThat(tonight.exitCode()).as(tonight.toString()).isZero();
		assertThat(creates().subList(createsBefore, creates().size())).isEmpty();
		assertThat(sandbox.postCount()).isEqualTo(1);
		assertThat(resultOfRow(results, 2)).containsEntry("status", "PUBLISHED").containsEntry("post_id", postId);
	}

	/**
	 * The same for a sheet whose pins were published: run again from another folder two days later, past Zernio's
	 * duplicate window, its result file says where its pins are, and none is sent again.
	 */
	@Test
	void aSheetRunFromAnotherFolderDoesNotSendAgainThePinsItsResultFileHasOnZernio() throws Exception {
		Path state = dir.resolve("sandbox-posts.jsonl");
		restartSandbox(sandboxSettings().withStateFile(state));
		Path input = Files.writeString(dir.resolve("two.csv"), "title,description,media_url,board,account\n"
				+ "Shelf,Resilience pin number 7,https://images.example.com/r/7.jpg,Kitchen Ideas,acme-home\n"
				+ "Lamp,Resilience pin number 8,https://images.example.com/r/8.jpg,Kitchen Ideas,acme-home\n",
				StandardCharsets.UTF_8);
		CommandLineRun first = run("--input=" + input);
		assertThat(first.exitCode()).as(first.toString()).isZero();
		agePosts(state, Duration.ofDays(2));
		Path results = dir.resolve("two.results.csv");
		String written = Files.readString(results, StandardCharsets.UTF_8);
		for (Map<String, String> row : ResultRows.read(results)) {
			written = written.replace(row.get("finished_at"), Instant.parse(row.get("finished_at"))
				.minus(Duration.ofDays(2)).toString());
		}
		Files.writeString(results, written, StandardCharsets.UTF_8);
		int createsBefore = creates().size();

		CommandLineRun again = runIn(dir.resolve("another-folder"), "--input=" + input);

		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(creates().subList(createsBefore, creates().size())).isEmpty();
		assertThat(sandbox.postCount()).isEqualTo(2);
		assertThat(ResultRows.read(results)).extracting(row -> row.get("status")).containsOnly("PUBLISHED");
	}

	/** A row whose create Zernio carries out after the client gave up on it. */
	private static final String SLOW_PIN = "Slow pin,Resilience pin number 0,https://images.example.com/r/0.jpg,"
			+ "Kitchen Ideas,acme-home\n";

	/**
	 * Runs {@code one.csv}, the slow pin alone, against a Zernio that answers too slowly for every attempt (2.5 times
	 * the client's time-out) but creates the pin, and waits until it has.
	 */
	private CommandLineRun runUnanswered(Path state) throws IOException, InterruptedException {
		Path input = Files.writeString(dir.resolve("one.csv"), "title,description,media_url,board,account\n"
				+ SLOW_PIN, StandardCharsets.UTF_8);
		restartSandbox(sandboxSettings().withStateFile(state).withLatency(Duration.ofMillis(1000)));
		CommandLineRun run = run("--input=" + input, "--zernio.request-timeout=400ms",
				"--pinbatch.throttle.max-attempts=3");
		for (int wait = 0; wait < 600 && sandbox.postCount() == 0; wait++) {
			Thread.sleep(50); // the server finishes the create after the client gave up on it
		}
		assertThat(sandbox.postCount()).as(run.toString()).isEqualTo(1);
		return run;
	}

	/** Ages every post Zernio holds, as if created that long ago: restarts the sandbox on its state file. */
	private void agePosts(Path state, Duration age) throws IOException {
		sandbox.close();
		JsonMapper json = JsonMapper.builder().build();
		List<String> lines = new ArrayList<>();
		for (String line : Files.readAllLines(state, StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			ObjectNode entry = (ObjectNode) json.readTree(line);
			ObjectNode post = (ObjectNode) entry.get("post");
			for (String field : List.of("createdAt", "updatedAt")) {
				if (post.hasNonNull(field)) {
					post.put(field, Instant.parse(post.get(field).asString()).minus(age).toString());
				}
			}
			lines.add(json.writeValueAsString(entry));
		}
		Files.write(state, lines, StandardCharsets.UTF_8);
		restartSandbox(sandboxSettings().withStateFile(state));
	}

	private static Map<String, String> resultOfRow(Path results, long row) {
		return ResultRows.read(results).stream()
			.filter(result -> result.get("row").equals(Long.toString(row)))
			.findFirst()
			.orElseThrow();
	}

	/** The create body pins() gives a row (row 2 is pin 0), with this metadata. */
	private static String pinOfRow(long row, Map<String, String> metadata) {
		return """
				{"content":"Resilience pin number %d","mediaItems":[{"type":"image","url":"https://images.example.com/r/%d.jpg"}],
				 "platforms":[{"platform":"pinterest","accountId":"65f1a2b3c4d5e6f708091a01",
				   "platformSpecificData":{"title":"Pin %d","boardId":"918273645500000001"}}],
				 "publishNow":true,"metadata":{"pinbatchRun":"%s","pinbatchRow":"%s"}}
				""".formatted(row - 2, row - 2, row - 2, metadata.get("pinbatchRun"), metadata.get("pinbatchRow"));
	}

	@Test
	void aPinZernioHasFromAnotherJobRepositoryIsDuplicateAndAChangedOneFailsAsDuplicateContent() throws IOException {
		// given: the same pins went out today from another machine (its own job repository: what this one's runs
		// created is recognised before sending, see SheetSavedAgainCommandLineTests)
		assertThat(runIn(dir.resolve("elsewhere"), "--input=" + pins()).exitCode()).isZero();
		List<Map<String, String>> sent = ResultRows.read(dir.resolve("pins.results.csv"));
		int posts = sandbox.postCount();
		// a copy of its first two pins, the second with another title (not part of what Zernio compares)
		List<String> lines = Files.readAllLines(dir.resolve("pins.csv"));
		Path copy = Files.writeString(dir.resolve("copy.csv"), String.join("\n", lines.get(0), lines.get(1),
				lines.get(2).replace("Pin 1,", "Pin 1 revised,")) + "\n", StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + copy);

		// then: the unchanged pin exists, every cell as its row has it: a DUPLICATE of that post, which the run
		// followed to its outcome on Pinterest
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		List<Map<String, String>> results = ResultRows.read(dir.resolve("copy.results.csv"));
		assertThat(results.get(0)).containsEntry("status", "PUBLISHED")
			.containsEntry("post_id", sent.get(0).get("post_id"))
			.containsEntry("pin_url", sent.get(0).get("pin_url"));
		assertThat(results.get(0).get("error_message")).contains("every pin cell as this one's");
		// the changed one was never created with its new title: not a success
		assertThat(results.get(1)).containsEntry("status", "FAILED").containsEntry("error_code", "duplicate_content")
			.containsEntry("post_id", "");
		assertThat(results.get(1).get("error_message")).contains("post " + sent.get(1).get("post_id"), "acme-home",
				"change its description");
		assertThat(sandbox.postCount()).isEqualTo(posts);
	}

	@Test
	void aConflictWithThePostAnEarlierAttemptOfTheSameRowCreatedIsThatRowsDuplicate() throws Exception {
		// given: Zernio holds a post this row's lost send created, past the request id's replay window
		Path input = pins();
		assertThat(run("--input=" + input).exitCode()).isZero();
		RecordedRequest rowTwo = creates().stream()
			.filter(create -> create.body().contains("\"pinbatchRow\":\"2\""))
			.findFirst()
			.orElseThrow();
		restartSandbox(sandboxSettings());
		String lostPost = createPost(rowTwo.body());

		// when: the same input, from a data folder that knows nothing of it
		CommandLineRun again = runIn(dir.resolve("other-data"), "--input=" + input,
				"--pinbatch.throttle.initial-backoff=20ms");

		// then
		assertThat(again.exitCode()).as(again.toString()).isZero();
		Map<String, String> row = ResultRows.read(dir.resolve("pins.results.csv")).get(0);
		assertThat(row).containsEntry("row", "2").containsEntry("status", "PUBLISHED")
			.containsEntry("post_id", lostPost);
		assertThat(sandbox.postCount()).isEqualTo(ROWS);
	}

	private String createPost(String body) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/posts"))
			.header("Authorization", "Bearer " + ZernioSandbox.API_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		return JsonMapper.builder().build().readTree(response.body()).get("post").get("_id").asString();
	}

	private record UnansweredSend(String runKey, long row, String requestId) {
	}

	private UnansweredSend backdateUnansweredSends(Duration age) throws SQLException {
		String url = "jdbc:hsqldb:file:" + dir.resolve("data/jobrepo") + ";shutdown=true";
		try (Connection connection = DriverManager.getConnection(url, "SA", ""); Statement statement = connection.createStatement()) {
			statement.executeUpdate("UPDATE PINBATCH_ROW_RESULT SET SENT_AT_MS = "
					+ Instant.now().minus(age).toEpochMilli() + " WHERE STATUS = 'PENDING' AND SENT_AT_MS IS NOT NULL");
			try (ResultSet rs = statement.executeQuery("SELECT RUN_KEY, ROW_NUMBER, REQUEST_ID FROM PINBATCH_ROW_RESULT"
					+ " WHERE STATUS = 'PENDING' AND SENT_AT_MS IS NOT NULL ORDER BY ROW_NUMBER")) {
				assertThat(rs.next()).as("a send without a stored answer").isTrue();
				return new UnansweredSend(rs.getString(1), rs.getLong(2), rs.getString(3));
			}
		}
	}

	/** Ages every send the job repository recorded, as the posts' ages in {@link #agePosts}. */
	private void ageSends(Duration age) throws SQLException {
		String url = "jdbc:hsqldb:file:" + dir.resolve("data/jobrepo") + ";shutdown=true";
		try (Connection connection = DriverManager.getConnection(url, "SA", "");
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("UPDATE PINBATCH_ROW_RESULT SET SENT_AT_MS = SENT_AT_MS - " + age.toMillis()
					+ " WHERE SENT_AT_MS IS NOT NULL");
		}
	}

	private String createPostWithMetadata(UnansweredSend lost) throws Exception {
		String body = """
				{"content":"created by the lost send","mediaItems":[{"type":"image","url":"https://images.example.com/lost.jpg"}],
				 "platforms":[{"platform":"pinterest","accountId":"65f1a2b3c4d5e6f708091a01",
				   "platformSpecificData":{"boardId":"918273645500000001"}}],
				 "publishNow":true,"metadata":{"pinbatchRun":"%s","pinbatchRow":"%d"}}
				""".formatted(lost.runKey(), lost.row());
		return createPost(body);
	}

	private void assertOnePostPerRow(List<Map<String, String>> results) {
		Map<String, Long> postsPerRow = sandbox.posts().stream()
			.collect(Collectors.groupingBy(post -> post.metadata().get("pinbatchRow"), Collectors.counting()));
		assertThat(postsPerRow).hasSize(results.size()).allSatisfy((row, count) -> assertThat(count).isEqualTo(1));
	}


	/** Short back-offs and small chunks keep these tests quick; the behaviour is the same. */
	@Override
	CommandLineRun run(String... args) {
		String[] all = new String[args.length + 3];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--pinbatch.throttle.initial-backoff=20ms";
		all[args.length + 1] = "--pinbatch.throttle.initial-requests-per-minute=6000";
		all[args.length + 2] = "--pinbatch.chunk-size=10";
		return super.run(all);
	}

	private Path pins() throws IOException {
		return pins("pins.csv", 0);
	}

	private Path pins(String name, int offset) throws IOException {
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account\n");
		for (int i = offset; i < offset + ROWS; i++) {
			csv.append("Pin ").append(i).append(",Resilience pin number ").append(i)
				.append(",https://images.example.com/r/").append(i).append(".jpg,Kitchen Ideas,acme-home\n");
		}
		return Files.writeString(dir.resolve(name), csv, StandardCharsets.UTF_8);
	}
}

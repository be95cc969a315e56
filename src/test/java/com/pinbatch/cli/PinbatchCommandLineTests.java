package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.pinbatch.media.RealMedia;
import com.pinbatch.sandbox.RecordedRequest;
import com.pinbatch.sandbox.ZernioSandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line end to end, in-process: real files, the real HSQLDB file job repository in a temporary data
 * folder, and the sandbox on loopback as the Zernio side. Each test asserts the exit code, the result file and
 * what the server received.
 */
class PinbatchCommandLineTests extends SandboxedCommandLine {

	private static final Path SAMPLES = Path.of("samples");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void samplePinsAreAllCreatedWithExplicitBoardTitleAndTiming() throws IOException {
		// given
		Path input = copySample("pins.csv");

		// when
		CommandLineRun run = run("--input=" + input);

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		List<Map<String, String>> results = ResultRows.read(dir.resolve("pins.results.csv"));
		assertThat(results).hasSize(20).allSatisfy(row -> {
			// the sandbox publishes every pin (failures off): live at once, or held for its publish date
			assertThat(row.get("status")).isEqualTo(row.get("publish_at").isEmpty() ? "PUBLISHED" : "SCHEDULED");
			assertThat(row.get("pin_url").isEmpty()).isEqualTo(row.get("publish_at").isEmpty() ? false : true);
			assertThat(row.get("post_id")).isNotBlank();
			assertThat(row.get("attempts")).isEqualTo("1");
		});
		assertThat(results).extracting(row -> row.get("row"))
			.containsExactlyElementsOf(rowNumbers(2, 21));
		assertThat(sandbox.postCount()).isEqualTo(20);
		List<RecordedRequest> creates = creates();
		assertThat(creates).hasSize(20);
		assertThat(creates).extracting(request -> request.header("x-request-id")).doesNotHaveDuplicates()
			.allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
		assertThat(results).extracting(row -> row.get("request_id"))
			.containsExactlyInAnyOrderElementsOf(creates.stream().map(r -> r.header("x-request-id")).toList());
		for (RecordedRequest create : creates) {
			JsonNode body = JSON.readTree(create.body());
			JsonNode pinterest = body.get("platforms").get(0).get("platformSpecificData");
			assertThat(body.get("platforms").get(0).get("platform").asString()).isEqualTo("pinterest");
			assertThat(pinterest.get("boardId").asString()).matches("\\d{18}");
			assertThat(pinterest.get("title").asString()).isNotBlank();
			assertThat(body.get("mediaItems")).hasSize(1);
			boolean now = body.has("publishNow") && body.get("publishNow").asBoolean();
			assertThat(now || body.has("scheduledFor")).as("never a silent draft: %s", body).isTrue();
			if (body.has("scheduledFor")) {
				assertThat(body.get("timezone").asString()).isEqualTo("UTC");
				assertThat(body.get("scheduledFor").asString()).endsWith("Z");
			}
		}
	}

	@Test
	void firstRowIsSentExactlyAsTheSpreadsheetSaysIt() throws IOException {
		// given
		Path input = write("one.csv", """
				title,description,media_url,board,link,account,publish_at,alt_text,keywords
				Oak Shelves,Open oak shelves for a small kitchen.,https://images.example.com/k.jpg,kitchen ideas ,https://www.acme-home.example/k,ACME-HOME,2027-03-01 09:30,Oak shelves,"oak, kitchen"
				""");

		// when
		CommandLineRun run = run("--input=" + input, "--timezone=Europe/Berlin");

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		JsonNode body = JSON.readTree(creates().get(0).body());
		assertThat(body).isEqualTo(JSON.readTree("""
				{"content":"Open oak shelves for a small kitchen.",
				 "mediaItems":[{"type":"image","url":"https://images.example.com/k.jpg","altText":"Oak shelves"}],
				 "platforms":[{"platform":"pinterest","accountId":"65f1a2b3c4d5e6f708091a01",
				   "platformSpecificData":{"title":"Oak Shelves","boardId":"918273645500000001",
				     "link":"https://www.acme-home.example/k"}}],
				 "scheduledFor":"2027-03-01T08:30:00Z","timezone":"Europe/Berlin","tags":["oak","kitchen"],
				 "metadata":{"pinbatchRun":"%s","pinbatchRow":"2","pinbatchCells":"%s"}}
				""".formatted(body.get("metadata").get("pinbatchRun").asString(),
				body.get("metadata").get("pinbatchCells").asString())));
		// the mark of the row's cells, by which --retry-failed tells a changed row from its refused pin
		assertThat(body.get("metadata").get("pinbatchCells").asString()).matches("[0-9a-f]{32}");
	}

	@Test
	void mixedSampleReportsEveryProblemAndCarriesUnknownColumns() throws IOException {
		// given
		Path input = copySample("mixed.csv");

		// when
		CommandLineRun run = run("--input=" + input);

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		List<Map<String, String>> results = ResultRows.read(dir.resolve("mixed.results.csv"));
		assertThat(results).hasSize(15);
		assertThat(ResultRows.headers(dir.resolve("mixed.results.csv"))).startsWith("title", "description",
				"media_url", "board", "link", "account", "publish_at", "cover_image_url", "campaign", "row", "status");
		Map<String, String> codes = results.stream()
			.collect(Collectors.toMap(row -> row.get("row"), row -> row.get("status") + " " + row.get("error_code")));
		assertThat(codes).containsEntry("2", "SCHEDULED ")
			.containsEntry("3", "INVALID title_too_long")
			.containsEntry("4", "INVALID link_not_https")
			.containsEntry("5", "INVALID link_shortener")
			.containsEntry("6", "INVALID media_share_link")
			.containsEntry("7", "INVALID media_missing")
			.containsEntry("8", "INVALID multiple_media")
			.containsEntry("9", "INVALID board_not_found")
			.containsEntry("10", "INVALID publish_at_in_past")
			.containsEntry("11", "INVALID publish_at_invalid")
			.containsEntry("12", "INVALID cover_on_image")
			.containsEntry("13", "FAILED account_disconnected");
		assertThat(results.get(7).get("error_message")).contains("Kitchen Ideas");
		assertThat(results).extracting(row -> row.get("campaign")).startsWith("spring-launch", "spring-launch");
		long created = results.stream().filter(row -> Set.of("PUBLISHED", "SCHEDULED").contains(row.get("status")))
			.count();
		assertThat(sandbox.postCount()).isEqualTo(created);
		assertThat(run.out()).contains("--retry-failed=");
	}

	@Test
	void sameCommandAgainSendsNothingAndReportsTheEarlierOutcome() throws IOException {
		// given
		Path input = copySample("mixed.csv");
		CommandLineRun first = run("--input=" + input);
		int requestsAfterFirst = sandbox.requests().size();

		// when
		CommandLineRun second = run("--input=" + input);

		// then
		assertThat(second.exitCode()).isEqualTo(first.exitCode()).isEqualTo(3);
		assertThat(second.out()).contains("already processed");
		assertThat(sandbox.requests()).hasSize(requestsAfterFirst);
		assertThat(ResultRows.read(dir.resolve("mixed.results.csv"))).hasSize(15);
	}

	@Test
	void dryRunValidatesAndResolvesBoardsButCreatesNothing() throws IOException {
		// given
		Path input = copySample("mixed.csv");

		// when
		CommandLineRun run = run("--input=" + input, "--dry-run");

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(creates()).isEmpty();
		List<Map<String, String>> results = ResultRows.read(dir.resolve("mixed.results.csv"));
		assertThat(results).extracting(row -> row.get("status")).containsOnly("VALID", "INVALID", "FAILED");
		assertThat(results.get(7).get("error_code")).isEqualTo("board_not_found");
	}

	@Test
	void retryFailedOfADryRunsResultFileSendsItsValidRowsWithTheFixedOnes() throws IOException {
		// given: a dry run, and its result file with row 4's link fixed
		Path input = copySample("mixed.csv");
		run("--input=" + input, "--dry-run");
		Path results = dir.resolve("mixed.results.csv");
		List<Map<String, String>> checked = ResultRows.read(results);
		long valid = checked.stream().filter(row -> row.get("status").equals("VALID")).count();
		Files.writeString(results, Files.readString(results, StandardCharsets.UTF_8)
			.replace("http://www.acme-home.example/kitchen/window-herbs",
					"https://www.acme-home.example/kitchen/window-herbs"), StandardCharsets.UTF_8);

		// when
		CommandLineRun retry = run("--retry-failed=" + results);

		// then: the rows the dry run found VALID are sent (nothing sent them), with the fixed one, each once
		assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(3);
		assertThat(valid).isPositive();
		assertThat(creates()).hasSize((int) valid + 1);
		List<Map<String, String>> retried = ResultRows.read(dir.resolve("mixed.results.retry.csv"));
		assertThat(retried.get(2)).containsEntry("row", "4").containsEntry("status", "PUBLISHED");
		assertThat(retried).filteredOn(row -> row.get("post_id") != null && !row.get("post_id").isEmpty())
			.hasSize((int) valid + 1);
	}

	@Test
	void retryFailedSendsOnlyTheFixedRowsAndCarriesTheRest() throws IOException {
		// given a first run with a bad link in row 4, fixed by the user in the result file
		Path input = copySample("mixed.csv");
		run("--input=" + input);
		Path results = dir.resolve("mixed.results.csv");
		int createdBefore = sandbox.postCount();
		Files.writeString(results, Files.readString(results, StandardCharsets.UTF_8)
			.replace("http://www.acme-home.example/kitchen/window-herbs", "https://www.acme-home.example/kitchen/window-herbs"),
				StandardCharsets.UTF_8);

		// when
		CommandLineRun retry = run("--retry-failed=" + results);
		CommandLineRun again = run("--retry-failed=" + results);

		// then
		assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(3);
		assertThat(sandbox.postCount()).isEqualTo(createdBefore + 1);
		List<Map<String, String>> retried = ResultRows.read(dir.resolve("mixed.results.retry.csv"));
		assertThat(retried).hasSize(15);
		assertThat(retried.get(2)).containsEntry("row", "4").containsEntry("status", "PUBLISHED");
		assertThat(retried.get(0)).containsEntry("status", "SCHEDULED")
			.containsEntry("post_id", ResultRows.read(results).get(0).get("post_id"));
		assertThat(retried.get(1)).containsEntry("status", "INVALID");
		assertThat(again.exitCode()).isEqualTo(3);
		assertThat(sandbox.postCount()).isEqualTo(createdBefore + 1);
	}

	/**
	 * A scheduled pin's date edited in the result file: the retry carries the pin as it is (it does not move pins) and
	 * its line says so, instead of the new date beside the old instant without a word.
	 */
	@Test
	void retryFailedOfAScheduledRowWhoseDateWasEditedSaysThePinStaysWhereItIs() throws IOException {
		Path input = copySample("mixed.csv");
		run("--input=" + input);
		Path results = dir.resolve("mixed.results.csv");
		String postId = ResultRows.read(results).get(0).get("post_id");
		Files.writeString(results, Files.readString(results, StandardCharsets.UTF_8).replaceFirst(
				"acme-home,2027-06-01T09:00:00Z,", "acme-home,2027-06-08T09:00:00Z,"), StandardCharsets.UTF_8);
		int createdBefore = sandbox.postCount();

		CommandLineRun retry = run("--retry-failed=" + results);

		assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(3); // mixed.csv has INVALID rows
		assertThat(sandbox.postCount()).as("nothing sent for it").isEqualTo(createdBefore);
		assertThat(ResultRows.read(dir.resolve("mixed.results.retry.csv")).get(0))
			.containsEntry("status", "SCHEDULED")
			.containsEntry("post_id", postId)
			.containsEntry("publish_at", "2027-06-08T09:00:00Z")
			.containsEntry("publish_at_utc", "2027-06-01T09:00:00Z")
			.containsEntry("error_message", "the row now gives 2027-06-08T09:00:00Z, but its pin (post " + postId
					+ ") stays scheduled for 2027-06-01T09:00:00Z: pinbatch does not move pins; in Zernio,"
					+ " reschedule post " + postId + " to move it");
	}

	@Test
	void retryFailedOfTheInputInsteadOfItsResultFileIsRefused() throws IOException {
		// given: a run whose result file the user meant to give
		Path input = copySample("mixed.csv");
		run("--input=" + input);
		int createdBefore = sandbox.postCount();

		// when
		CommandLineRun retry = run("--retry-failed=" + input, "--report=" + dir.resolve("retry.html"));

		// then: one line, and no page of a run that did not happen (before: an empty page)
		assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(2);
		assertThat(dir.resolve("retry.html")).doesNotExist();
		assertThat(retry.err().strip()).isEqualTo("pinbatch: " + input + " is not a pinbatch result file, which"
				+ " --retry-failed takes: its last columns must be row, status, post_id, ...; give the result file a run"
				+ " wrote (NAME.results.csv or .xlsx)");
		assertThat(sandbox.postCount()).isEqualTo(createdBefore);
		assertThat(dir.resolve("mixed.retry.csv")).doesNotExist();

		// and a result file that is not there is named with the option that named it
		CommandLineRun missing = run("--retry-failed=" + dir.resolve("nope.csv"));
		assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
		assertThat(missing.err().strip()).isEqualTo("pinbatch: " + dir.resolve("nope.csv")
				+ ": file not found; check the --retry-failed path");
	}

	/**
	 * A colleague fixes a row in the result file, as the run's advice says, and the nightly command runs before the
	 * --retry-failed does. Before: the result file was written again from the job repository and the fix was lost.
	 */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aResultFileFixedByHandIsKeptWhenTheNextRunOfTheSameInputWritesItAgain(CapturedOutput log) throws IOException {
		// given: row 4's link fixed in the result file
		List<String> lines = resultLinesOfAFirstRunOfMixed();
		lines.set(3, lines.get(3).replace("http://www.acme-home.example", "https://www.acme-home.example"));
		writeLines("mixed.results.csv", lines);
		int createdBefore = sandbox.postCount();

		// when: the same command again (the input unchanged: processed before, nothing sent)
		CommandLineRun again = run("--input=" + dir.resolve("mixed.csv"));

		// then: the edited file is kept beside it, and the line says how to send its fix
		assertThat(again.out()).as(again.toString()).contains("already processed");
		List<Path> kept;
		try (var files = Files.list(dir)) {
			kept = files
				.filter(file -> file.getFileName().toString().matches("mixed\\.edited-\\d{8}-\\d{6}\\.results\\.csv"))
				.toList();
		}
		assertThat(kept).hasSize(1);
		assertThat(Files.readString(kept.get(0))).contains("https://www.acme-home.example");
		// (a log line: the result file is written on the job's side)
		assertThat(log.getOut()).contains("mixed.results.csv: 1 row was edited since it was written")
			.contains("--retry-failed=" + kept.get(0).toAbsolutePath());
		// and so does the summary (before: it named the file written again, without the fix)
		assertThat(again.out()).contains("to retry the INVALID and FAILED rows (fix them in the result file first): ")
			.contains("--retry-failed=" + kept.get(0))
			.doesNotContain("--retry-failed=" + dir.resolve("mixed.results.csv"));
		assertThat(sandbox.postCount()).isEqualTo(createdBefore);

		// and the fix is sent from it
		CommandLineRun retry = run("--retry-failed=" + kept.get(0));
		assertThat(retry.exitCode()).as(retry.toString()).isIn(0, 3);
		assertThat(sandbox.postCount()).isEqualTo(createdBefore + 1);

		// and a run that finds the result file as it wrote it keeps no copy
		int said = log.getOut().split("edited since", -1).length;
		run("--input=" + dir.resolve("mixed.csv"));
		assertThat(log.getOut().split("edited since", -1)).hasSize(said);
	}

	@Test
	void retryFailedOfAResultFileWithACopiedRowIsRefusedBeforeAnythingIsSent() throws IOException {
		// given: a first run; in its result file, row 4 (its link fixed) copied below the last row as a variant
		List<String> lines = resultLinesOfAFirstRunOfMixed();
		String fixed = lines.get(3).replace("http://www.acme-home.example", "https://www.acme-home.example");
		lines.set(3, fixed);
		lines.add(fixed.replace("Window Herb Box", "Window Herb Box (variant)"));
		Path copied = writeLines("copied.csv", lines);
		int createdBefore = sandbox.postCount();

		// when
		CommandLineRun retry = run("--retry-failed=" + copied);

		// then: before, the variant was PUBLISHED as the other row's pin, and never created
		assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(2);
		assertThat(retry.err().strip()).isEqualTo("pinbatch: " + copied + ": rows 4 and 17 both give 4 in the row column"
				+ " (a copied row?); each row there stands for one row of the input, its pin and its request id: delete"
				+ " the copy, or give an added row a number that no other row has");
		assertThat(sandbox.postCount()).isEqualTo(createdBefore);
	}

	@Test
	void retryFailedOfAResultFileWithARowAddedInADeletedOnesPlaceIsRefusedInsteadOfWaitingForEver() throws IOException {
		// given: a first run; in its result file, row 3 deleted and a new pin added at the end, its result cells empty
		List<String> lines = resultLinesOfAFirstRunOfMixed();
		lines.remove(2);
		lines.add("Porch Swing,A swing for two on the porch.,https://images.example.com/porch-swing.jpg,Kitchen Ideas,"
				+ "https://www.acme-home.example/porch,acme-home,,,summer,,,,,,,,,,");
		Path added = writeLines("added.csv", lines);
		int createdBefore = sandbox.postCount();

		// when
		CommandLineRun retry = run("--retry-failed=" + added);

		// then: before, the run waited for ever on the outcome of the row whose number the new one took
		assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(2);
		assertThat(retry.err().strip()).isEqualTo("pinbatch: " + added + ": row 16 has no number in the row column,"
				+ " and its place, 16, is the number row 15 has there; each row there stands for one row of the input,"
				+ " its pin and its request id: delete the copy, or give an added row a number that no other row has");
		assertThat(sandbox.postCount()).isEqualTo(createdBefore);
	}

	@Test
	void anInputWhosePathTheJobRepositoryCannotKeepIsAUsageErrorEveryTime() throws IOException {
		// given: a file 13 folders of 200 characters deep, a path longer than the 2,500 characters a job parameter keeps
		Path deep = dir;
		for (int i = 0; i < 13; i++) {
			deep = deep.resolve("d".repeat(200));
		}
		Files.createDirectories(deep);
		Path input = Files.copy(shelfPins(2), deep.resolve("pins.csv"));

		// when: the command, and the same command again (a cron job's retry)
		CommandLineRun first = run("--input=" + input);
		CommandLineRun again = run("--input=" + input);

		// then: the same usage error both times, saying what to do, and nothing sent
		for (CommandLineRun run : List.of(first, again)) {
			assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
			assertThat(run.err()).contains("pins.csv: --input is " + input.toAbsolutePath().toString().length()
					+ " characters long (as an absolute path, for a file), and the job repository keeps at most 2500;"
					+ " give a shorter one");
		}
		assertThat(creates()).isEmpty();

		// and a result file there, given to --follow-up or --retry-failed, is named by its option
		run("--input=" + shelfPins(2));
		Path results = Files.copy(dir.resolve("pins.results.csv"), deep.resolve("pins.results.csv"));
		for (String option : List.of("--follow-up", "--retry-failed")) {
			CommandLineRun refused = run(option + "=" + results);
			assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
			assertThat(refused.err()).contains("pins.results.csv: " + option + " is "
					+ results.toAbsolutePath().toString().length() + " characters long");
		}
	}

	@Test
	void formulaLookingCellsStayTextInTheResultFile() throws IOException {
		// given
		Path input = write("hostile.csv", """
				title,description,media_url,board,account,note
				=HYPERLINK("http://evil.example"),+1 555 0100,https://images.example.com/a.jpg,Kitchen Ideas,acme-home,@SUM(A1)
				""");

		// when
		CommandLineRun run = run("--input=" + input);

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		Map<String, String> row = ResultRows.read(dir.resolve("hostile.results.csv")).get(0);
		assertThat(row.get("title")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
		assertThat(row.get("description")).isEqualTo("'+1 555 0100");
		assertThat(row.get("note")).isEqualTo("'@SUM(A1)");
		assertThat(JSON.readTree(creates().get(0).body()).get("platforms").get(0).get("platformSpecificData")
			.get("title").asString()).isEqualTo("=HYPERLINK(\"http://evil.example\")");
	}

	@Test
	void rejectedKeyStopsAtOnceWithEveryRowPending() throws IOException {
		// given
		Path input = copySample("pins.csv");
		System.setProperty("zernio.api-key", "sk_wrong_key_for_this_test");

		// when
		CommandLineRun run = run("--input=" + input);

		// then
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("API key").doesNotContain("sk_wrong_key_for_this_test");
		assertThat(run.out()).doesNotContain("sk_wrong_key_for_this_test");
		assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).hasSize(20)
			.extracting(row -> row.get("status")).containsOnly("PENDING");
		assertThat(creates()).isEmpty();
	}

	@Test
	void anAccountOfAProfileOverThePlansLimitIsSentOnePinAndItsRowsSayWhatToDo() throws IOException {
		// given: acme-home's Zernio profile is beyond the plan's profile limit (Zernio refuses its posts)
		Path input = copySample("pins.csv");
		sandbox.putProfileOverLimit("acme-home");

		// when: one pin at a time, so that the first refusal is known before the account's next pin
		CommandLineRun run = run("--input=" + input, "--pinbatch.concurrency=1");

		// then: the account's rows FAILED with its own code and what to do, one create sent for them (before: each
		// sent, each refused, each saying "fix the row"); the other accounts' pins made
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		List<Map<String, String>> home = ResultRows.read(dir.resolve("pins.results.csv")).stream()
			.filter(row -> row.get("account").equals("acme-home"))
			.toList();
		assertThat(home).isNotEmpty().allSatisfy(row -> {
			assertThat(row.get("status")).isEqualTo("FAILED");
			assertThat(row.get("error_code")).isEqualTo("account_over_limit");
			assertThat(row.get("error_message")).contains("beyond the plan's profile limit", "--retry-failed");
		});
		assertThat(creates()).filteredOn(request -> request.body().contains("65f1a2b3c4d5e6f708091a01")).hasSize(1);
		assertThat(sandbox.postCount()).isEqualTo(20 - home.size());
	}

	@Test
	void aKeyWithoutThePublishingGroupStopsAtTheFirstCreateWithEveryRowPending() throws IOException {
		// given: a restricted Zernio key (zrk_) that may read accounts and boards but not publish
		Path input = copySample("pins.csv");
		sandbox.disableResourceGroups(List.of("publishing"));

		// when
		CommandLineRun run = run("--input=" + input);

		// then: one line saying which key to give, nothing created, every row left for the next run (before: every
		// row sent, each refused, each FAILED with "fix the row")
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.err()).contains("Zernio refused this API key", "insufficient_permissions",
				"publishing", "ZERNIO_API_KEY");
		List<Map<String, String>> rows = ResultRows.read(dir.resolve("pins.results.csv"));
		assertThat(rows).hasSize(20).extracting(row -> row.get("status")).containsOnly("PENDING");
		assertThat(sandbox.postCount()).isZero();
		// the rows Zernio refused say so, and what to fix (before: "sent to Zernio, but the run ended before its
		// answer came", as if the pin might exist: true only of the sends cut off in flight by the stop)
		assertThat(rows).filteredOn(row -> row.get("attempts").equals("1")).isNotEmpty().allSatisfy(row -> {
			assertThat(row.get("error_message")).startsWith("refused, nothing created: Zernio refused this API key")
				.contains("publishing");
			assertThat(row.get("request_id")).isEmpty();
		});
	}

	/** Runs samples/mixed.csv; the lines of its result file, header first, to edit as a user would. */
	private List<String> resultLinesOfAFirstRunOfMixed() throws IOException {
		run("--input=" + copySample("mixed.csv"));
		String text = Files.readString(dir.resolve("mixed.results.csv"), StandardCharsets.UTF_8);
		return new ArrayList<>(List.of(text.split("\r\n")));
	}

	private Path writeLines(String name, List<String> lines) throws IOException {
		return Files.writeString(dir.resolve(name), String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
	}

	@Test
	void aRetryStoppedBeforeItsEndKeepsTheLinesOfThePinsOnZernioItWouldOnlyHaveCarriedOver() throws IOException {
		// given: a first run, its result file with row 4's link fixed
		Path input = copySample("mixed.csv");
		run("--input=" + input);
		Path results = dir.resolve("mixed.results.csv");
		Files.writeString(results, Files.readString(results, StandardCharsets.UTF_8).replace(
				"http://www.acme-home.example/kitchen/window-herbs", "https://www.acme-home.example/kitchen/window-herbs"),
				StandardCharsets.UTF_8);
		List<Map<String, String>> before = ResultRows.read(results);

		// when: the retry stops at once (the key rejected)
		System.setProperty("zernio.api-key", "sk_wrong_key_for_this_test");
		CommandLineRun retry = run("--retry-failed=" + results);

		// then: rows with a pin keep it; the rows the retry was to send again are PENDING (before: every row PENDING,
		// with no post id)
		assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(1);
		List<Map<String, String>> after = ResultRows.read(dir.resolve("mixed.results.retry.csv"));
		assertThat(after).hasSize(before.size());
		for (int i = 0; i < before.size(); i++) {
			Map<String, String> was = before.get(i);
			boolean onZernio = List.of("PUBLISHED", "SCHEDULED", "CREATED", "DUPLICATE").contains(was.get("status"));
			assertThat(after.get(i)).as("row " + was.get("row"))
				.containsEntry("status", onZernio ? was.get("status") : "PENDING")
				.containsEntry("post_id", onZernio ? was.get("post_id") : "");
		}
		assertThat(before).anyMatch(row -> row.get("status").equals("PUBLISHED"));
	}

	@Test
	void aRunThatKnowsLessOfTheRowsNeverWipesOutTheOutcomesOfTheResultFileThere() throws IOException {
		// given: every pin of the file created
		Path input = copySample("pins.csv");
		assertThat(run("--input=" + input).exitCode()).isZero();
		List<Map<String, String>> created = ResultRows.read(dir.resolve("pins.results.csv"));

		// when: the same input run from another folder (a job repository that knows nothing of it) with a
		// rejected key, and then checked with a dry run
		System.setProperty("zernio.api-key", "sk_wrong_key_for_this_test");
		CommandLineRun rejected = CommandLineRun.run(dir.resolve("elsewhere"), sandbox.baseUrl(), "--input=" + input);
		System.setProperty("zernio.api-key", ZernioSandbox.API_KEY);
		CommandLineRun dryRun = run("--input=" + input, "--dry-run");

		// then
		assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(1);
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		List<Map<String, String>> results = ResultRows.read(dir.resolve("pins.results.csv"));
		assertThat(results).extracting(row -> row.get("status")).containsOnly("PUBLISHED", "SCHEDULED");
		assertThat(results).extracting(row -> row.get("post_id"))
			.containsExactlyElementsOf(created.stream().map(row -> row.get("post_id")).toList());
		assertThat(sandbox.postCount()).isEqualTo(20);
	}

	@Test
	void badInputsExitTwoWithOneLineAndNothingSent() throws IOException {
		Map<String, String[]> cases = Map.of(
				"missing file", new String[] { "--input=" + dir.resolve("nope.csv") },
				"unterminated quote", new String[] { "--input=" + write("broken.csv",
						"title,media_url,board\nok,https://images.example.com/a.jpg,Kitchen Ideas\n\"never closed,x,y\n") },
				"no data rows", new String[] { "--input=" + write("empty.csv", "title,media_url,board\n") },
				"no known columns", new String[] { "--input=" + write("other.csv", "foo,bar\n1,2\n") },
				"binary file", new String[] { "--input=" + writeBytes("image.csv", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13 }) },
				"unknown option", new String[] { "--input=" + copySample("pins.csv"), "--colour=red" },
				"bad time zone", new String[] { "--input=" + copySample("pins.csv"), "--timezone=Mars/Olympus" });
		for (Map.Entry<String, String[]> bad : cases.entrySet()) {
			CommandLineRun run = run(bad.getValue());
			assertThat(run.exitCode()).as(bad.getKey() + ": " + run).isEqualTo(2);
			assertThat(run.err().strip().lines()).as(bad.getKey() + ": " + run).hasSize(1);
			assertThat(run.err()).as(bad.getKey()).startsWith("pinbatch: ").doesNotContain("Exception", "\tat ");
		}
		assertThat(creates()).isEmpty();
	}

	@Test
	void aHeaderRowWithoutRowsIsToldItHoldsNoPinsNotGivenMappingLines() throws IOException {
		// a template kept empty whose headers lack pin columns (before: mapping lines of HEADER to fill in, which
		// pasted changed nothing)
		CommandLineRun run = run("--input=" + write("template.csv", "title,description\n"), "--dry-run");

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).contains("template.csv: has no data rows below the header row")
			.doesNotContain("mapping");
		assertThat(run.out()).doesNotContain("HEADER");
	}

	@Test
	void aMistypedPathIsRefusedAtOnceBeforeTheJobRepositoryOpens() throws IOException {
		Path pins = copySample("pins.csv");
		Map<String, String[]> cases = Map.of(
				"--input", new String[] { "--input=" + pins, "--input=" + dir.resolve("pins.cvs") },
				"--retry-failed", new String[] { "--retry-failed=" + dir.resolve("pins.results.cvs") },
				"--follow-up", new String[] { "--follow-up=" + dir.resolve("pins.results.cvs") },
				"--mapping", new String[] { "--input=" + pins, "--mapping=" + dir.resolve("mapping.yaml") });

		for (Map.Entry<String, String[]> mistyped : cases.entrySet()) {
			Path dataFolder = dir.resolve("data-" + mistyped.getKey().substring(2));
			CommandLineRun run = runIn(dataFolder, mistyped.getValue());

			assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
			// told before Spring and the job repository started (seconds): no data folder line, no repository made
			assertThat(run.out()).as(run.toString()).doesNotContain("data folder");
			assertThat(dataFolder).doesNotExist();
			String path = mistyped.getValue()[mistyped.getValue().length - 1].replaceFirst("^--[a-z-]+=", "");
			assertThat(run.err().strip()).isEqualTo("pinbatch: " + path + ": file not found; check the "
					+ mistyped.getKey() + " path");
		}
		assertThat(sandbox.requests()).isEmpty();
	}

	@Test
	void aResultFileOrDataFolderThatCannotBeWrittenIsRefusedBeforeAnythingIsSent() throws IOException {
		// given: folders that are files (a folder without write permission is no obstacle to root, who runs CI)
		Path notAFolder = write("notes.txt", "not a folder\n");
		Map<String, String[]> cases = Map.of(
				"result folder", new String[] { "--input=" + copySample("pins.csv"),
						"--results=" + notAFolder.resolve("pins.results.csv") },
				"result file is a folder", new String[] { "--input=" + copySample("pins.csv"), "--results=" + dir });

		for (Map.Entry<String, String[]> bad : cases.entrySet()) {
			// when
			CommandLineRun run = run(bad.getValue());

			// then
			assertThat(run.exitCode()).as(bad.getKey() + ": " + run).isEqualTo(2);
			assertThat(run.err().strip().lines()).as(bad.getKey() + ": " + run).hasSize(1);
			assertThat(run.err()).as(bad.getKey()).startsWith("pinbatch: ").contains("--results")
				.doesNotContain("Exception", "\tat ");
		}
		CommandLineRun data = CommandLineRun.run(notAFolder.resolve("data"), sandbox.baseUrl(),
				"--input=" + copySample("pins.csv"));
		assertThat(data.exitCode()).as(data.toString()).isEqualTo(2);
		assertThat(data.err()).startsWith("pinbatch: cannot use the data folder").contains("--pinbatch.data-dir");
		assertThat(creates()).isEmpty();
	}

	@Test
	void malformedRowNamesFileAndRow() throws IOException {
		Path input = write("broken.csv", "title,media_url,board\nok,https://images.example.com/a.jpg,Kitchen Ideas\n"
				+ "ok2,https://images.example.com/b.jpg,Kitchen Ideas\n\"never closed,x,y\n");

		CommandLineRun run = run("--input=" + input);

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("broken.csv").contains("row 4");
		assertThat(creates()).isEmpty();
	}

	@Test
	void missingApiKeyIsAUsageError() throws IOException {
		System.clearProperty("zernio.api-key");

		CommandLineRun run = CommandLineRun.run(dir.resolve("data"), "https://zernio.invalid/api",
				"--input=" + copySample("pins.csv"));

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("ZERNIO_API_KEY");
	}

	@Test
	void localMediaFilesAreUploadedOnceAndTheirPublicUrlIsPinned() throws IOException {
		// given: the same local image on two rows and as a video's cover, a local video, a text file, and a text
		// file behind the first bytes of a JPEG
		Files.createDirectories(dir.resolve("images"));
		Files.write(dir.resolve("images/shelf.jpg"), RealMedia.jpeg("shelf"));
		Files.write(dir.resolve("images/tour.mp4"), RealMedia.mp4("tour"));
		Files.writeString(dir.resolve("images/notes.jpg"), "not an image");
		byte[] jpegHead = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1 };
		Files.write(dir.resolve("images/disguised.jpg"), jpegHead);
		Files.writeString(dir.resolve("images/disguised.jpg"), "Q3 salaries: Alice 98,000; Bob 87,000\n".repeat(50),
				StandardOpenOption.APPEND);
		Path input = write("local.csv", """
				title,description,media_url,board,account,cover_image_url
				Shelf,First pin of the shelf.,images/shelf.jpg,Kitchen Ideas,acme-home,
				Shelf again,Second pin of the shelf.,images/shelf.jpg,Small Spaces,acme-home,
				Tour,A video with the shelf as cover.,images/tour.mp4,Kitchen Ideas,acme-home,images/shelf.jpg
				Notes,A text file named like an image.,images/notes.jpg,Kitchen Ideas,acme-home,
				Disguised,Text after a JPEG's first bytes.,images/disguised.jpg,Kitchen Ideas,acme-home,
				""");

		// when
		CommandLineRun run = run("--input=" + input);

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(sandbox.uploads()).hasSize(2);
		List<Map<String, String>> results = ResultRows.read(dir.resolve("local.results.csv"));
		assertThat(results).extracting(row -> row.get("status"))
			.containsExactly("PUBLISHED", "PUBLISHED", "PUBLISHED", "INVALID", "INVALID");
		assertThat(results.get(3).get("error_code")).isEqualTo("unsupported_media_type");
		assertThat(results.get(3).get("error_message")).startsWith("media_url ").contains("notes.jpg");
		// the disguised file is named as the cell gives it, and not uploaded
		assertThat(results.get(4).get("error_code")).isEqualTo("media_corrupt");
		assertThat(results.get(4).get("error_message"))
			.startsWith("media_url 'images/disguised.jpg' is not a valid JPEG image: ");
		Map<String, JsonNode> byTitle = creates().stream()
			.map(request -> JSON.readTree(request.body()))
			.collect(Collectors.toMap(
					body -> body.get("platforms").get(0).get("platformSpecificData").get("title").asString(),
					body -> body));
		String shelfUrl = byTitle.get("Shelf").get("mediaItems").get(0).get("url").asString();
		assertThat(shelfUrl).startsWith("https://");
		assertThat(byTitle.get("Shelf again").get("mediaItems").get(0).get("url").asString()).isEqualTo(shelfUrl);
		JsonNode video = byTitle.get("Tour");
		assertThat(video.get("mediaItems").get(0).get("type").asString()).isEqualTo("video");
		assertThat(video.get("mediaItems").get(0).get("url").asString()).startsWith("https://").isNotEqualTo(shelfUrl);
		assertThat(video.get("platforms").get(0).get("platformSpecificData").get("coverImageUrl").asString())
			.isEqualTo(shelfUrl);
	}

	@Test
	void anUploadIsRememberedWhenTheRunStopsBeforeItsPinIsCreated() throws IOException {
		// given: a local image, and Zernio failing the create, so the run stops (exit 1) after the upload
		Files.createDirectories(dir.resolve("images"));
		Files.write(dir.resolve("images/lamp.jpg"), RealMedia.jpeg("lamp"));
		Path input = write("lamp.csv", """
				title,description,media_url,board,account
				Lamp,A reading lamp.,images/lamp.jpg,Kitchen Ideas,acme-home
				""");
		sandbox.failNextCreates(10_000, 503);
		CommandLineRun stopped = run("--input=" + input, "--pinbatch.throttle.initial-backoff=1ms",
				"--pinbatch.throttle.breaker-failure-threshold=1");
		assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
		assertThat(sandbox.uploads()).hasSize(1);
		sandbox.failNextCreates(0, 503);

		// when: the same command again
		CommandLineRun resumed = run("--input=" + input);

		// then: the pin is created with the first upload's URL; the file is not uploaded again
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(sandbox.uploads()).hasSize(1);
		assertThat(sandbox.postCount()).isEqualTo(1);
	}

	@Test
	void anUploadTheStorageFailsIsTriedAgainAndItsPinCreated() throws IOException {
		// given: two local images, and the storage behind the upload URLs failing the first two uploads
		Path input = localImagePins("lamps.csv", "lamp", "desk");
		sandbox.failNextUploads(2, 503);

		// when
		CommandLineRun run = run("--input=" + input, "--pinbatch.throttle.initial-backoff=1ms");

		// then: every pin created, each file kept once by the storage after the failed tries
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(sandbox.requests()).filteredOn(request -> request.method().equals("PUT")).hasSize(4);
		assertThat(sandbox.uploads()).hasSize(2);
		assertThat(sandbox.postCount()).isEqualTo(2);
	}

	@Test
	void aStorageThatKeepsFailingUploadsStopsTheRunAndTheSameCommandFinishesIt() throws IOException {
		// given: a local image, and the storage behind the upload URLs failing every upload
		Path input = localImagePins("lamp.csv", "lamp");
		sandbox.failUploads(1);
		CommandLineRun stopped = run("--input=" + input, "--pinbatch.throttle.initial-backoff=1ms");
		assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
		assertThat(stopped.err()).contains("upload of lamp.jpg", "failed: HTTP 5", "tries)");
		assertThat(stopped.out()).contains("to resume, run the same command again");
		assertThat(ResultRows.read(dir.resolve("lamp.results.csv"))).extracting(row -> row.get("status"))
			.containsExactly("PENDING");
		assertThat(sandbox.postCount()).isZero();
		sandbox.failUploads(0);

		// when: the same command once the storage is back
		CommandLineRun resumed = run("--input=" + input);

		// then
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(sandbox.uploads()).hasSize(1);
		assertThat(sandbox.postCount()).isEqualTo(1);
	}

	/** A sheet of one pin per named JPEG, each a real image under images/ beside it. */
	private Path localImagePins(String sheet, String... names) throws IOException {
		Files.createDirectories(dir.resolve("images"));
		StringBuilder rows = new StringBuilder("title,description,media_url,board,account\n");
		for (String name : names) {
			Files.write(dir.resolve("images/" + name + ".jpg"), RealMedia.jpeg(name));
			rows.append(name).append(",A ").append(name).append(".,images/").append(name)
				.append(".jpg,Kitchen Ideas,acme-home\n");
		}
		return write(sheet, rows.toString());
	}

	@Test
	void withoutADataFolderTheJobRepositoryIsTheUsersOneWhateverTheWorkingFolder() throws IOException {
		// given: no --pinbatch.data-dir, and a home folder of the test's own
		String realHome = System.getProperty("user.home");
		Path home = dir.resolve("home");
		System.setProperty("user.home", home.toString());
		try {
			Path input = write("one.csv", "title,media_url,board,account\n"
					+ "A pin,https://images.example.com/one.jpg,Kitchen Ideas,acme-home\n");

			// when
			CommandLineRun first = CommandLineRun.run(null, sandbox.baseUrl(), "--input=" + input);
			CommandLineRun again = CommandLineRun.run(null, sandbox.baseUrl(), "--input=" + input);

			// then: the folder is said, the repository is there, and the second run knows the first
			Path folder = home.resolve(".pinbatch/data");
			assertThat(first.exitCode()).as(first.toString()).isZero();
			assertThat(first.out()).contains("pinbatch: data folder (job repository, run lock): " + folder + "\n");
			assertThat(folder.resolve("pinbatch.lock")).exists();
			assertThat(Files.list(folder).map(file -> file.getFileName().toString())).anyMatch(
					name -> name.startsWith("jobrepo"));
			assertThat(again.out()).as(again.toString()).contains("already processed");
			assertThat(sandbox.postCount()).isEqualTo(1);
		}
		finally {
			System.setProperty("user.home", realHome);
		}
	}

	@Test
	void helpListsEveryOption() {
		CommandLineRun run = run("--help");

		assertThat(run.exitCode()).isZero();
		for (String option : Set.of("--input", "--results", "--sheet", "--mapping", "--dry-run", "--sandbox",
				"--retry-failed", "--account", "--board", "--timezone", "--zernio.base-url", "--help", "--version",
				"--date-format", "--when-no-date", "--spread", "--check-media", "--summary", "--verbose", "--log-format",
				"--prune-older-than")) {
			assertThat(run.out()).contains(option);
		}
		// exit 0 as README gives it: rows published or scheduled are a success too
		assertThat(run.out()).contains("0  every row PUBLISHED, SCHEDULED, CREATED, DUPLICATE or VALID");
	}

	private Path copySample(String name) throws IOException {
		Path copy = dir.resolve(name);
		Files.copy(SAMPLES.resolve(name), copy, StandardCopyOption.REPLACE_EXISTING);
		return copy;
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
	}

	private Path writeBytes(String name, byte[] content) throws IOException {
		return Files.write(dir.resolve(name), content);
	}

	private static List<String> rowNumbers(int from, int to) {
		return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
	}
}

package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.pinbatch.media.RealMedia;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 7 through the command line: capacity plan and --spread, duplicates within the file, dates, drafts. */
class PinterestRulesCommandLineTests extends SandboxedCommandLine {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void withoutSpreadPinsBeyondTheCapFailAndWithSpreadTheyAreScheduledWithoutA429() throws IOException {
		// given: 40 undated pins for one account, whose caps are 25 per hour and 25 per day
		Path input = pins(40);

		// when
		CommandLineRun capped = runIn(dir.resolve("data-capped"), "--input=" + input, "--results=" + dir.resolve("capped.csv"));
		int createdWithoutSpread = sandbox.postCount();
		restartSandbox(sandboxSettings());
		CommandLineRun spread = runIn(dir.resolve("data-spread"), "--input=" + input, "--spread",
				"--results=" + dir.resolve("spread.csv"));

		// then
		assertThat(capped.exitCode()).as(capped.toString()).isEqualTo(3);
		assertThat(capped.out()).contains("acme-home: 40 pins");
		assertThat(createdWithoutSpread).isEqualTo(25);
		assertThat(ResultRows.read(dir.resolve("capped.csv")))
			.filteredOn(row -> row.get("status").equals("FAILED"))
			.hasSize(15)
			.allSatisfy(row -> assertThat(row.get("error_code")).isEqualTo("account_cap_reached"));
		assertThat(spread.exitCode()).as(spread.toString()).isZero();
		assertThat(sandbox.postCount()).isEqualTo(40);
		assertThat(sandbox.rateLimitedResponses()).isZero();
		List<Instant> scheduled = creates().stream()
			.map(request -> JSON.readTree(request.body()))
			.filter(body -> body.has("scheduledFor"))
			.map(body -> Instant.parse(body.get("scheduledFor").asString()))
			.sorted()
			.toList();
		assertThat(scheduled).hasSize(15);
		assertThat(Duration.between(scheduled.get(0), scheduled.get(14))).isPositive();
		assertThat(scheduled.get(0)).isAfter(Instant.now());
	}

	@Test
	void withoutAnAccountColumnThePlanCountsTheBoardsAccountAndADryRunShowsTheRowsTheCapWillFail() throws IOException {
		// given: Pinterest's template (no account column), 15 undated pins on each of two boards of acme-home
		StringBuilder csv = new StringBuilder("Title,Media URL,Pinterest board,Description\n");
		for (int i = 0; i < 30; i++) {
			csv.append("Template pin ").append(i).append(",https://images.example.com/t/").append(i).append(".jpg,")
				.append(i < 15 ? "Kitchen Ideas" : "Small Spaces").append(",Template pin number ").append(i).append('\n');
		}
		Path input = Files.writeString(dir.resolve("template.csv"), csv, StandardCharsets.UTF_8);

		// when
		CommandLineRun dryRun = runIn(dir.resolve("data"), "--input=" + input, "--dry-run",
				"--results=" + dir.resolve("dry.csv"));
		CommandLineRun live = runIn(dir.resolve("data"), "--input=" + input, "--results=" + dir.resolve("live.csv"));

		// then: the plan foresaw what the live run did
		assertThat(dryRun.out()).contains("plan: acme-home: 30 pins, 5 over the 25 pins per day cap (row 27 is the"
				+ " first)", "plan: total: 30 pins for 1 account, over its caps").doesNotContain("within caps");
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(3);
		List<Map<String, String>> foreseen = ResultRows.read(dir.resolve("dry.csv"));
		assertThat(foreseen).extracting(row -> row.get("status")).containsOnly("VALID", "FAILED");
		assertThat(foreseen).filteredOn(row -> row.get("status").equals("FAILED")).hasSize(5)
			.allSatisfy(row -> assertThat(row.get("error_code")).isEqualTo("account_cap_reached"))
			.allSatisfy(row -> assertThat(row.get("error_message")).startsWith("account acme-home would reach its 25"
					+ " pins per day cap").contains("--spread"));
		assertThat(live.exitCode()).as(live.toString()).isEqualTo(3);
		assertThat(ResultRows.read(dir.resolve("live.csv"))).filteredOn(row -> row.get("status").equals("FAILED"))
			.hasSize(5)
			.allSatisfy(row -> assertThat(row.get("error_code")).isEqualTo("account_cap_reached"));
		assertThat(sandbox.postCount()).isEqualTo(25);
	}

	/**
	 * Pins scheduled into a day that another run's pins already fill: the plan counts those (they are in the job
	 * repository), and the live run refuses the rows beyond the cap as the dry run foresaw, without asking Zernio.
	 */
	@Test
	void pinsScheduledIntoADayAnotherRunFilledAreRefusedAsTheDryRunForesawWithoutA429() throws IOException {
		// given: a run that scheduled 20 pins of acme-home (25 a day) on one day
		Path first = Files.writeString(dir.resolve("first.csv"), scheduled("First", 20, 10), StandardCharsets.UTF_8);
		assertThat(runIn(dir.resolve("data"), "--input=" + first).exitCode()).isZero();

		// when: another file schedules 10 more on that day
		Path second = Files.writeString(dir.resolve("second.csv"), scheduled("Second", 10, 14),
				StandardCharsets.UTF_8);
		CommandLineRun dryRun = runIn(dir.resolve("data"), "--input=" + second, "--dry-run",
				"--results=" + dir.resolve("dry.csv"));
		int before = sandbox.postCount();
		CommandLineRun live = runIn(dir.resolve("data"), "--input=" + second, "--results=" + dir.resolve("live.csv"));

		// then: the same 5 rows fail in both, with the same message; the live run asked Zernio for the 5 others only
		// (before: it sent all 10, and Zernio refused 5 with a 429 each)
		assertThat(live.exitCode()).as(live.toString()).isEqualTo(3);
		List<Map<String, String>> foreseen = ResultRows.read(dir.resolve("dry.csv"));
		List<Map<String, String>> done = ResultRows.read(dir.resolve("live.csv"));
		assertThat(done).filteredOn(row -> row.get("status").equals("FAILED")).hasSize(5)
			.allSatisfy(row -> assertThat(row).containsEntry("error_code", "account_cap_reached")
				.containsEntry("attempts", "0")
				.containsEntry("error_message",
						foreseen.get(Integer.parseInt(row.get("row")) - 2).get("error_message")));
		assertThat(sandbox.postCount() - before).isEqualTo(5);
		assertThat(sandbox.rateLimitedResponses()).isZero();
		assertThat(live.out()).contains("acme-home: 0 published, 5 failed");
	}

	/**
	 * Two files of one command that together pass an account's cap: the second's plan counts the first's pins, so the
	 * dry run foresees what the live run does. Before, each file planned alone: both "within caps" in the dry run,
	 * and the live run failed 5 rows at their send.
	 */
	@Test
	void twoFilesOfOneCommandThatTogetherPassACapArePlannedTogether() throws IOException {
		// given: 20 and 10 pins of acme-home (25 a day) on one day, in two files
		Path first = Files.writeString(dir.resolve("first.csv"), scheduled("First", 20, 10), StandardCharsets.UTF_8);
		Path second = Files.writeString(dir.resolve("second.csv"), scheduled("Second", 10, 14),
				StandardCharsets.UTF_8);

		// when
		CommandLineRun dryRun = runIn(dir.resolve("data"), "--input=" + first, "--input=" + second, "--dry-run");
		long foreseen = cappedRows(first, second);
		CommandLineRun live = runIn(dir.resolve("data"), "--input=" + first, "--input=" + second);

		// then: 5 of the 30 rows fail at the cap in both, and the live run sent the 25 others without a 429
		assertThat(dryRun.out()).contains("over the 25 pins per day cap");
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(3);
		assertThat(foreseen).isEqualTo(5);
		assertThat(live.exitCode()).as(live.toString()).isEqualTo(3);
		assertThat(cappedRows(first, second)).isEqualTo(5);
		assertThat(sandbox.postCount()).isEqualTo(25);
		assertThat(sandbox.rateLimitedResponses()).isZero();
	}

	/** The rows of the inputs' result files (beside them) that failed at their account's cap. */
	private long cappedRows(Path... inputs) throws IOException {
		long capped = 0;
		for (Path input : inputs) {
			capped += ResultRows.read(input.resolveSibling(input.getFileName().toString()
				.replace(".csv", ".results.csv"))).stream()
				.filter(row -> "account_cap_reached".equals(row.get("error_code")))
				.count();
		}
		return capped;
	}

	/** {@code count} pins of acme-home on 2030-12-25, from {@code firstHour} on, two an hour. */
	private static String scheduled(String name, int count, int firstHour) {
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account,publish_at\n");
		for (int pin = 0; pin < count; pin++) {
			csv.append(name).append(' ').append(pin).append(',').append(name).append(" pin number ").append(pin)
				.append(",https://images.example.com/").append(name).append('/').append(pin)
				.append(".jpg,Kitchen Ideas,acme-home,2030-12-25 ").append(firstHour + pin / 2).append(':')
				.append(pin % 2 == 0 ? "00" : "30").append('\n');
		}
		return csv.toString();
	}

	@Test
	void aRowThatRepeatsAnEarlierOneTakesNoSlotOfItsAccountsCap() throws IOException {
		// given: 25 distinct pins for one day of acme-home (25 a day), and row 3 repeating row 2 (never sent)
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account,publish_at\n");
		for (int pin = 1; pin <= 25; pin++) {
			String line = "Pin " + pin + ",Pin number " + pin + ",https://images.example.com/u/" + pin
					+ ".jpg,Kitchen Ideas,acme-home,2030-12-25 " + (pin % 12 + 10) + ":00\n";
			csv.append(pin == 1 ? line + line : line);
		}
		Path input = Files.writeString(dir.resolve("repeated.csv"), csv, StandardCharsets.UTF_8);

		// when
		CommandLineRun dryRun = runIn(dir.resolve("data"), "--input=" + input, "--dry-run",
				"--results=" + dir.resolve("dry.csv"));
		CommandLineRun live = runIn(dir.resolve("data"), "--input=" + input, "--results=" + dir.resolve("live.csv"));

		// then: the plan counts the 25 pins that will be sent, and the dry run foresees what the live run does
		assertThat(dryRun.out()).contains("plan: acme-home: 25 pins, within caps");
		assertThat(ResultRows.read(dir.resolve("dry.csv"))).extracting(row -> row.get("status"))
			.containsOnly("VALID", "INVALID")
			.filteredOn("INVALID"::equals)
			.hasSize(1);
		assertThat(ResultRows.read(dir.resolve("live.csv"))).extracting(row -> row.get("status"))
			.containsOnly("SCHEDULED", "INVALID")
			.filteredOn("INVALID"::equals)
			.hasSize(1);
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(3);
		assertThat(live.exitCode()).as(live.toString()).isEqualTo(3);
		assertThat(sandbox.postCount()).isEqualTo(25);
	}

	@Test
	void aRowWhoseMediaCannotBeUsedTakesNoSlotOfItsAccountsCap() throws IOException {
		// given: 25 pins of local images for one day of acme-home (25 a day), one whose image --check-media cannot
		// fetch, and one whose local file is not an image
		Files.createDirectories(dir.resolve("images"));
		Files.writeString(dir.resolve("images/notes.jpg"), "not an image");
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account,publish_at\n");
		csv.append("Unreachable,An image on a host that does not exist,https://images.invalid/pin.jpg,Kitchen Ideas,")
			.append("acme-home,2030-12-25 09:00\n");
		csv.append("Notes,A text file named like an image,images/notes.jpg,Kitchen Ideas,acme-home,2030-12-25 09:00\n");
		for (int pin = 1; pin <= 25; pin++) {
			Files.write(dir.resolve("images/pin" + pin + ".jpg"), RealMedia.jpeg("pin" + pin));
			csv.append("Pin ").append(pin).append(",Pin number ").append(pin).append(",images/pin").append(pin)
				.append(".jpg,Kitchen Ideas,acme-home,2030-12-25 ").append(pin % 12 + 10).append(":00\n");
		}
		Path input = Files.writeString(dir.resolve("checked.csv"), csv, StandardCharsets.UTF_8);

		// when
		CommandLineRun dryRun = runIn(dir.resolve("data"), "--input=" + input, "--dry-run", "--check-media",
				"--results=" + dir.resolve("dry.csv"));

		// then: the two rows whose image cannot be used are INVALID, and the 25 others fit the day
		assertThat(dryRun.out()).as(dryRun.toString()).contains("plan: acme-home: 25 pins, within caps");
		List<Map<String, String>> results = ResultRows.read(dir.resolve("dry.csv"));
		assertThat(results.subList(0, 2)).extracting(row -> row.get("status")).containsOnly("INVALID");
		assertThat(results.subList(2, results.size())).extracting(row -> row.get("status")).containsOnly("VALID");
	}

	@Test
	void aSheetOfTensOfThousandsOfIdenticalRowsIsCheckedAndItsRepeatsStoredInLittleRoom() throws Exception {
		// given: 50,000 rows alike (a formula filled down, or an export gone wrong)
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account\n");
		for (int i = 0; i < 50_000; i++) {
			csv.append("Same,Same text.,https://images.example.com/same.jpg,Kitchen Ideas,acme-home\n");
		}
		Path input = Files.writeString(dir.resolve("alike.csv"), csv, StandardCharsets.UTF_8);

		// when
		CommandLineRun dryRun = run("--input=" + input, "--dry-run");

		// then: every repeat names the first row
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(3);
		List<Map<String, String>> results = ResultRows.read(dir.resolve("alike.results.csv"));
		assertThat(results).hasSize(50_000);
		assertThat(results.get(0).get("status")).isEqualTo("VALID");
		assertThat(results.subList(1, results.size())).allSatisfy(row -> {
			assertThat(row.get("error_code")).isEqualTo("duplicate_in_file");
			assertThat(row.get("error_message")).contains("as row 2;");
		});
		// then: the job's context holds them packed. As a map they took about 37 bytes a row, and a million alike
		// rows overflowed the repository's column: the run stopped with every row PENDING
		try (Connection db = DriverManager.getConnection("jdbc:hsqldb:file:" + dir.resolve("data/jobrepo")
				+ ";shutdown=true", "SA", "");
				ResultSet contexts = db.createStatement()
					.executeQuery("SELECT MAX(LENGTH(COALESCE(SERIALIZED_CONTEXT, SHORT_CONTEXT)))"
						+ " FROM BATCH_JOB_EXECUTION_CONTEXT")) {
			assertThat(contexts.next()).isTrue();
			assertThat(contexts.getLong(1)).isBetween(1L, 20_000L);
		}
	}

	@Test
	void rowsSentBeforeAndSentAgainWithAnotherTimeZoneTakeNoPlaceOfTheNewRowsInTheCaps() throws IOException {
		// given: 15 pins scheduled on one day for acme-home (25 a day), sent; then the sheet with 10 more that day,
		// run with a --timezone (the dates carry their offset: the same instants, but another identity)
		StringBuilder sent = new StringBuilder("title,description,media_url,board,account,publish_at\n");
		for (int i = 0; i < 25; i++) {
			sent.append("Day pin ").append(i).append(",Day pin number ").append(i)
				.append(",https://images.example.com/day/").append(i).append(".jpg,Kitchen Ideas,acme-home,")
				.append(Instant.parse("2031-03-01T08:00:00Z").plus(Duration.ofMinutes(10L * i))).append('\n');
			if (i == 14) {
				Files.writeString(dir.resolve("day.csv"), sent, StandardCharsets.UTF_8);
			}
		}
		CommandLineRun first = run("--input=" + dir.resolve("day.csv"));
		Path grown = Files.writeString(dir.resolve("day.csv"), sent, StandardCharsets.UTF_8);

		// when
		CommandLineRun again = run("--input=" + grown, "--timezone=Europe/Berlin");

		// then: the 15 are the pins sent before, and the 10 new ones fit the day (before: the 15 counted twice, as
		// pins on Zernio and as rows to send, and 5 new rows FAILED account_cap_reached)
		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).contains("plan: 15 rows are pins that earlier runs created: not sent again",
				"plan: acme-home: 10 pins, within caps");
		assertThat(ResultRows.read(dir.resolve("day.results.csv"))).hasSize(25)
			.allSatisfy(row -> assertThat(row.get("status")).isIn("SCHEDULED", "DUPLICATE"));
		assertThat(sandbox.postCount()).isEqualTo(25);
	}

	@Test
	void duplicatesInTheFileAmbiguousDatesAndDraftsAreHandledBeforeSending() throws IOException {
		// given
		Path input = Files.writeString(dir.resolve("rules.csv"), """
				title,description,media_url,board,account,publish_at
				First,Same text and image.,https://images.example.com/same.jpg,Kitchen Ideas,acme-home,
				Second,Same text and image.,https://images.example.com/same.jpg,Small Spaces,acme-home,
				Dated,A date that reads two ways.,https://images.example.com/d.jpg,Kitchen Ideas,acme-home,03/04/2027 10:00
				""", StandardCharsets.UTF_8);

		// when
		CommandLineRun run = runIn(dir.resolve("data"), "--input=" + input, "--when-no-date=draft");

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		List<Map<String, String>> results = ResultRows.read(dir.resolve("rules.results.csv"));
		assertThat(results).extracting(row -> row.get("status") + " " + row.get("error_code"))
			.containsExactly("CREATED ", "INVALID duplicate_in_file", "INVALID ambiguous_date");
		assertThat(results.get(1).get("error_message")).contains("row 2");
		assertThat(results.get(2).get("error_message")).contains("--date-format");
		JsonNode draft = JSON.readTree(creates().get(0).body());
		assertThat(draft.get("isDraft").asBoolean()).isTrue();
		assertThat(draft.has("publishNow")).isFalse();

		// when the user settles the date order
		CommandLineRun settled = runIn(dir.resolve("data"), "--input=" + input, "--when-no-date=draft",
				"--date-format=dd/MM/yyyy HH:mm", "--results=" + dir.resolve("settled.csv"));

		// then the date is read day first
		assertThat(settled.exitCode()).isEqualTo(3);
		assertThat(creates()).extracting(request -> JSON.readTree(request.body()))
			.anyMatch(body -> body.has("scheduledFor")
					&& body.get("scheduledFor").asString().equals("2027-04-03T10:00:00Z"));
	}

	@Test
	void theResultFileNamesThePublishInstantSentOrThatWouldHaveBeenSent() throws IOException {
		// given: a date in Berlin time, one in the past, and three undated pins for an account capped at two
		Path input = Files.writeString(dir.resolve("times.csv"), """
				title,media_url,board,account,publish_at
				Dated,https://images.example.com/t/1.jpg,Kitchen Ideas,acme-home,2030-03-01 09:30
				Past,https://images.example.com/t/2.jpg,Kitchen Ideas,acme-home,2020-01-01 10:00
				Now 1,https://images.example.com/t/3.jpg,Kitchen Ideas,acme-home,
				Now 2,https://images.example.com/t/4.jpg,Kitchen Ideas,acme-home,
				Later,https://images.example.com/t/5.jpg,Kitchen Ideas,acme-home,
				""", StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + input, "--spread", "--timezone=Europe/Berlin",
				"--pinbatch.throttle.account-hourly-cap=2", "--pinbatch.throttle.account-daily-cap=2");

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		Map<String, Map<String, String>> byTitle = ResultRows.read(dir.resolve("times.results.csv")).stream()
			.collect(Collectors.toMap(row -> row.get("title"), row -> row));
		assertThat(byTitle.get("Dated")).containsEntry("publish_at_utc", "2030-03-01T08:30:00Z");
		assertThat(byTitle.get("Past")).containsEntry("status", "INVALID")
			.containsEntry("error_code", "publish_at_in_past")
			.containsEntry("publish_at_utc", "2020-01-01T09:00:00Z");
		assertThat(byTitle.get("Now 1")).containsEntry("publish_at_utc", "");
		String spreadSlot = creates().stream()
			.map(request -> JSON.readTree(request.body()))
			.filter(body -> body.get("platforms").get(0).get("platformSpecificData").get("title").asString()
				.equals("Later"))
			.map(body -> body.get("scheduledFor").asString())
			.findFirst()
			.orElseThrow();
		assertThat(byTitle.get("Later")).containsEntry("publish_at_utc", spreadSlot);
		assertThat(Instant.parse(spreadSlot)).isAfter(Instant.now());
		List<String> header = List.of(Files.readAllLines(dir.resolve("times.results.csv")).get(0).split(","));
		assertThat(header.subList(header.indexOf("post_id"), header.indexOf("post_id") + 4))
			.containsExactly("post_id", "pin_url", "publish_at_utc", "error_code");
	}

	private Path pins(int count) throws IOException {
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account\n");
		for (int i = 0; i < count; i++) {
			csv.append("Pin ").append(i).append(",Spread pin ").append(i).append(",https://images.example.com/s/")
				.append(i).append(".jpg,Kitchen Ideas,acme-home\n");
		}
		return Files.writeString(dir.resolve("pins.csv"), csv, StandardCharsets.UTF_8);
	}
}

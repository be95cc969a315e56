package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.pinbatch.input.InputRow;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.PinDraft;
import com.pinbatch.pin.PinIdentity;
import com.pinbatch.pin.ValidationSettings;
import com.pinbatch.sandbox.MovableClock;
import com.pinbatch.sandbox.SandboxPost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The nightly sheet that a team keeps adding to: each night's file is a new run (its content changed), and the rows
 * an earlier night already put on Pinterest must not be created again, whether Zernio still remembers them (within 24
 * hours it refuses the same content) or not.
 */
class SheetSavedAgainCommandLineTests extends SandboxedCommandLine {

	/** The sandbox's clock: a test moves it on to let Zernio publish what was scheduled. */
	private final MovableClock clock = new MovableClock();

	@Override
	Clock sandboxClock() {
		return clock;
	}

	/** The job repository the command lines of this class use. */
	Connection repository() throws SQLException {
		return DriverManager.getConnection("jdbc:hsqldb:file:" + dir.resolve("data/jobrepo") + ";shutdown=true", "SA",
				"");
	}

	/** Moves the publish times of the scheduled pins the job repository holds into the past, as time passing would. */
	private void bringScheduledPinsDue() throws SQLException {
		try (Connection connection = repository(); Statement statement = connection.createStatement()) {
			statement.executeUpdate("UPDATE PINBATCH_ROW_RESULT SET PUBLISH_AT_MS = "
					+ Instant.now().minus(Duration.ofHours(1)).toEpochMilli() + " WHERE STATUS = 'SCHEDULED'");
		}
	}

	@Test
	void rowsAnEarlierRunPublishedAreNotSentAgainWhenTheSheetComesBackWithRowsAndAColumnAdded()
			throws IOException {
		// given: last night's run of four shelves
		Path input = shelfPins(4);
		CommandLineRun lastNight = run("--input=" + input);
		assertThat(lastNight.exitCode()).as(lastNight.toString()).isZero();
		Map<String, Map<String, String>> lastNightsPins = byTitle(
				ResultRows.read(input.resolveSibling("pins.results.csv")));
		assertThat(lastNightsPins.values()).extracting(row -> row.get("status")).containsOnly("PUBLISHED");
		// and today the sheet is back with a notes column in front, a row above and below the old ones, and one old
		// row's description rewritten
		Files.writeString(input, """
				notes,title,description,media_url,board,account
				new,Shelf 5,Open shelf idea 5,https://images.example.com/shelf/5.jpg,Kitchen Ideas,acme-home
				sent,Shelf 1,Open shelf idea 1,https://images.example.com/shelf/1.jpg,Kitchen Ideas,acme-home
				sent,Shelf 2,Open shelf idea 2 (now in oak),https://images.example.com/shelf/2.jpg,Kitchen Ideas,acme-home
				sent,Shelf 3,Open shelf idea 3,https://images.example.com/shelf/3.jpg,Kitchen Ideas,acme-home
				sent,Shelf 4,Open shelf idea 4,https://images.example.com/shelf/4.jpg,Kitchen Ideas,acme-home
				new,Shelf 6,Open shelf idea 6,https://images.example.com/shelf/6.jpg,Kitchen Ideas,acme-home
				""", StandardCharsets.UTF_8);
		int createsLastNight = creates().size();

		// when: a dry run of it, then tonight's run
		CommandLineRun dryRun = run("--input=" + input, "--dry-run");
		List<Map<String, String>> checked = ResultRows.read(input.resolveSibling("pins.results.csv"));
		CommandLineRun tonight = run("--input=" + input);

		// then: the dry run already tells the three unchanged rows (published last night) from the rest, and sends
		// nothing
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(statusByTitle(checked)).isEqualTo(Map.of("Shelf 5", "VALID", "Shelf 1", "PUBLISHED", "Shelf 2",
				"VALID", "Shelf 3", "PUBLISHED", "Shelf 4", "PUBLISHED", "Shelf 6", "VALID"));
		// and tonight plans and creates only the new rows and the rewritten one: nothing Zernio refuses as the same
		// content, and no place against the account's caps for the pins already there
		assertThat(tonight.exitCode()).as(tonight.toString()).isZero();
		assertThat(tonight.out()).contains("plan: 3 rows are pins that earlier runs created: not sent again",
				"plan: acme-home: 3 pins, within caps");
		assertThat(creates().subList(createsLastNight, creates().size()))
			.extracting(request -> request.body().replaceAll(".*\"title\":\"(Shelf \\d)\".*", "$1"))
			.containsExactlyInAnyOrder("Shelf 5", "Shelf 2", "Shelf 6");
		List<Map<String, String>> results = ResultRows.read(input.resolveSibling("pins.results.csv"));
		assertThat(results).extracting(row -> row.get("notes")).containsExactly("new", "sent", "sent", "sent", "sent",
				"new");
		for (String title : List.of("Shelf 1", "Shelf 3", "Shelf 4")) {
			Map<String, String> row = byTitle(results).get(title);
			Map<String, String> sent = lastNightsPins.get(title);
			assertThat(row.get("status")).as(title).isEqualTo("PUBLISHED");
			assertThat(row.get("post_id")).as(title).isEqualTo(sent.get("post_id"));
			assertThat(row.get("pin_url")).as(title).isNotEmpty().isEqualTo(sent.get("pin_url"));
			assertThat(row.get("attempts")).as(title).isEqualTo("0");
			assertThat(row.get("error_message")).as(title)
				.contains("already on Zernio as post " + sent.get("post_id") + ": the run of pins.csv on ",
						"created this pin from its row " + sent.get("row") + ", so it is not sent again");
		}
		assertThat(byTitle(results).get("Shelf 2").get("post_id")).isNotEqualTo(lastNightsPins.get("Shelf 2")
			.get("post_id"));
		assertThat(results).extracting(row -> row.get("status")).doesNotContain("FAILED", "INVALID");
	}

	@Test
	void twoFilesOfOneCommandSharingRowsMakeEachPinOnceAndBothSucceed() throws IOException {
		// given: Monday's export and Tuesday's, which repeats Monday's rows, both new, run by one command side by side
		Path monday = shelfPins(3);
		Path tuesday = Files.writeString(dir.resolve("tuesday.csv"), Files.readString(monday)
				+ "Shelf 4,Open shelf idea 4,https://images.example.com/shelf/4.jpg,Kitchen Ideas,acme-home\n",
				StandardCharsets.UTF_8);

		// when
		CommandLineRun both = run("--input=" + monday, "--input=" + tuesday);

		// then: whichever file sent a shared pin first, the other's row is that pin, not a failure
		assertThat(both.exitCode()).as(both.toString()).isZero();
		assertThat(creates()).extracting(request -> request.body().replaceAll(".*\"title\":\"(Shelf \\d)\".*", "$1"))
			.filteredOn(title -> !title.equals("Shelf 4"))
			.hasSizeBetween(3, 6); // sent by both when side by side: Zernio refuses the second of each
		assertThat(sandbox.posts()).hasSize(4);
		List<Map<String, String>> results = new java.util.ArrayList<>(ResultRows.read(dir.resolve("pins.results.csv")));
		results.addAll(ResultRows.read(dir.resolve("tuesday.results.csv")));
		assertThat(results).hasSize(7).extracting(row -> row.get("status")).doesNotContain("FAILED", "INVALID");
		assertThat(results).extracting(row -> row.get("post_id")).doesNotContainNull().doesNotContain("")
			.containsOnlyElementsOf(sandbox.posts().stream().map(post -> post.id()).toList());
	}

	@Test
	void aScheduledPinWhoseDateIsMovedInTheSheetIsNotPostedTwiceAndItsRowSaysWhichPostToMove() throws IOException {
		// given: a run two days ago scheduled two shelves for March (Zernio's own duplicate check lasts 24 hours)
		Path input = lastNightsTwoScheduledShelves();
		String scheduled = byTitle(ResultRows.read(dir.resolve("pins.results.csv"))).get("Shelf 1").get("post_id");
		clock.add(Duration.ofDays(2));
		// and today someone moved the first shelf a week later in the sheet
		Files.writeString(input, Files.readString(input).replace("2030-03-01 09:00", "2030-03-08 09:00"),
				StandardCharsets.UTF_8);
		int createsBefore = creates().size();

		// when
		CommandLineRun tonight = run("--input=" + input);

		// then: no second pin of the same content (both would publish), and the row names the post to move and the
		// run and row that made it
		assertThat(tonight.exitCode()).as(tonight.toString()).isEqualTo(3);
		// (the moved row is that pin too: it takes no place against the account's caps)
		assertThat(tonight.out()).contains("plan: 2 rows are pins that earlier runs created: not sent again");
		assertThat(creates()).hasSize(createsBefore);
		assertThat(sandbox.posts()).hasSize(2);
		Map<String, Map<String, String>> results = byTitle(ResultRows.read(dir.resolve("pins.results.csv")));
		assertThat(results.get("Shelf 1").get("status")).isEqualTo("FAILED");
		assertThat(results.get("Shelf 1").get("error_code")).isEqualTo("pin_moved");
		assertThat(results.get("Shelf 1").get("publish_at_utc")).isEqualTo("2030-03-08T09:00:00Z");
		assertThat(results.get("Shelf 1").get("error_message")).contains(
				"post " + scheduled + " has this row's pin, scheduled for 2030-03-01T09:00:00Z (the run of pins.csv on ",
				" created it from its row 2); the row now gives 2030-03-08T09:00:00Z",
				"in Zernio, reschedule post " + scheduled + " to 2030-03-08T09:00:00Z (it is then this row's pin) or"
						+ " delete it", "then run --retry-failed=<this result file>");
		assertThat(results.get("Shelf 2").get("status")).isEqualTo("SCHEDULED");
	}

	@Test
	void aMovedRowIsCreatedAtItsNewTimeOnceItsPinIsDeletedInZernioAsItsMessageSays() throws Exception {
		// given: the first shelf's row refused as pin_moved, and its post then deleted in Zernio
		String deleted = shelf1MovedInTheSheetAndRefused();
		assertThat(inZernio("DELETE", "/v1/posts/" + deleted, null)).isEqualTo(200);

		// when
		CommandLineRun retried = run("--retry-failed=" + dir.resolve("pins.results.csv"));

		// then: nothing stands in the way of the pin at its new time, and the other shelf is left alone
		assertThat(retried.exitCode()).as(retried.toString()).isZero();
		Map<String, Map<String, String>> results = byTitle(ResultRows.read(dir.resolve("pins.results.retry.csv")));
		assertThat(results.get("Shelf 1").get("status")).isEqualTo("SCHEDULED");
		assertThat(results.get("Shelf 1").get("post_id")).isNotEqualTo(deleted);
		assertThat(results.get("Shelf 1").get("publish_at_utc")).isEqualTo("2030-03-08T09:00:00Z");
		assertThat(results.get("Shelf 2").get("status")).isEqualTo("SCHEDULED");
		assertThat(sandbox.posts()).hasSize(2).extracting(SandboxPost::id).doesNotContain(deleted);
	}

	@Test
	void aMovedRowIsItsPinOnceThePinIsMovedInZernioAsItsMessageSays() throws Exception {
		// given: the first shelf's row refused as pin_moved, and its post then moved in Zernio to the row's time
		String moved = shelf1MovedInTheSheetAndRefused();
		Path input = dir.resolve("pins.csv");
		assertThat(inZernio("PUT", "/v1/posts/" + moved, "{\"scheduledFor\":\"2030-03-08T09:00:00Z\"}"))
			.isEqualTo(200);
		int createsBefore = creates().size();

		// when: retried, and tomorrow the sheet runs with a row added
		CommandLineRun retried = run("--retry-failed=" + dir.resolve("pins.results.csv"));
		Map<String, String> retriedRow = byTitle(ResultRows.read(dir.resolve("pins.results.retry.csv"))).get("Shelf 1");
		Files.writeString(input, "Shelf 3,Open shelf idea 3,https://images.example.com/shelf/3.jpg,Kitchen Ideas,"
				+ "acme-home,2030-03-03 09:00\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		CommandLineRun tomorrow = run("--input=" + input);

		// then: the row is that post, at its new time; nothing but the new row is created
		assertThat(retried.exitCode()).as(retried.toString()).isZero();
		assertThat(tomorrow.exitCode()).as(tomorrow.toString()).isZero();
		assertThat(creates()).hasSize(createsBefore + 1);
		Map<String, String> tomorrowsRow = byTitle(ResultRows.read(dir.resolve("pins.results.csv"))).get("Shelf 1");
		for (Map<String, String> row : List.of(retriedRow, tomorrowsRow)) {
			assertThat(row.get("status")).isEqualTo("SCHEDULED");
			assertThat(row.get("post_id")).isEqualTo(moved);
			assertThat(row.get("publish_at_utc")).isEqualTo("2030-03-08T09:00:00Z");
		}
		assertThat(sandbox.posts()).hasSize(3);
	}

	@Test
	void aPinSentBeforePinbatchKeptContentsIsNamedWhenZernioRefusesItsMovedRowAsTheSameContent() throws Exception {
		// given: last night's two shelves, sent by a version that did not keep their contents
		Path input = lastNightsTwoScheduledShelves();
		String scheduled = byTitle(ResultRows.read(dir.resolve("pins.results.csv"))).get("Shelf 1").get("post_id");
		try (Connection connection = repository(); Statement statement = connection.createStatement()) {
			statement.executeUpdate("UPDATE PINBATCH_ROW_RESULT SET PIN_CONTENT_KEY = NULL");
		}
		Files.writeString(input, Files.readString(input).replace("2030-03-01 09:00", "2030-03-08 09:00"),
				StandardCharsets.UTF_8);

		// when
		CommandLineRun tonight = run("--input=" + input);

		// then: sent, and Zernio, within its 24 hours, refuses the same content: the row names the post and the run
		// and row that made it, not "something other than this row"
		assertThat(tonight.exitCode()).as(tonight.toString()).isEqualTo(3);
		assertThat(sandbox.posts()).hasSize(2);
		Map<String, String> moved = byTitle(ResultRows.read(dir.resolve("pins.results.csv"))).get("Shelf 1");
		assertThat(moved.get("status")).isEqualTo("FAILED");
		assertThat(moved.get("error_code")).isEqualTo("duplicate_content");
		assertThat(moved.get("error_message"))
			.contains("post " + scheduled + "; the run of pins.csv on ",
					" created it from its row 2, to publish at 2030-03-01T09:00:00Z",
					"reschedule or delete post " + scheduled + " in Zernio")
			.doesNotContain("something other");
	}

	/**
	 * A scheduled row whose title was changed in the sheet: Zernio does not compare titles, so it refuses the row as
	 * the same content and names the earlier post. Before: that post was taken for the row (SCHEDULED, exit 0), and
	 * the new title never went out.
	 */
	@Test
	void aScheduledRowWhoseTitleChangedIsNotTakenForThePostWithTheOldTitle() throws Exception {
		Path input = lastNightsTwoScheduledShelves();
		String scheduled = byTitle(ResultRows.read(dir.resolve("pins.results.csv"))).get("Shelf 1").get("post_id");
		Files.writeString(input, Files.readString(input).replace("Shelf 1,", "Shelf 1 revised,"),
				StandardCharsets.UTF_8);

		CommandLineRun tonight = run("--input=" + input);

		assertThat(tonight.exitCode()).as(tonight.toString()).isEqualTo(3);
		Map<String, String> revised = byTitle(ResultRows.read(dir.resolve("pins.results.csv"))).get("Shelf 1 revised");
		assertThat(revised.get("status")).isEqualTo("FAILED");
		assertThat(revised.get("error_code")).isEqualTo("duplicate_content");
		assertThat(revised.get("error_message")).contains("post " + scheduled);
	}

	/** @param contentsKept whether the pins were sent by this version, which keeps their contents without time */
	@ParameterizedTest(name = "contents kept: {0}")
	@ValueSource(booleans = { true, false })
	void theSheetRunAgainInAnotherZoneIsThePinsItMadeWhenItsDatesCarryTheirOffset(boolean contentsKept)
			throws Exception {
		// given: last night's run scheduled two shelves at times written with their offset
		Path input = Files.writeString(dir.resolve("pins.csv"), """
				title,description,media_url,board,account,publish_at
				Shelf 1,Open shelf 1,https://images.example.com/shelf/1.jpg,Kitchen Ideas,acme-home,2030-03-01T09:00Z
				Shelf 2,Open shelf 2,https://images.example.com/shelf/2.jpg,Kitchen Ideas,acme-home,2030-03-02T09:00Z
				""", StandardCharsets.UTF_8);
		CommandLineRun lastNight = run("--input=" + input);
		assertThat(lastNight.exitCode()).as(lastNight.toString()).isZero();
		Map<String, Map<String, String>> scheduled = byTitle(ResultRows.read(dir.resolve("pins.results.csv")));
		if (!contentsKept) {
			try (Connection connection = repository(); Statement statement = connection.createStatement()) {
				statement.executeUpdate("UPDATE PINBATCH_ROW_RESULT SET PIN_CONTENT_KEY = NULL");
			}
			// nor the result file beside the sheet, which says where its pins are (a run looks for them there)
			Files.delete(dir.resolve("pins.results.csv"));
		}
		int createsBefore = creates().size();

		// when: the same sheet, now with a zone for dates written without one (it has none)
		CommandLineRun tonight = run("--input=" + input, "--timezone=Europe/Berlin");

		// then: a new run (its options changed), whose pins Zernio already has at the very times the rows give: they
		// are those pins, not content that something else made; without their contents kept, Zernio's refusal of the
		// same content and where it holds the post tell so
		assertThat(tonight.exitCode()).as(tonight.toString()).isZero();
		assertThat(creates()).hasSize(createsBefore + (contentsKept ? 0 : 2));
		assertTheRowsAreTheSamePins(scheduled, "SCHEDULED");
	}

	@Test
	void theSameSheetRunAgainWithATimezoneThatMovesItsTimesSaysSoInItsResultFileBesideTheEarlierOne()
			throws IOException {
		// given: last night's two shelves scheduled at local times read as UTC, their result file beside the sheet
		Path input = lastNightsTwoScheduledShelves();
		int createsBefore = creates().size();

		// when: the same sheet, now read in Berlin's time: its rows give other instants than the pins have
		CommandLineRun tonight = run("--input=" + input, "--timezone=Europe/Berlin");

		// then: nothing sent twice, and the result file (of the same rows, so merged with last night's) says which
		// posts to move rather than keeping last night's SCHEDULED lines, with the exit code of rows to act on
		assertThat(creates()).hasSize(createsBefore);
		assertThat(tonight.exitCode()).as(tonight.toString()).isEqualTo(3);
		assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).extracting(row -> row.get("error_code"))
			.containsExactly("pin_moved", "pin_moved");
	}

	@Test
	void rowsWithoutADatePublishedLastNightAreNotPublishedAgainWhenTonightsRunAddsATimezone() throws Exception {
		// given: last night's run published two shelves at once (no date), the zone left as UTC
		Path input = shelfPins(2);
		CommandLineRun lastNight = run("--input=" + input);
		assertThat(lastNight.exitCode()).as(lastNight.toString()).isZero();
		Map<String, Map<String, String>> published = byTitle(ResultRows.read(dir.resolve("pins.results.csv")));
		int createsBefore = creates().size();
		// and a day later, past the 24 hours in which Zernio refuses the same content, the cron line gains --timezone
		// (as the run's note on dates without a zone advises)
		clock.add(Duration.ofHours(25));

		// when
		CommandLineRun tonight = run("--input=" + input, "--timezone=Europe/Berlin");

		// then: a new run (its options changed), but the rows are the pins published last night, not sent again
		assertThat(tonight.exitCode()).as(tonight.toString()).isZero();
		assertThat(creates()).hasSize(createsBefore);
		assertTheRowsAreTheSamePins(published, "PUBLISHED");
	}

	/** Shelves 1 and 2 are, in the result file, the two posts Zernio holds, which {@code earlier} named. */
	private void assertTheRowsAreTheSamePins(Map<String, Map<String, String>> earlier, String status) {
		assertThat(sandbox.posts()).hasSize(2);
		Map<String, Map<String, String>> results = byTitle(ResultRows.read(dir.resolve("pins.results.csv")));
		for (String title : List.of("Shelf 1", "Shelf 2")) {
			assertThat(results.get(title).get("status")).as(title).isEqualTo(status);
			assertThat(results.get(title).get("post_id")).as(title).isEqualTo(earlier.get(title).get("post_id"));
		}
	}

	@Test
	void rowsWithoutADateThatAnEarlierVersionPublishedAreKnownToTheNextRunOfTheGrowingSheet() throws Exception {
		// given: two shelves published at once by a version whose identity of a row without a date had the zone in it
		Path input = shelfPins(2);
		CommandLineRun lastNight = run("--input=" + input, "--timezone=Europe/Berlin");
		assertThat(lastNight.exitCode()).as(lastNight.toString()).isZero();
		storeIdentitiesAsEarlierVersionsTookThem(input, ZoneId.of("Europe/Berlin"));
		int createsBefore = creates().size();
		clock.add(Duration.ofHours(25));

		// when: the sheet comes back with a third shelf, run with the same options
		shelfPins(3);
		CommandLineRun tonight = run("--input=" + input, "--timezone=Europe/Berlin");

		// then: only the new shelf is created
		assertThat(tonight.exitCode()).as(tonight.toString()).isZero();
		assertThat(creates()).hasSize(createsBefore + 1);
		assertThat(statusByTitle(ResultRows.read(dir.resolve("pins.results.csv")))).isEqualTo(Map.of("Shelf 1",
				"PUBLISHED", "Shelf 2", "PUBLISHED", "Shelf 3", "PUBLISHED"));
	}

	/**
	 * Rewrites the stored identities of the input's rows as versions before rows without a date dropped the zone took
	 * them.
	 */
	private void storeIdentitiesAsEarlierVersionsTookThem(Path input, ZoneId zone) throws Exception {
		PinIdentity identities = new PinIdentity(new ValidationSettings(zone, null, null, null, input.getParent(),
				null), "NOW");
		int changed = 0;
		try (Connection connection = repository(); Statement statement = connection.createStatement()) {
			for (Map<String, String> row : ResultRows.read(dir.resolve("pins.results.csv"))) {
				List<String> headers = List.of("title", "description", "media_url", "board", "account");
				PinDraft draft = ColumnMapping.defaults().bind(headers).draft(new InputRow(2, headers,
						headers.stream().map(row::get).toList()));
				changed += statement.executeUpdate("UPDATE PINBATCH_ROW_RESULT SET PIN_KEY = '"
						+ identities.formerly(draft) + "' WHERE PIN_KEY = '" + identities.of(draft) + "'");
			}
		}
		assertThat(changed).isPositive();
	}

	@Test
	void scheduledPinsOfAnEarlierRunThatCameDueAreFollowedOnceByTheNextRunOfTheSheet() throws Exception {
		// given: last night's run scheduled two shelves
		Path input = lastNightsTwoScheduledShelves();
		Map<String, Map<String, String>> scheduled = byTitle(ResultRows.read(dir.resolve("pins.results.csv")));
		assertThat(scheduled.values()).extracting(row -> row.get("status")).containsOnly("SCHEDULED");
		// and their time has come: Zernio published them, and the job repository holds them as due
		clock.add(Duration.ofDays(5 * 366));
		bringScheduledPinsDue();

		// when: the sheet comes back with a row added, then again with another
		Files.writeString(input, Files.readString(input) + "Shelf 3,Open shelf idea 3,"
				+ "https://images.example.com/shelf/3.jpg,Kitchen Ideas,acme-home,\n", StandardCharsets.UTF_8);
		CommandLineRun tonight = run("--input=" + input);
		Map<String, Map<String, String>> followed = byTitle(ResultRows.read(dir.resolve("pins.results.csv")));
		int requestsBefore = sandbox.requests().size();
		Files.writeString(input, Files.readString(input).replace("title,", "notes,title,").replace("\nShelf",
				"\nseen,Shelf"), StandardCharsets.UTF_8);
		CommandLineRun tomorrow = run("--input=" + input);

		// then: tonight asked Zernio about them and reports them live, with their pins, not SCHEDULED
		assertThat(tonight.exitCode()).as(tonight.toString()).isZero();
		for (String title : List.of("Shelf 1", "Shelf 2")) {
			assertThat(followed.get(title).get("status")).as(title).isEqualTo("PUBLISHED");
			assertThat(followed.get(title).get("post_id")).as(title).isEqualTo(scheduled.get(title).get("post_id"));
			assertThat(followed.get(title).get("pin_url")).as(title).isNotEmpty();
			assertThat(followed.get(title).get("attempts")).as(title).isEqualTo("0");
		}
		// and the next night, the sheet saved again with a column of notes, knows it without asking Zernio again
		assertThat(tomorrow.exitCode()).as(tomorrow.toString()).isZero();
		Map<String, Map<String, String>> known = byTitle(ResultRows.read(dir.resolve("pins.results.csv")));
		for (String title : List.of("Shelf 1", "Shelf 2")) {
			assertThat(known.get(title).get("notes")).as(title).isEqualTo("seen");
			assertThat(known.get(title).get("status")).as(title).isEqualTo("PUBLISHED");
			assertThat(known.get(title).get("pin_url")).as(title).isEqualTo(followed.get(title).get("pin_url"));
		}
		assertThat(sandbox.requests().subList(requestsBefore, sandbox.requests().size()))
			.noneMatch(request -> request.method().equals("GET") && request.path().contains("/v1/posts"));
		assertThat(sandbox.posts()).hasSize(3);
	}

	@Test
	void aSheetProcessedBeforeHasItsPinsThatCameDueFollowedWhenItsCommandRunsAgain() throws Exception {
		// given: last night's run scheduled two shelves, and their time has come (the sheet stays in the folder the
		// nightly command reads, unchanged)
		Path input = lastNightsTwoScheduledShelves();
		Map<String, Map<String, String>> scheduled = byTitle(ResultRows.read(dir.resolve("pins.results.csv")));
		clock.add(Duration.ofDays(5 * 366));
		bringScheduledPinsDue();
		int createsBefore = creates().size();

		// when: the same command tonight, and tomorrow
		CommandLineRun tonight = run("--input=" + input);
		int requestsBeforeTomorrow = sandbox.requests().size();
		CommandLineRun tomorrow = run("--input=" + input);

		// then: tonight sends nothing, asks Zernio about the due pins and reports them live with their pins (before:
		// SCHEDULED for ever, unless someone followed up each earlier result file)
		assertThat(tonight.exitCode()).as(tonight.toString()).isZero();
		assertThat(tonight.out()).contains("was already processed to the end",
				"following up " + dir.resolve("pins.results.csv") + ": 2 rows to ask Zernio about");
		assertThat(creates()).hasSize(createsBefore);
		Map<String, Map<String, String>> followed = byTitle(ResultRows.read(dir.resolve("pins.results.csv")));
		for (String title : List.of("Shelf 1", "Shelf 2")) {
			assertThat(followed.get(title).get("status")).as(title).isEqualTo("PUBLISHED");
			assertThat(followed.get(title).get("post_id")).as(title).isEqualTo(scheduled.get(title).get("post_id"));
			assertThat(followed.get(title).get("pin_url")).as(title).isNotEmpty();
		}
		// and tomorrow knows it without asking again
		assertThat(tomorrow.exitCode()).as(tomorrow.toString()).isZero();
		assertThat(tomorrow.out()).doesNotContain("following up");
		assertThat(byTitle(ResultRows.read(dir.resolve("pins.results.csv")))).isEqualTo(followed);
		assertThat(sandbox.requests().subList(requestsBeforeTomorrow, sandbox.requests().size()))
			.noneMatch(request -> request.method().equals("GET") && request.path().contains("/v1/posts"));
	}

	@Test
	void aSheetProcessedBeforeWhoseDuePinsZernioCannotTellStopsSayingSoAndTheSameCommandLearnsThemLater()
			throws Exception {
		// given: last night's two scheduled shelves came due, and tonight Zernio fails every look-up of a post
		Path input = lastNightsTwoScheduledShelves();
		clock.add(Duration.ofDays(5 * 366));
		bringScheduledPinsDue();
		sandbox.failLookUps(1);

		// when
		CommandLineRun tonight = run("--input=" + input, "--pinbatch.throttle.initial-backoff=1ms",
				"--pinbatch.throttle.max-backoff=1ms");

		// then: stopped (exit 1) with Zernio's answer, the rows as they stood
		assertThat(tonight.exitCode()).as(tonight.toString()).isEqualTo(1);
		assertThat(tonight.err()).containsOnlyOnce("GET /v1/posts")
			.contains("run the same command again once Zernio answers");
		assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).extracting(row -> row.get("status"))
			.containsOnly("SCHEDULED");

		// and once Zernio answers, the same command learns them
		sandbox.failLookUps(0);
		CommandLineRun later = run("--input=" + input);
		assertThat(later.exitCode()).as(later.toString()).isZero();
		assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).extracting(row -> row.get("status"))
			.containsOnly("PUBLISHED");
	}

	@Test
	void aFollowUpLearnsEveryDuePinOfAnEarlierRunWithinItsRequests() throws Exception {
		// given: yesterday's run scheduled two shelves (Zernio made their posts yesterday)
		clock.add(Duration.ofDays(-1));
		Path input = lastNightsTwoScheduledShelves();
		try (Connection connection = repository(); Statement statement = connection.createStatement()) {
			statement.executeUpdate("UPDATE PINBATCH_ROW_RESULT SET SENT_AT_MS = SENT_AT_MS - 86400000,"
					+ " FINISHED_AT_MS = FINISHED_AT_MS - 86400000");
		}
		// and their time has come; tonight the sheet came back with a row added, and the run, writing tonight's
		// result file, did not wait for them
		clock.add(Duration.ofDays(5 * 366 + 1));
		bringScheduledPinsDue();
		Files.writeString(input, Files.readString(input) + "Shelf 3,Open shelf idea 3,"
				+ "https://images.example.com/shelf/3.jpg,Kitchen Ideas,acme-home,\n", StandardCharsets.UTF_8);
		Path results = dir.resolve("tonight.results.csv");
		CommandLineRun tonight = run("--input=" + input, "--results=" + results, "--pinbatch.follow.max-wait=0s");
		assertThat(byTitle(ResultRows.read(results)).get("Shelf 1")).as(tonight.toString())
			.containsEntry("status", "DUPLICATE");
		int requestsBefore = sandbox.requests().size();

		// when
		CommandLineRun followUp = run("--follow-up=" + results);

		// then: one follow-up learns both, within one request per row (a listing from when their posts were made)
		Map<String, Map<String, String>> learnt = byTitle(ResultRows.read(results));
		for (String title : List.of("Shelf 1", "Shelf 2")) {
			assertThat(learnt.get(title).get("status")).as(title + "\n" + followUp).isEqualTo("PUBLISHED");
			assertThat(learnt.get(title).get("pin_url")).as(title).isNotEmpty();
		}
		assertThat(sandbox.requests().subList(requestsBefore, sandbox.requests().size())).hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void theCountsByAccountSayWhatTheResultFileSaysWhenItsEarlierLinesKnowMore() throws Exception {
		// given: last night's two shelves, due now; the result file still says SCHEDULED, as last night wrote it
		Path input = lastNightsTwoScheduledShelves();
		clock.add(Duration.ofDays(5 * 366));
		bringScheduledPinsDue();
		Files.writeString(input, Files.readString(input) + "Shelf 3,Open shelf idea 3,"
				+ "https://images.example.com/shelf/3.jpg,Kitchen Ideas,acme-home,\n", StandardCharsets.UTF_8);

		// when: tonight's run does not wait to learn what became of them
		CommandLineRun tonight = run("--input=" + input, "--pinbatch.follow.max-wait=0s");

		// then: the file keeps the lines that know more, and the account's counts are the file's
		assertThat(byTitle(ResultRows.read(dir.resolve("pins.results.csv"))).get("Shelf 1"))
			.containsEntry("status", "SCHEDULED");
		assertThat(tonight.out()).as(tonight.toString()).contains("3 rows: 1 PUBLISHED, 2 SCHEDULED")
			.contains("acme-home: 1 published, 0 failed (1 PUBLISHED, 2 SCHEDULED)");
	}

	@Test
	void theSheetsNewRowsAreSpreadAroundThePinsEarlierRunsPutOnTheSameAccount() throws IOException {
		// given: this morning's run of 30 undated pins for one account, spread over its 25-a-day cap
		StringBuilder sheet = new StringBuilder("title,description,media_url,board,account\n");
		for (int i = 1; i <= 30; i++) {
			sheet.append("Spread ").append(i).append(",Idea ").append(i).append(",https://images.example.com/s/")
				.append(i).append(".jpg,Kitchen Ideas,acme-home\n");
		}
		Path input = Files.writeString(dir.resolve("pins.csv"), sheet, StandardCharsets.UTF_8);
		CommandLineRun morning = run("--input=" + input, "--spread");
		assertThat(morning.exitCode()).as(morning.toString()).isZero();
		// and in the afternoon the sheet has ten more
		for (int i = 1; i <= 10; i++) {
			sheet.append("New ").append(i).append(",Fresh idea ").append(i).append(",https://images.example.com/n/")
				.append(i).append(".jpg,Kitchen Ideas,acme-home\n");
		}
		Files.writeString(input, sheet, StandardCharsets.UTF_8);

		// when
		CommandLineRun afternoon = run("--input=" + input, "--spread");

		// then: the new pins take free slots around the 30 already on the account, not a cap they would pass
		assertThat(afternoon.exitCode()).as(afternoon.toString()).isZero();
		assertThat(afternoon.out()).contains("plan: acme-home: 10 pins rescheduled");
		assertThat(ResultRows.read(dir.resolve("pins.results.csv")))
			.filteredOn(row -> row.get("title").startsWith("New "))
			.hasSize(10)
			.allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SCHEDULED"));
		assertThat(sandbox.posts()).hasSize(40);
	}

	@Test
	void theSandboxsPinsDoNotCountAsPinsOnZernio() throws IOException {
		// given: the sheet tried on the sandbox first
		Path input = shelfPins(2);
		CommandLineRun onTheSandbox = run("--input=" + input, "--sandbox");
		assertThat(onTheSandbox.exitCode()).as(onTheSandbox.toString()).isZero();

		// when: the same rows, checked for Zernio (into a result file of its own: the sandbox run's would keep the rows
		// that run published)
		Path checked = dir.resolve("checked.csv");
		CommandLineRun dryRun = run("--input=" + input, "--dry-run", "--results=" + checked);

		// then
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(ResultRows.read(checked)).as(dryRun.toString())
			.extracting(row -> row.get("status"))
			.containsOnly("VALID");
	}

	/** Last night's run of a sheet that schedules two shelves for March 2030; answers the sheet. */
	private Path lastNightsTwoScheduledShelves() throws IOException {
		Path input = Files.writeString(dir.resolve("pins.csv"), """
				title,description,media_url,board,account,publish_at
				Shelf 1,Open shelf idea 1,https://images.example.com/shelf/1.jpg,Kitchen Ideas,acme-home,2030-03-01 09:00
				Shelf 2,Open shelf idea 2,https://images.example.com/shelf/2.jpg,Kitchen Ideas,acme-home,2030-03-02 09:00
				""", StandardCharsets.UTF_8);
		CommandLineRun lastNight = run("--input=" + input);
		assertThat(lastNight.exitCode()).as(lastNight.toString()).isZero();
		return input;
	}

	/**
	 * Last night's two shelves, two days ago; today the first was moved a week later in the sheet, and tonight's run
	 * failed its row as pin_moved, naming the post to move or delete in Zernio. Returns that post's id.
	 */
	private String shelf1MovedInTheSheetAndRefused() throws IOException {
		Path input = lastNightsTwoScheduledShelves();
		String postId = byTitle(ResultRows.read(dir.resolve("pins.results.csv"))).get("Shelf 1").get("post_id");
		clock.add(Duration.ofDays(2));
		Files.writeString(input, Files.readString(input).replace("2030-03-01 09:00", "2030-03-08 09:00"),
				StandardCharsets.UTF_8);
		CommandLineRun refused = run("--input=" + input);
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
		assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).extracting(row -> row.get("error_code"))
			.contains("pin_moved");
		return postId;
	}

	private static Map<String, String> statusByTitle(List<Map<String, String>> results) {
		return results.stream().collect(Collectors.toMap(row -> row.get("title"), row -> row.get("status")));
	}

	private static Map<String, Map<String, String>> byTitle(List<Map<String, String>> results) {
		return results.stream().collect(Collectors.toMap(row -> row.get("title"), Function.identity()));
	}
}

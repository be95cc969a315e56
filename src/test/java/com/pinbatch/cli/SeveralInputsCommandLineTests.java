package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several inputs in one run (a folder, or --input given more than once): a job instance per file, run side by side
 * sharing the pace and the per-account caps, a result file per input and one summary; inputs already processed are
 * not sent again when a later run names them with new ones.
 */
class SeveralInputsCommandLineTests extends SandboxedCommandLine {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aFolderIsOneRunWithAResultFilePerInputAndOneSummary() throws IOException {
		// given: two spreadsheets, and what else lies in an inbox: last night's result file, an Excel lock file, notes
		Path inbox = Files.createDirectories(dir.resolve("inbox"));
		pins(inbox.resolve("garden.csv"), "Garden", "acme-garden", "Garden Projects", 4);
		pins(inbox.resolve("kitchen.csv"), "Kitchen", "acme-home", "Kitchen Ideas", 6);
		Files.writeString(inbox.resolve("old.results.csv"), "title,status\nx,CREATED\n");
		Files.writeString(inbox.resolve("~$kitchen.xlsx"), "lock");
		Files.writeString(inbox.resolve("notes.txt"), "send these tonight");

		// when
		CommandLineRun run = run("--input=" + inbox, "--summary=" + dir.resolve("summary.json"));

		// then: (before: "starting: 1 input (inbox)", a folder of two taken for one)
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).startsWith("pinbatch: starting: 1 folder (inbox/)...\n");
		assertThat(statuses(inbox.resolve("garden.results.csv"))).hasSize(4).containsOnly("PUBLISHED");
		assertThat(statuses(inbox.resolve("kitchen.results.csv"))).hasSize(6).containsOnly("PUBLISHED");
		assertThat(fileNames(inbox)).containsExactlyInAnyOrder("garden.csv", "garden.results.csv", "kitchen.csv",
				"kitchen.results.csv", "old.results.csv", "~$kitchen.xlsx", "notes.txt");
		assertThat(creates()).hasSize(10);
		assertThat(sandbox.posts()).extracting(post -> post.metadata().get("pinbatchRun") + "/"
				+ post.metadata().get("pinbatchRow")).doesNotHaveDuplicates().hasSize(10);
		assertThat(run.out()).contains("pinbatch: 2 inputs, 10 rows: 10 PUBLISHED");
		JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
		assertThat(summary.get("exitCode").asInt()).isZero();
		assertThat(summary.get("inputs")).extracting(input -> input.get("input").asString())
			.containsExactly(inbox.resolve("garden.csv").toAbsolutePath().toString(),
					inbox.resolve("kitchen.csv").toAbsolutePath().toString());
		assertThat(summary.get("inputs")).extracting(input -> input.get("jobInstanceId").asLong())
			.as("a job instance per input").doesNotHaveDuplicates().hasSize(2);
	}

	/** Before: every input had the command's start and end, to the nanosecond. */
	@Test
	void eachInputOfTheSummaryHasItsOwnJobsTimes() throws IOException {
		Path inbox = Files.createDirectories(dir.resolve("inbox"));
		pins(inbox.resolve("garden.csv"), "Garden", "acme-garden", "Garden Projects", 2);
		pins(inbox.resolve("kitchen.csv"), "Kitchen", "acme-home", "Kitchen Ideas", 2);

		// when: one input after the other
		CommandLineRun run = run("--input=" + inbox, "--summary=" + dir.resolve("summary.json"),
				"--pinbatch.parallel-inputs=1");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		JsonNode inputs = JSON.readTree(dir.resolve("summary.json").toFile()).get("inputs");
		List<Instant> starts = new ArrayList<>();
		List<Instant> ends = new ArrayList<>();
		inputs.forEach(input -> {
			starts.add(Instant.parse(input.get("startTime").asString()));
			ends.add(Instant.parse(input.get("endTime").asString()));
		});
		assertThat(starts).hasSize(2);
		Instant firstEnd = ends.get(0).isBefore(ends.get(1)) ? ends.get(0) : ends.get(1);
		Instant laterStart = starts.get(0).isAfter(starts.get(1)) ? starts.get(0) : starts.get(1);
		assertThat(laterStart).as("the second input's job starts once the first's has ended")
			.isAfterOrEqualTo(firstEnd);
	}

	/** Before: both wrote pins.results.csv, the second over the first, and the first file's rows had no line. */
	@Test
	void twoInputsOfOneNameAndAnotherExtensionEachWriteTheirOwnResultFile() throws IOException {
		// given: a nightly folder with an Excel export and a tab-separated one of the same name
		Path inbox = Files.createDirectories(dir.resolve("inbox"));
		pins(inbox.resolve("pins.csv"), "Garden", "acme-garden", "Garden Projects", 3);
		Files.writeString(inbox.resolve("pins.tsv"), Files.readString(pins(dir.resolve("other.csv"), "Kitchen",
				"acme-home", "Kitchen Ideas", 2)).replace(',', '\t'));

		// when
		CommandLineRun run = run("--input=" + inbox);

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(statuses(inbox.resolve("pins.results.csv"))).hasSize(3).containsOnly("PUBLISHED");
		assertThat(statuses(inbox.resolve("pins.tsv.results.csv"))).hasSize(2).containsOnly("PUBLISHED");
		assertThat(run.out()).contains("input: pins.tsv writes pins.tsv.results.csv: pins.results.csv is another"
				+ " input's");
		assertThat(creates()).hasSize(5);

		// and the next night finds the same files: nothing sent again, the same result files
		CommandLineRun again = run("--input=" + inbox);
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(creates()).hasSize(5);
		assertThat(statuses(inbox.resolve("pins.tsv.results.csv"))).hasSize(2).containsOnly("PUBLISHED");
	}

	@Test
	void aFileAddedToTheFolderIsTheOnlyOneSentByTheNextRun() throws IOException {
		// given: last night's run processed two files
		Path inbox = Files.createDirectories(dir.resolve("inbox"));
		pins(inbox.resolve("garden.csv"), "Garden", "acme-garden", "Garden Projects", 4);
		pins(inbox.resolve("kitchen.csv"), "Kitchen", "acme-home", "Kitchen Ideas", 6);
		assertThat(run("--input=" + inbox).exitCode()).isZero();
		pins(inbox.resolve("recipes.csv"), "Recipes", "acme-recipes", "Quick Breakfasts", 3);

		// when
		CommandLineRun run = run("--input=" + inbox);

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(creates()).as("10 last night, then only the new file's 3").hasSize(13);
		assertThat(creates().subList(10, 13)).allMatch(create -> create.body().contains("Recipes pin"));
		assertThat(run.out()).contains("garden.csv was already processed to the end")
			.contains("kitchen.csv was already processed to the end")
			.contains("processing " + inbox.resolve("recipes.csv"));
		assertThat(statuses(inbox.resolve("garden.results.csv"))).hasSize(4).containsOnly("PUBLISHED");
		assertThat(statuses(inbox.resolve("recipes.results.csv"))).hasSize(3).containsOnly("PUBLISHED");
	}

	@Test
	void anAccountsCapsHoldAcrossTheInputsOfARun() throws IOException {
		// given: 20 + 10 pins to publish now for one account, whose cap is 25 an hour
		Path spring = pins(dir.resolve("spring.csv"), "Spring", "acme-home", "Kitchen Ideas", 20);
		Path summer = pins(dir.resolve("summer.csv"), "Summer", "acme-home", "Kitchen Ideas", 10);

		// when
		CommandLineRun run = run("--input=" + spring, "--input=" + summer);

		// then: 25 sent between the two files, the other 5 failed before sending, whichever file they were in
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(creates()).hasSize(25);
		List<String> statuses = Stream.concat(statuses(dir.resolve("spring.results.csv")).stream(),
				statuses(dir.resolve("summer.results.csv")).stream()).toList();
		assertThat(statuses).hasSize(30);
		assertThat(statuses.stream().collect(Collectors.groupingBy(status -> status, Collectors.counting())))
			.containsExactlyInAnyOrderEntriesOf(Map.of("PUBLISHED", 25L, "FAILED", 5L));
		assertThat(run.out()).contains("pinbatch: 2 inputs, 30 rows: 25 PUBLISHED, 5 FAILED");
	}

	@Test
	void anInputWhoseLeaseIsLostStopsAloneAndTheOthersFinish() throws Exception {
		// given: two inputs sent one pin at a time; as the first create reaches Zernio, another host takes over
		// garden's lease (as after this process stalled past it), and that create is answered once garden's job
		// has been told to stop
		Path garden = pins(dir.resolve("garden.csv"), "Garden", "acme-garden", "Garden Projects", 20);
		Path kitchen = pins(dir.resolve("kitchen.csv"), "Kitchen", "acme-home", "Kitchen Ideas", 5);
		JdbcTemplate repository = repository();
		AtomicBoolean stolen = new AtomicBoolean();
		AtomicReference<String> stoppedStatus = new AtomicReference<>();
		sandbox.onRequestArrived(request -> {
			if (request.equals("POST /api/v1/posts") && stolen.compareAndSet(false, true)) {
				String gardenRun = runKeyOf(repository, garden);
				repository.update("UPDATE PINBATCH_RUN_LOCK SET LOCKED_BY = 'another-host pid 1' WHERE NAME = ?",
						gardenRun);
				stoppedStatus.set(awaitStopping(repository, gardenRun));
			}
		});

		// when
		CommandLineRun run = run("--input=" + garden, "--input=" + kitchen, "--pinbatch.concurrency=1",
				"--pinbatch.lease.ttl=3s");

		// then: garden stopped with the reason, its rows not reached PENDING; kitchen went on to the end
		assertThat(stoppedStatus.get()).as("garden's job was told to stop").isNotNull();
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.err()).contains(garden + ": stopped: this process lost its lease on the input");
		assertThat(statuses(dir.resolve("kitchen.results.csv"))).as(run.toString())
			.hasSize(5)
			.containsOnly("PUBLISHED");
		List<String> gardenStatuses = statuses(dir.resolve("garden.results.csv"));
		assertThat(gardenStatuses).hasSize(20);
		assertThat(gardenStatuses.stream().filter(status -> status.equals("PENDING")).count()).as(run.toString())
			.isGreaterThan(15);

		// when: the other host is gone, and the same command is run again
		repository.update("DELETE FROM PINBATCH_RUN_LOCK");
		CommandLineRun again = run("--input=" + garden, "--input=" + kitchen, "--pinbatch.lease.ttl=3s");

		// then: garden is finished, nothing was created twice
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(statuses(dir.resolve("garden.results.csv"))).hasSize(20).containsOnly("PUBLISHED");
		assertThat(sandbox.posts()).extracting(post -> post.metadata().get("pinbatchRun") + "/"
				+ post.metadata().get("pinbatchRow")).doesNotHaveDuplicates().hasSize(25);
		repository.execute("SHUTDOWN");
	}

	@Test
	void oneResultFileForSeveralInputsIsRefusedBeforeAnythingIsSent() throws IOException {
		// given
		Path inbox = Files.createDirectories(dir.resolve("inbox"));
		pins(inbox.resolve("garden.csv"), "Garden", "acme-garden", "Garden Projects", 2);
		pins(inbox.resolve("kitchen.csv"), "Kitchen", "acme-home", "Kitchen Ideas", 2);

		// when
		CommandLineRun run = run("--input=" + inbox, "--results=" + dir.resolve("all.csv"));

		// then
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--results names one file but there are 2 inputs");
		assertThat(creates()).isEmpty();
	}

	@Test
	void aNightlyFolderWithNothingNewIsAQuietNightNotAFailure() throws IOException {
		// given: the inbox of a nightly run whose processed files were moved away, their result files left
		Path inbox = Files.createDirectories(dir.resolve("inbox"));
		Files.writeString(inbox.resolve("monday.results.csv"), "title,status\n");
		Files.writeString(inbox.resolve(".DS_Store"), "");
		Path summary = dir.resolve("nightly.json");

		// when
		CommandLineRun run = run("--input=" + inbox, "--summary=" + summary);

		// then: exit 0 for the monitor, one line saying why nothing was done
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("input: the folder " + inbox + " holds no input: nothing to do there")
			.contains("pinbatch: nothing to do: no input to process");
		assertThat(run.err()).isEmpty();
		assertThat(Files.readString(summary)).contains("\"exitCode\" : 0").contains("nothing to do");
		assertThat(creates()).isEmpty();
	}

	@Test
	void aFolderHoldingOnlySpreadsheetsPinbatchCannotReadIsAUsageError() throws IOException {
		// given: a colleague's Excel 97-2003 workbook, which no night would ever send
		Path inbox = Files.createDirectories(dir.resolve("inbox"));
		Files.write(inbox.resolve("pins.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});

		// when
		CommandLineRun run = run("--input=" + inbox);

		// then
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.out()).contains("pins.xls (an Excel 97-2003 workbook");
		assertThat(run.err().strip()).startsWith("pinbatch: the folder " + inbox + " holds no input")
			.doesNotContain("\n");
		assertThat(creates()).isEmpty();
	}

	@Test
	void aFolderGivenToRetryFailedIsStillAUsageError() throws IOException {
		// given: last night's result files, in a folder
		Path results = Files.createDirectories(dir.resolve("results"));
		Files.writeString(results.resolve("monday.results.csv"), "title,status\n");

		// when
		CommandLineRun run = run("--retry-failed=" + results);

		// then: (for a moment: exit 0, "nothing to do", as if a nightly inbox were empty)
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(creates()).isEmpty();
	}

	@Test
	void anEmptyFolderBesideAFileLeavesTheFileToRun() throws IOException {
		// given
		Path inbox = Files.createDirectories(dir.resolve("inbox"));
		Path monday = pins(dir.resolve("monday.csv"), "Monday", "acme-home", "Kitchen Ideas", 2);

		// when
		CommandLineRun run = run("--input=" + inbox, "--input=" + monday);

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("holds no input: nothing to do there").doesNotContain("nothing to do: no input");
		assertThat(creates()).hasSize(2);
	}

	@Test
	void inputsSpreadForOneAccountAreSpreadAroundEachOthersPins() throws IOException {
		// given: two files of 20 undated pins each for one account, whose cap is 25 a day
		Path monday = pins(dir.resolve("monday.csv"), "Monday", "acme-home", "Kitchen Ideas", 20);
		Path tuesday = pins(dir.resolve("tuesday.csv"), "Tuesday", "acme-home", "Kitchen Ideas", 20);

		// when
		CommandLineRun run = run("--input=" + monday, "--input=" + tuesday, "--spread");

		// then: 25 go now and 15 take later slots, whichever file they are in; none fails at the cap
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("pinbatch: 2 inputs, 40 rows: 25 PUBLISHED, 15 SCHEDULED");
		assertThat(sandbox.posts()).hasSize(40);
	}

	private static Path pins(Path file, String title, String account, String board, int rows) throws IOException {
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account\n");
		for (int i = 1; i <= rows; i++) {
			csv.append(title).append(" pin ").append(i).append(',').append(title).append(" idea number ").append(i)
				.append(",https://images.example.com/").append(title).append('/').append(i).append(".jpg,")
				.append(board).append(',').append(account).append('\n');
		}
		return Files.writeString(file, csv, StandardCharsets.UTF_8);
	}

	/** The data folder's job repository, opened beside the run as pinbatch opens it. */
	private JdbcTemplate repository() throws IOException {
		Files.createDirectories(dir.resolve("data"));
		JDBCDataSource dataSource = new JDBCDataSource();
		dataSource.setUrl("jdbc:hsqldb:file:" + dir.resolve("data").resolve("jobrepo") + ";hsqldb.tx=mvcc;"
				+ "hsqldb.default_table_type=cached");
		dataSource.setUser("SA");
		dataSource.setPassword("");
		return new JdbcTemplate(dataSource);
	}

	private static String runKeyOf(JdbcTemplate repository, Path input) {
		return repository.queryForObject("""
				SELECT K.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS K JOIN BATCH_JOB_EXECUTION_PARAMS F
				  ON K.JOB_EXECUTION_ID = F.JOB_EXECUTION_ID
				WHERE K.PARAMETER_NAME = 'run.key' AND F.PARAMETER_NAME = 'input.file' AND F.PARAMETER_VALUE = ?""",
				String.class, input.toAbsolutePath().toString());
	}

	/** Waits (bounded) until the run's job execution is no longer running as before; its status then, or null. */
	private static String awaitStopping(JdbcTemplate repository, String runKey) {
		for (int tries = 0; tries < 400; tries++) {
			List<String> status = repository.queryForList("""
					SELECT E.STATUS FROM BATCH_JOB_EXECUTION E JOIN BATCH_JOB_EXECUTION_PARAMS K
					  ON E.JOB_EXECUTION_ID = K.JOB_EXECUTION_ID
					WHERE K.PARAMETER_NAME = 'run.key' AND K.PARAMETER_VALUE = ? AND E.STATUS <> 'STARTED'
					  AND E.STATUS <> 'STARTING'""", String.class, runKey);
			if (!status.isEmpty()) {
				return status.get(0);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
		return null;
	}

	private static List<String> statuses(Path results) {
		return ResultRows.read(results).stream().map(row -> row.get("status")).toList();
	}

	private static List<String> fileNames(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(file -> file.getFileName().toString()).toList();
		}
	}
}

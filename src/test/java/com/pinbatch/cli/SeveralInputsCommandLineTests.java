package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

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

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
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
	void aFolderWithoutSpreadsheetsIsAUsageError() throws IOException {
		// given
		Path empty = Files.createDirectories(dir.resolve("empty"));
		Files.writeString(empty.resolve("pins.results.csv"), "title,status\n");

		// when
		CommandLineRun run = run("--input=" + empty);

		// then
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err().strip()).startsWith("pinbatch: the folder " + empty + " holds no input").doesNotContain("\n");
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

	private static List<String> statuses(Path results) {
		return ResultRows.read(results).stream().map(row -> row.get("status")).toList();
	}

	private static List<String> fileNames(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(file -> file.getFileName().toString()).toList();
		}
	}
}

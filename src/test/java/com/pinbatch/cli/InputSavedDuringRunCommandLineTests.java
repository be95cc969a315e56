package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.pinbatch.sandbox.SandboxPost;

import org.junit.jupiter.api.Test;

/**
 * A spreadsheet saved again while its run is going (a colleague's edit in a shared folder, a sync client). The run is
 * named by the content it read and planned for those rows: it must not go on with other rows under that name, which
 * lost the rows it never reached and sent the new ones under the old run.
 */
class InputSavedDuringRunCommandLineTests extends SandboxedCommandLine {

	private static final String INSERTED = "Inserted Row";

	@Test
	void aFileSavedInPlaceBeforeTheFirstPinStopsTheRunWithNothingSent() throws IOException {
		// given: the file is rewritten in place, a row inserted at the top, while the run looks its boards up
		Path input = shelfPins(12);
		rewriteInPlaceAtTheFirstLookUp(input);

		// when
		CommandLineRun run = run("--input=" + input);

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.err()).contains(input + " changed while its run was using it: nothing more is sent from it");
		assertThat(creates()).as("creates").isEmpty();
		assertThat(input.resolveSibling("pins.results.csv")).as("a result file pairing other rows").doesNotExist();
		assertThat(run.out()).contains("results: none written");
	}

	@Test
	void aFileSavedAsANewFileMidRunSendsNoRowOfItAndTheRunFinishesOnceTheFileIsBack() throws IOException {
		// given: chunks of 4; once the third pin is created, the file is saved as a new file under its name (as
		// spreadsheet programs save), a row inserted at the top
		Path input = shelfPins(12);
		String planned = Files.readString(input);
		savedWithARowInsertedAtPin(3, input, planned);

		// when: the run, then the same command with the file put back as it was
		CommandLineRun stopped = run("--input=" + input, "--pinbatch.chunk-size=4");
		int createdBeforeStop = creates().size();
		sandbox.onPostCreated(post -> {
		});
		saveAsNewFile(input, planned);
		CommandLineRun resumed = run("--input=" + input, "--pinbatch.chunk-size=4");

		// then: the first run stopped at the chunk after the save, with no row of the new content sent
		assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
		assertThat(stopped.err()).contains("changed while its run was using it");
		assertThat(createdBeforeStop).as("creates before the stop").isBetween(3, 4);
		// and the run finished from where it stopped: every row of the file it read on Zernio once, as that row
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("resuming " + input);
		assertThat(sandbox.posts()).noneMatch(post -> post.requestBody().contains(INSERTED));
		Map<String, List<SandboxPost>> byRow = sandbox.posts().stream()
			.collect(Collectors.groupingBy(post -> post.metadata().get("pinbatchRow")));
		assertThat(byRow).hasSize(12).allSatisfy((row, posts) -> {
			assertThat(posts).as("posts of row " + row).hasSize(1);
			// the header is line 1: row N holds shelf N - 1
			assertThat(posts.get(0).requestBody()).contains("\"Shelf " + (Integer.parseInt(row) - 1) + "\"");
		});
		assertThat(ResultRows.read(input.resolveSibling("pins.results.csv"))).hasSize(12)
			.allSatisfy(line -> assertThat(line.get("status")).isIn("PUBLISHED", "CREATED"));
	}

	@Test
	void aFileSavedWhileItsChunkIsBeingSentSendsNoMoreOfThatChunk() throws IOException {
		// given: one chunk holds every row, sent one at a time; once the third pin is created, a colleague saves the
		// sheet (say, to correct a later row)
		Path input = shelfPins(12);
		String planned = Files.readString(input);
		savedWithARowInsertedAtPin(3, input, planned);

		// when
		CommandLineRun stopped = run("--input=" + input, "--pinbatch.concurrency=1");

		// then: nothing more of the file as it was read is sent (before: the chunk's nine other rows went out, the
		// correction coming only with the next run, as a second pin)
		assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
		assertThat(stopped.err()).contains("changed while its run was using it");
		assertThat(creates()).as("creates").hasSize(3);

		// and when the file is put back as it was, the same command sends the rest: each row once, none lost
		sandbox.onPostCreated(post -> {
		});
		saveAsNewFile(input, planned);
		CommandLineRun resumed = run("--input=" + input, "--pinbatch.concurrency=1");
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(sandbox.posts()).extracting(post -> post.metadata().get("pinbatchRow")).doesNotHaveDuplicates()
			.hasSize(12);
	}

	@Test
	void aDryRunOfAFileSavedWhileItIsCheckedWritesNoResultFile() throws IOException {
		// given
		Path input = shelfPins(12);
		rewriteInPlaceAtTheFirstLookUp(input);

		// when
		CommandLineRun run = run("--input=" + input, "--dry-run");

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.err()).contains("changed while its run was using it");
		assertThat(input.resolveSibling("pins.results.csv")).doesNotExist();
		assertThat(creates()).isEmpty();
	}

	/** Once the {@code nth} pin is created, the file is saved as a new file under its name, a row inserted on top. */
	private void savedWithARowInsertedAtPin(int nth, Path input, String planned) {
		AtomicInteger created = new AtomicInteger();
		sandbox.onPostCreated(post -> {
			if (created.incrementAndGet() == nth) {
				saveAsNewFile(input, withRowInserted(planned));
			}
		});
	}

	/** Once the run asks Zernio its first question (after its read of the file), a row goes in at the top. */
	@Test
	void aFileSavedAfterItsLastPinWasSentEndsTheRunWithAStopNotWithSuccessAndNoResultFile() throws IOException {
		// given: one chunk holds every row; once the last pin is created, a colleague saves the sheet with a row added
		Path input = shelfPins(4);
		String planned = Files.readString(input);
		savedWithARowInsertedAtPin(4, input, planned);

		// when
		CommandLineRun run = run("--input=" + input);

		// then: the result file cannot list the rows sent (the file holds others now), and the run says so, with the
		// exit code of a run to run again
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.err()).contains(input + " changed while its run was using it")
			.contains("Run the same command again").doesNotContain("put the file back");
		assertThat(run.out()).contains("results: none written", "to resume, run the same command again");
		assertThat(creates()).hasSize(4);

		// when the same command runs again, on the file as it is now
		sandbox.onPostCreated(post -> {
		});
		CommandLineRun again = run("--input=" + input);

		// then: a new run, which sends only the row added and writes the result file of every row
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(creates()).hasSize(5);
		assertThat(ResultRows.read(input.resolveSibling("pins.results.csv"))).hasSize(5);
	}

	@Test
	void aFileWrittenAMomentAgoIsReadOnceItHasBeenLeftAloneAndThenWhole() throws IOException {
		// given: a file whose last change is too recent to be sure a copy has finished (dated ahead, as a file server
		// whose clock runs ahead dates it: no real copy's timing in a test)
		Path input = shelfPins(6);
		Files.setLastModifiedTime(input, FileTime.from(Instant.now().plusSeconds(3600)));

		// when: cron starts, with the quiet period (5 s by default) shortened for the test
		CommandLineRun run = run("--input=" + input, "--pinbatch.input-settle=1s");

		// then: it said why it waited, then read and sent every row
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("input: pins.csv was written less than 1 s ago: waiting until it has been left"
				+ " alone that long (a copy may still be writing it)");
		assertThat(creates()).hasSize(6);
	}

	private void rewriteInPlaceAtTheFirstLookUp(Path input) throws IOException {
		String planned = Files.readString(input);
		sandbox.onRequestArrived(request -> {
			if (readQuietly(input).equals(planned)) {
				writeQuietly(input, withRowInserted(planned));
			}
		});
	}

	private static String withRowInserted(String csv) {
		int header = csv.indexOf('\n') + 1;
		return csv.substring(0, header) + INSERTED + ",Not in the planned file,https://images.example.com/new.jpg,"
				+ "Kitchen Ideas,acme-home\n" + csv.substring(header);
	}

	/** Written beside it and moved over it: a new file under the same name. */
	private static void saveAsNewFile(Path file, String content) {
		Path saved = file.resolveSibling(file.getFileName() + ".saving");
		writeQuietly(saved, content);
		try {
			Files.move(saved, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeQuietly(Path file, String content) {
		try {
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String readQuietly(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}

package com.pinbatch.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A result file streamed row by row: a stopped run ends with its later rows PENDING; an abandoned one leaves no trace. */
class ResultFileStreamTests {

	@TempDir
	Path dir;

	@Test
	void aRunThatStoppedHalfWayEndsWithItsLaterRowsPendingAndCountsItsErrorCodes() throws IOException {
		// given: an input of four rows, of which the run got through two
		Path input = Files.writeString(dir.resolve("pins.csv"), "title\nOne\nTwo\nThree\nFour\n", StandardCharsets.UTF_8);
		Path results = dir.resolve("pins.results.csv");

		// when
		StatusTally tally;
		try (RowSource source = RowSources.open(input, InputOptions.defaults());
				ResultFileStream lines = ResultFileStream.open(results, source.headers(), source.delimiter(), false)) {
			lines.write(source.next(), new RowResult(1, RowStatus.INVALID, null, "title_too_long", "too long", 0,
					null, Instant.EPOCH));
			lines.write(source.next(), new RowResult(2, RowStatus.INVALID, null, "title_too_long", "too long", 0,
					null, Instant.EPOCH));
			tally = ResultFileBuilder.finishPending(lines, input, InputOptions.defaults());
		}

		// then
		StringBuilder statuses = new StringBuilder();
		try (RowSource source = RowSources.open(results, InputOptions.defaults())) {
			for (InputRow row = source.next(); row != null; row = source.next()) {
				statuses.append(row.value(0)).append('=').append(row.prior().status()).append(' ');
			}
		}
		assertThat(statuses.toString().trim()).isEqualTo("One=INVALID Two=INVALID Three=PENDING Four=PENDING");
		assertThat(tally.count(RowStatus.PENDING)).isEqualTo(2);
		assertThat(tally.errorCodes()).containsOnlyKeys("title_too_long");
		assertThat(tally.errorCodes().get("title_too_long")).containsExactly(2, 1);
		assertThat(dir.resolve(".pins.results.csv.partial.csv")).doesNotExist();
	}

	/** Before: the stream opened the link's target and the move then left the result file a link to it. */
	@Test
	void aLinkPlantedAtTheTemporaryFilesNameIsReplacedNotWrittenThrough() throws IOException {
		// given: someone who may write in the input's folder links the temporary file's known name to another file
		Path input = Files.writeString(dir.resolve("pins.csv"), "title\nOne\n", StandardCharsets.UTF_8);
		Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me", StandardCharsets.UTF_8);
		Files.createSymbolicLink(dir.resolve(".pins.results.csv.partial.csv"), victim);

		// when
		try (RowSource source = RowSources.open(input, InputOptions.defaults());
				ResultFileStream lines = ResultFileStream.open(dir.resolve("pins.results.csv"), source.headers(),
						source.delimiter(), false)) {
			ResultFileBuilder.finishPending(lines, input, InputOptions.defaults());
		}

		// then
		assertThat(Files.readString(victim)).isEqualTo("keep me");
		assertThat(Files.isSymbolicLink(dir.resolve("pins.results.csv"))).isFalse();
		assertThat(Files.readString(dir.resolve("pins.results.csv"))).contains("One,2,PENDING");
	}

	@Test
	void aPinAnotherRunCreatedKeepsWhicheverLineKnowsMoreOfIt() throws IOException {
		// given: the input's last result file, in which two pins were only accepted and another already published
		Path input = Files.writeString(dir.resolve("pins.csv"), "title\nOne\nTwo\nThree\n", StandardCharsets.UTF_8);
		Path results = dir.resolve("pins.results.csv");
		write(input, results, new RowResult(2, RowStatus.CREATED, "p1", null, null, null, 1, "r1", Instant.EPOCH),
				new RowResult(3, RowStatus.PUBLISHED, "p2", "https://www.pinterest.com/pin/2/", null, null, 1, "r2",
						Instant.EPOCH),
				new RowResult(4, RowStatus.CREATED, "p3", null, null, null, 1, "r3", Instant.EPOCH));

		// when: a run of the sheet saved again takes the pins' outcomes from the job repository, without sending:
		// the first published since, the second as the repository last knew it (before a --follow-up of that file),
		// the third refused by Pinterest since
		write(input, results,
				new RowResult(2, RowStatus.PUBLISHED, "p1", "https://www.pinterest.com/pin/1/", null, "earlier run",
						0, null, Instant.EPOCH),
				new RowResult(3, RowStatus.SCHEDULED, "p2", null, null, "earlier run", 0, null, Instant.EPOCH),
				new RowResult(4, RowStatus.FAILED, "p3", null, "publish_invalid_media", "Pinterest did not publish it",
						0, null, Instant.EPOCH));

		// then: each row says the furthest its pin is known to have got
		StringBuilder statuses = new StringBuilder();
		try (RowSource source = RowSources.open(results, InputOptions.defaults())) {
			for (InputRow row = source.next(); row != null; row = source.next()) {
				statuses.append(row.value(0)).append('=').append(row.prior().status()).append(' ');
			}
		}
		assertThat(statuses.toString().trim()).isEqualTo("One=PUBLISHED Two=PUBLISHED Three=FAILED");
	}

	@Test
	void aRunStoppedHalfWayKeepsTheEarlierLinesOfRowsThatMovedUpOrDownInTheSheet() throws IOException {
		// given: the result file of a sheet whose five pins were created
		Path input = Files.writeString(dir.resolve("pins.csv"), "title\nOne\nTwo\nThree\nFour\nFive\n",
				StandardCharsets.UTF_8);
		Path results = dir.resolve("pins.results.csv");
		write(input, results, created(2, "p1"), created(3, "p2"), created(4, "p3"), created(5, "p4"),
				created(6, "p5"));

		// when: the sheet is saved again with row Two deleted, a row added above Four and one at its end, and a run
		// of it stops after its first row
		Files.writeString(input, "title\nOne\nThree\nNew\nFour\nFive\nSix\n", StandardCharsets.UTF_8);
		try (RowSource source = RowSources.open(input, InputOptions.defaults());
				ResultFileStream lines = ResultFileStream.open(results, source.headers(), source.delimiter(), false)) {
			lines.write(source.next(), created(2, "p1"));
			ResultFileBuilder.finishPending(lines, input, InputOptions.defaults());
		}

		// then: the rows not reached that the earlier file knew keep their pins, under their new row numbers (they
		// were PENDING, their pins unnamed, when the earlier file was matched by row number); the new rows are PENDING
		StringBuilder lines = new StringBuilder();
		try (RowSource source = RowSources.open(results, InputOptions.defaults())) {
			for (InputRow row = source.next(); row != null; row = source.next()) {
				lines.append(row.value(0)).append('=').append(row.prior().status()).append(row.prior().postId() == null
						? "" : " " + row.prior().postId()).append(" @").append(row.rowNumber()).append(", ");
			}
		}
		assertThat(lines.toString()).isEqualTo("One=CREATED p1 @2, Three=CREATED p3 @3, New=PENDING @4, "
				+ "Four=CREATED p4 @5, Five=CREATED p5 @6, Six=PENDING @7, ");
	}

	@Test
	void aRowMovedFurtherThanTheRowsHeldIsLeftToTheJobRepository() throws IOException {
		// given: the result file of a sheet whose pins were created, the first of them on top
		StringBuilder sheet = new StringBuilder("title\nFirst\n");
		for (int i = 0; i < EarlierResultFile.MOVED_AT_MOST + 5; i++) {
			sheet.append("Filler ").append(i).append('\n');
		}
		Path input = Files.writeString(dir.resolve("pins.csv"), sheet, StandardCharsets.UTF_8);
		Path results = dir.resolve("pins.results.csv");
		write(input, results, created(2, "p1"));

		// when: the first row moved to the sheet's end, and a run of it stops at once
		Files.writeString(input, sheet.toString().replace("First\n", "") + "First\n", StandardCharsets.UTF_8);
		try (RowSource source = RowSources.open(input, InputOptions.defaults());
				ResultFileStream lines = ResultFileStream.open(results, source.headers(), source.delimiter(), false)) {
			ResultFileBuilder.finishPending(lines, input, InputOptions.defaults());
		}

		// then: the earlier line is out of reach (the rows held stay few); the row is PENDING, not another row's pin
		try (RowSource source = RowSources.open(results, InputOptions.defaults())) {
			for (InputRow row = source.next(); row != null; row = source.next()) {
				assertThat(row.prior().status()).as(row.value(0)).isEqualTo("PENDING");
			}
		}
	}

	@Test
	void aRunStoppedAtOnceKeepsOnlyTheEarlierLinesOfPinsSentTheSameWay() throws IOException {
		// given: a result file whose first pin went to the sandbox, whose second to Zernio, and whose third has no
		// request id (written by hand, or by a version that did not write one)
		Path input = Files.writeString(dir.resolve("pins.csv"), "title\nOne\nTwo\nThree\n", StandardCharsets.UTF_8);
		Path results = dir.resolve("pins.results.csv");
		write(input, results, published(2, "p1", RequestIds.of("run", 2, true)),
				published(3, "p2", RequestIds.of("run", 3, false)), published(4, "p3", null));

		// when / then: a run for real and a rehearsal, each stopped before its first row, keep the lines of their own
		// kind, and those that do not say
		assertThat(stoppedAtOnce(input, results, false)).isEqualTo("One=PENDING Two=PUBLISHED Three=PUBLISHED");
		write(input, results, published(2, "p1", RequestIds.of("run", 2, true)),
				published(3, "p2", RequestIds.of("run", 3, false)), published(4, "p3", null));
		assertThat(stoppedAtOnce(input, results, true)).isEqualTo("One=PUBLISHED Two=PENDING Three=PUBLISHED");
	}

	@Test
	void aRunStoppedBeforeItsRowsAfterADryRunShowsThemPendingNotTheChecksWord() throws IOException {
		// given: a dry run's result file (VALID and INVALID, nothing sent)
		Path input = Files.writeString(dir.resolve("pins.csv"), "title\nOne\nTwo\nThree\n", StandardCharsets.UTF_8);
		Path results = dir.resolve("pins.results.csv");
		write(input, results, new RowResult(2, RowStatus.VALID, null, null, null, null, 0, null, Instant.EPOCH),
				new RowResult(3, RowStatus.INVALID, null, null, "board_not_found", "no such board", 0, null,
						Instant.EPOCH),
				new RowResult(4, RowStatus.FAILED, null, null, "outcome_unknown", "may exist", 3, "r4", Instant.EPOCH));

		// when / then: a live run stopped before its first row (before: "One=VALID Two=INVALID", and the run said no
		// row was PENDING); a row whose send went out keeps its line, whose request id finds its pin
		assertThat(stoppedAtOnce(input, results, false)).isEqualTo("One=PENDING Two=PENDING Three=FAILED");
	}

	@Test
	void aRowWhoseSendWasOutWhenTheRunStoppedSaysItWasSent() throws IOException {
		// given: a run stopped with one row's send out (its request id stored, no answer) and one row not reached
		Path input = Files.writeString(dir.resolve("pins.csv"), "title\nOne\nTwo\n", StandardCharsets.UTF_8);
		Path results = dir.resolve("pins.results.csv");

		// when
		write(input, results, new RowResult(2, RowStatus.PENDING, null, null, null, 0, "r2", null),
				RowResult.pending(3));

		// then: both PENDING; the sent one says so (before: alike, while Zernio may have made the first one's pin)
		try (RowSource source = RowSources.open(results, InputOptions.defaults())) {
			assertThat(source.next().prior().errorMessage()).startsWith("sent to Zernio, but the run ended before its"
					+ " answer came: the next run looks for its pin on Zernio");
			assertThat(source.next().prior().errorMessage()).isNullOrEmpty();
		}
	}

	private static RowResult published(long row, String postId, String requestId) {
		return new RowResult(row, RowStatus.PUBLISHED, postId, "https://www.pinterest.com/pin/" + row + "/", null,
				null, 1, requestId, Instant.EPOCH);
	}

	/** The statuses a run's result file shows when the run stopped before its first row. */
	private static String stoppedAtOnce(Path input, Path results, boolean onSandbox) {
		try (RowSource source = RowSources.open(input, InputOptions.defaults());
				ResultFileStream lines = ResultFileStream.open(results, source.headers(), source.delimiter(),
						onSandbox)) {
			ResultFileBuilder.finishPending(lines, input, InputOptions.defaults());
		}
		StringBuilder statuses = new StringBuilder();
		try (RowSource source = RowSources.open(results, InputOptions.defaults())) {
			for (InputRow row = source.next(); row != null; row = source.next()) {
				statuses.append(row.value(0)).append('=').append(row.prior().status()).append(' ');
			}
		}
		return statuses.toString().trim();
	}

	private static RowResult created(long row, String postId) {
		return new RowResult(row, RowStatus.CREATED, postId, null, null, null, 1, "r" + row, Instant.EPOCH);
	}

	private static void write(Path input, Path results, RowResult... outcomes) {
		try (RowSource source = RowSources.open(input, InputOptions.defaults());
				ResultFileStream lines = ResultFileStream.open(results, source.headers(), source.delimiter(), false)) {
			for (RowResult outcome : outcomes) {
				lines.write(source.next(), outcome);
			}
			lines.finish();
		}
	}

	@Test
	void anAbandonedStreamLeavesTheLastGoodResultFileAsItWas() throws IOException {
		// given: a result file from an earlier run
		Path input = Files.writeString(dir.resolve("pins.csv"), "title\nOne\n", StandardCharsets.UTF_8);
		Path results = Files.writeString(dir.resolve("pins.results.csv"), "earlier run\n", StandardCharsets.UTF_8);

		// when: a run starts writing and dies before finishing
		try (RowSource source = RowSources.open(input, InputOptions.defaults());
				ResultFileStream lines = ResultFileStream.open(results, source.headers(), source.delimiter(), false)) {
			lines.write(source.next(), RowResult.pending(1));
		}

		// then
		assertThat(results).hasContent("earlier run");
		assertThat(dir.resolve(".pins.results.csv.partial.csv")).doesNotExist();
	}
}

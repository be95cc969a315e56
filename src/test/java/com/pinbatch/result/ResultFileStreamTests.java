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
				ResultFileStream lines = ResultFileStream.open(results, source.headers(), source.delimiter())) {
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

	@Test
	void anAbandonedStreamLeavesTheLastGoodResultFileAsItWas() throws IOException {
		// given: a result file from an earlier run
		Path input = Files.writeString(dir.resolve("pins.csv"), "title\nOne\n", StandardCharsets.UTF_8);
		Path results = Files.writeString(dir.resolve("pins.results.csv"), "earlier run\n", StandardCharsets.UTF_8);

		// when: a run starts writing and dies before finishing
		try (RowSource source = RowSources.open(input, InputOptions.defaults());
				ResultFileStream lines = ResultFileStream.open(results, source.headers(), source.delimiter())) {
			lines.write(source.next(), RowResult.pending(1));
		}

		// then
		assertThat(results).hasContent("earlier run");
		assertThat(dir.resolve(".pins.results.csv.partial.csv")).doesNotExist();
	}
}

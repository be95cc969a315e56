package com.pinbatch.result;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.PriorOutcome;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;

import static org.assertj.core.api.Assertions.assertThat;

/** A result file must read back (for --retry-failed) as exactly the input and outcomes that were written. */
class CsvResultFileRoundTripTests {

	@TempDir
	Path dir;

	@Test
	void readsBackWhatWasWritten() {
		List<String> headers = List.of("title", "description", "=weird header", "", "notes");
		List<InputRow> rows = List.of(
				new InputRow(2, headers, List.of("=HYPERLINK(\"http://evil\")", "+1", "-5", "@me", "'=quoted")),
				new InputRow(4, headers, List.of("Say \"hi\", then\r\nleave", "line\nbreak", "\ttab", "\nlf", "")),
				new InputRow(7, headers, List.of("Żółw 🐢 日本語", "", "", " padded ", "a;b\tc")),
				new InputRow(9, headers, List.of("", "", "", "", "")));
		List<RowResult> results = List.of(
				new RowResult(2, RowStatus.CREATED, "p_1", null, null, 1, "req-2", Instant.parse("2030-01-02T03:04:05Z")),
				new RowResult(4, RowStatus.FAILED, null, "rate_limited", "-Too many requests, \"wait\"\nand retry", 3,
						"=req", Instant.parse("2030-01-02T03:04:05.5Z")),
				new RowResult(7, RowStatus.INVALID, null, "title_too_long", "Title is too long; shorten it", 0, null,
						Instant.parse("2030-01-02T03:04:06Z")),
				RowResult.pending(9));
		Path file = dir.resolve("results.csv");
		try (CsvResultFileWriter writer = new CsvResultFileWriter(file)) {
			writer.writeHeader(headers);
			for (int i = 0; i < rows.size(); i++) {
				writer.writeRow(rows.get(i), results.get(i));
			}
		}

		List<InputRow> read = new ArrayList<>();
		try (RowSource source = RowSources.open(file, InputOptions.defaults())) {
			assertThat(source.headers()).isEqualTo(headers);
			for (InputRow row = source.next(); row != null; row = source.next()) {
				read.add(row);
			}
		}

		assertThat(read).hasSize(4);
		for (int i = 0; i < rows.size(); i++) {
			assertThat(read.get(i).rowNumber()).isEqualTo(rows.get(i).rowNumber());
			assertThat(read.get(i).values()).isEqualTo(rows.get(i).values());
			assertThat(read.get(i).prior()).isEqualTo(prior(results.get(i)));
		}
	}

	/** What the reader gives back for a written outcome: text, with empty cells as null. */
	private static PriorOutcome prior(RowResult result) {
		return new PriorOutcome(result.status().name(), result.postId(), result.errorCode(), result.errorMessage(),
				Integer.toString(result.attempts()), result.requestId(),
				result.finishedAt() == null ? null : result.finishedAt().toString());
	}
}

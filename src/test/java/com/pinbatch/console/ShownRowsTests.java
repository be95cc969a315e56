package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import com.pinbatch.result.RowStatus;

import org.junit.jupiter.api.Test;

class ShownRowsTests {

	@Test
	void aLargeFileListsTheRowsToActOnFirstThenTheOthersInRowOrderAndCountsEveryRow() {
		// given: 100,000 rows, every 50th INVALID, the rest VALID
		ShownRows seen = new ShownRows();

		// when
		LongStream.rangeClosed(2, 100_001).mapToObj(row -> row(row, row % 50 == 0 ? "INVALID" : "VALID"))
			.forEach(seen);

		// then: the 2,000 INVALID rows fill the list up to its bound, the VALID ones are counted, not listed
		List<ReviewRow> shown = seen.shown();
		assertThat(shown).hasSize(ShownRows.ROWS_SHOWN)
			.allSatisfy(row -> assertThat(row.status()).isEqualTo("INVALID"));
		assertThat(shown.get(0).row()).isEqualTo(50);
		assertThat(shown).isSortedAccordingTo((a, b) -> Long.compare(a.row(), b.row()));
		assertThat(seen.counts()).containsEntry(RowStatus.INVALID, 2_000L).containsEntry(RowStatus.VALID, 98_000L);
		assertThat(seen.notShown()).isEqualTo(100_000 - ShownRows.ROWS_SHOWN);
	}

	@Test
	void aFewRowsToActOnLeaveRoomForTheFirstOthersAndASmallFileIsListedWhole() {
		ShownRows large = new ShownRows();
		LongStream.rangeClosed(2, 5_001).mapToObj(row -> row(row, row == 4_000 ? "FAILED" : "VALID")).forEach(large);
		ShownRows small = new ShownRows();
		LongStream.rangeClosed(2, 11).mapToObj(row -> row(row, row == 3 ? "bogus" : "VALID")).forEach(small);

		assertThat(large.shown()).hasSize(ShownRows.ROWS_SHOWN).extracting(ReviewRow::row).contains(4_000L, 2L, 1_000L)
			.doesNotContain(1_001L);
		assertThat(small.shown()).hasSize(10);
		assertThat(small.notShown()).isZero();
		assertThat(small.counts()).as("a status none of pinbatch's is not counted").containsOnlyKeys(RowStatus.VALID);
	}

	private static ReviewRow row(long row, String status) {
		return new ReviewRow(row, status, "t", "b", "a", "", "", null, "", "", "", null, null, null, null);
	}
}

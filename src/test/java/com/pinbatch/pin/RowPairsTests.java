package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Rows with a number each, as a run keeps them in memory and in the job's execution context. */
class RowPairsTests {

	@Test
	void pairsGivenInAnyOrderAreFoundAndComeBackFromTheirPackedForm() {
		// given: rows out of order, values far apart, before and after each other, and negative
		Map<Long, Long> given = new HashMap<>();
		Random random = new Random(7);
		for (int i = 0; i < 50_000; i++) {
			given.put(2 + (long) random.nextInt(10_000_000), random.nextLong());
		}
		given.put(9_000_000_000L, -1L);

		// when
		RowPairs pairs = RowPairs.of(given);
		RowPairs read = RowPairs.unpacked(pairs.packed());

		// then
		assertThat(read.size()).isEqualTo(given.size());
		given.forEach((row, value) -> assertThat(read.get(row)).hasValue(value));
		assertThat(read.get(1)).isEmpty();
		assertThat(read.contains(9_000_000_000L)).isTrue();
		assertThat(read.contains(9_000_000_001L)).isFalse();
	}

	@Test
	void aMillionRowsRepeatingTheFirstTakeAFewKilobytesStored() {
		// given: the duplicates of a sheet whose million rows are all alike
		RowPairs.Builder builder = new RowPairs.Builder();
		for (long row = 3; row < 1_000_002; row++) {
			builder.add(row, 2);
		}

		// when
		byte[] packed = builder.build().packed();

		// then: as a map it took about 37 MB in the execution context, more than HSQLDB's column holds
		assertThat(packed.length).isLessThan(10_000);
		RowPairs read = RowPairs.unpacked(packed);
		assertThat(read.size()).isEqualTo(999_999);
		assertThat(read.get(1_000_001)).hasValue(2);
		assertThat(read.get(2)).isEmpty();
	}

	@Test
	void noPairsStoreAndReadBack() {
		assertThat(RowPairs.unpacked(RowPairs.NONE.packed()).size()).isZero();
		assertThat(RowPairs.ofRows(new long[] { 4, 8 }).contains(8)).isTrue();
	}

	@Test
	void bytesThatAreNotAPackedFormAreRefused() {
		assertThatThrownBy(() -> RowPairs.unpacked(new byte[] { 1, 2, 3 }))
			.isInstanceOf(IllegalArgumentException.class);
		byte[] cut = new RowPairs.Builder().add(2, 1).add(3, 1).build().packed();
		assertThatThrownBy(() -> RowPairs.unpacked(Arrays.copyOf(cut, cut.length - 2)))
			.isInstanceOf(IllegalArgumentException.class);
	}
}

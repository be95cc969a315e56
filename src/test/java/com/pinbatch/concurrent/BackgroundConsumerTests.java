package com.pinbatch.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The consumer sees every item, in order, and a failure of its work is the caller's failure. */
class BackgroundConsumerTests {

	@Test
	void everyItemReachesTheConsumerInOrderByTheTimeTheCallerFinishes() {
		// given: more items than a few batches, and a last batch that is not full
		List<Long> seen = new ArrayList<>();
		long items = 12_345;

		// when
		try (BackgroundConsumer<Long> background = new BackgroundConsumer<>("test", 1_000, seen::add)) {
			LongStream.rangeClosed(1, items).forEach(background::accept);
			background.finish();
		}

		// then
		assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, items).boxed().toList());
	}

	@Test
	void aFailureOfTheConsumerIsTheCallersFailure() {
		BackgroundConsumer<Long> background = new BackgroundConsumer<>("test", 1_000, item -> {
			if (item == 1500) {
				throw new IllegalStateException("item 1500 broke the work");
			}
		});

		try (background) {
			assertThatThrownBy(() -> {
				LongStream.rangeClosed(1, 20_000).forEach(background::accept);
				background.finish();
			}).isInstanceOf(IllegalStateException.class).hasMessage("item 1500 broke the work");
		}
	}
}

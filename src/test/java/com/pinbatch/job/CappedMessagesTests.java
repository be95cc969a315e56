package com.pinbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.pinbatch.plan.CapacityPlan;
import com.pinbatch.plan.PostingCaps;

import org.junit.jupiter.api.Test;

/** A dry run's refusals at the accounts' caps, as the execution context keeps them and the rows read them back. */
class CappedMessagesTests {

	private static final Instant START = Instant.parse("2035-01-01T08:00:00Z");

	@Test
	void manyDatedRowsOverACapAreKeptAsOneRefusalAndEachRowStillNamesItsOwnTime() {
		// given: 20,000 rows a minute apart for one account capped at 25 a day
		CapacityPlan plan = new CapacityPlan(new PostingCaps(25, 25), START);
		Map<Long, Instant> publishAt = new LinkedHashMap<>();
		for (long row = 2; row < 20_002; row++) {
			Instant at = START.plus(Duration.ofMinutes(row));
			publishAt.put(row, at);
			plan.add(row, "acme-home", at);
		}

		// when
		HashMap<String, byte[]> stored = CappedMessages.stored(plan.capped());
		CappedMessages messages = CappedMessages.of(stored);

		// then: one entry, not one per row (20,000 entries held the run's memory and were searched for every row)
		assertThat(stored).hasSize(1);
		assertThat(plan.capped()).hasSizeGreaterThan(19_000);
		plan.capped().forEach((row, refusal) -> assertThat(messages.messageFor(row, publishAt.get(row)))
			.isEqualTo(refusal.message()));
		assertThat(messages.messageFor(2, publishAt.get(2L))).as("a row within the cap").isNull();
		assertThat(messages.messageFor(20_001, publishAt.get(20_001L))).contains(publishAt.get(20_001L).toString());
	}

	@Test
	void rowsPublishedAtOnceOverACapShareTheirRefusal() {
		CapacityPlan plan = new CapacityPlan(new PostingCaps(25, 25), START);
		for (long row = 2; row < 1_002; row++) {
			plan.add(row, "acme-home", null);
		}

		HashMap<String, byte[]> stored = CappedMessages.stored(plan.capped());

		assertThat(stored).hasSize(1);
		assertThat(CappedMessages.of(stored).messageFor(1_001, null)).isEqualTo(plan.capped().get(1_001L).message());
	}

	@Test
	void aMillionRowsOverOneCapAreStoredInLittleRoomAndRowsStoredByTheVersionBeforeAreStillRead() {
		// given: a million undated rows of one account over its cap of 25 a day
		CapacityPlan plan = new CapacityPlan(new PostingCaps(25, 25), START);
		for (long row = 2; row < 1_000_002; row++) {
			plan.add(row, "acme-home", null);
		}

		// when
		HashMap<String, byte[]> stored = CappedMessages.stored(plan.capped());

		// then: as an array of rows it took 8 MB, and over 16 MB in the repository once written as text
		assertThat(stored.values()).singleElement().satisfies(rows -> assertThat(rows.length).isLessThan(20_000));
		assertThat(CappedMessages.of(stored).messageFor(1_000_001, null))
			.isEqualTo(plan.capped().get(1_000_001L).message());
		assertThat(CappedMessages.of(stored).messageFor(26, null)).isNull();
		// a run that the version before stored, restarted by this one
		Map<String, long[]> before = Map.of("over the cap", new long[] { 5, 9 });
		assertThat(CappedMessages.of(before).messageFor(9, null)).isEqualTo("over the cap");
		assertThat(CappedMessages.of(before).messageFor(7, null)).isNull();
	}
}

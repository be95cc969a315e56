package com.pinbatch.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The refused rows by row number, as a result file sorted by the user brings them too. */
class CappedRowsTests {

	@Test
	void rowsAddedInAnyOrderAreFoundByNumberAndListedInRowOrder() {
		CappedRows<String> capped = new CappedRows<>();
		for (long row : new long[] { 40, 7, 41, 2, 100 }) {
			capped.add(row, "refusal " + row);
		}

		assertThat(capped.get(7L)).isEqualTo("refusal 7");
		assertThat(capped.get(100L)).isEqualTo("refusal 100");
		assertThat(capped.get(8L)).isNull();
		assertThat(capped.containsKey(41L)).isTrue();
		assertThat(capped.containsKey("41")).isFalse();
		assertThat(capped).hasSize(5);
		assertThat(new ArrayList<>(capped.keySet())).containsExactly(2L, 7L, 40L, 41L, 100L);
	}

	@Test
	void manyRowsGrowTheArrays() {
		CappedRows<String> capped = new CappedRows<>();
		for (long row = 1; row <= 10_000; row += 2) {
			capped.add(row, row % 4 == 1 ? "a" : "b");
		}

		assertThat(capped).hasSize(5_000);
		assertThat(capped.get(9_997L)).isEqualTo("a");
		assertThat(capped.get(9_999L)).isEqualTo("b");
		assertThat(capped.get(9_998L)).isNull();
	}

	@Test
	void refusedMessagesAreMadeWhenARowAsks() {
		CapacityPlan plan = new CapacityPlan(new PostingCaps(2, 25), java.time.Instant.parse("2027-03-01T10:00:00Z"));
		for (long row = 1; row <= 5; row++) {
			plan.add(row, "acme-home", null);
		}

		assertThat(plan.capped()).containsOnlyKeys(3L, 4L, 5L);
		assertThat(plan.capped().get(3L)).isSameAs(plan.capped().get(5L));
		List<String> messages = plan.capped().values().stream().map(CapacityPlan.CappedRow::message).toList();
		assertThat(messages).hasSize(3).allMatch(message -> message.startsWith("account acme-home would reach its"));
		assertThat(plan.capped().get(2L)).isNull();
	}
}

package com.pinbatch.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CapacityPlanTests {

	private static final Instant START = Instant.parse("2027-02-27T09:00:00Z");

	private long row = 2;

	@Test
	void printsOneLinePerAccountWithThePinsTheSenderWouldRefuseAndATotal() {
		CapacityPlan plan = new CapacityPlan(PostingCaps.zernioDefaults(), START);
		addUndated(plan, "acme-garden", 12);
		addUndated(plan, "acme-home", 30); // rows 14 to 43: the 26th, row 39, is the first over

		assertThat(plan.describe(false)).containsExactly(
				"acme-garden: 12 pins, within caps",
				"acme-home: 30 pins, 5 over the 25 pins per day cap (row 39 is the first): they would fail"
						+ " account_cap_reached; --spread schedules them in free slots",
				"total: 42 pins for 2 accounts, 1 of them over its caps");
		assertThat(plan.describe(true)).as("with --spread, which moves them").element(1).isEqualTo("acme-home: 30"
				+ " pins, 5 over the 25 pins per day cap (row 39 is the first): --spread moves them to free slots");
		assertThat(plan.withinCaps()).isFalse();
		assertThat(plan.capped()).containsOnlyKeys(39L, 40L, 41L, 42L, 43L);
		assertThat(plan.capped().get(39L).message()).isEqualTo("account acme-home would reach its 25 pins per day"
				+ " cap with this row; it frees up at 2027-02-28T09:00Z: run again after that with"
				+ " --retry-failed=<this result file>, or run with --spread to let pinbatch schedule the account's pins"
				+ " in free slots");
	}

	@Test
	void pinsAlreadyOnTheAccountCountAgainstItsCaps() {
		// 20 pins published this morning by another run, and 3 scheduled for this afternoon
		List<Instant> taken = new ArrayList<>(Collections.nCopies(20, START.minus(Duration.ofHours(3))));
		taken.addAll(Collections.nCopies(3, START.plus(Duration.ofHours(5))));
		CapacityPlan plan = new CapacityPlan(PostingCaps.zernioDefaults(), START, Map.of("acme-home", taken));
		addUndated(plan, "acme-home", 4);

		assertThat(plan.describe(false)).first().asString()
			.startsWith("acme-home: 4 pins, 2 over the 25 pins per day cap");
	}

	@Test
	void tooManyUndatedPinsPassTheHourlyCapEvenWithinTheDailyOne() {
		CapacityPlan plan = new CapacityPlan(new PostingCaps(10, 25), START);
		addUndated(plan, "acme-home", 12);

		assertThat(plan.describe(false)).first().asString()
			.startsWith("acme-home: 12 pins, 2 over the 10 pins per hour cap"
				+ " (row 12 is the first)");
		assertThat(plan.capped().get(12L).message()).contains("it frees up at 2027-02-27T10:00Z");
	}

	@Test
	void pinsAreCountedPerRollingHourAsTheSenderDoesNotPerClockHour() {
		// 25 pins from 10:30 and 25 from 11:00: no clock hour holds more than 25, the hour from 10:30 holds 50
		CapacityPlan plan = new CapacityPlan(new PostingCaps(25, 100), START);
		addEvery(plan, "acme-home", 25, Instant.parse("2027-03-01T10:30:00Z"), Duration.ofSeconds(60));
		addEvery(plan, "acme-home", 25, Instant.parse("2027-03-01T11:00:00Z"), Duration.ofSeconds(60));

		assertThat(plan.capped()).hasSize(25);
		assertThat(plan.capped().get(27L).message()).isEqualTo("account acme-home has no free slot at"
				+ " 2027-03-01T11:00:00Z: its 25 pins per hour cap is full around that time; give the row another"
				+ " publish time, or run with --spread to let pinbatch schedule it in a free slot");
	}

	@Test
	void accountsNeverAffectEachOther() {
		CapacityPlan plan = new CapacityPlan(new PostingCaps(25, 25), START);
		addUndated(plan, "acme-home", 25);
		addUndated(plan, "acme-garden", 25);

		assertThat(plan.withinCaps()).isTrue();
		assertThat(plan.describe(false)).containsExactly("acme-garden: 25 pins, within caps",
				"acme-home: 25 pins, within caps", "total: 50 pins for 2 accounts, within caps");
	}

	@Test
	void anEmptyPlanSaysSo() {
		CapacityPlan plan = new CapacityPlan(PostingCaps.zernioDefaults(), START);

		assertThat(plan.describe(false)).containsExactly("total: 0 pins for 0 accounts");
		assertThat(plan.withinCaps()).isTrue();
	}

	private void addUndated(CapacityPlan plan, String account, int pins) {
		for (int i = 0; i < pins; i++) {
			plan.add(row++, account, null);
		}
	}

	private void addEvery(CapacityPlan plan, String account, int pins, Instant first, Duration gap) {
		for (int i = 0; i < pins; i++) {
			plan.add(row++, account, first.plus(gap.multipliedBy(i)));
		}
	}
}

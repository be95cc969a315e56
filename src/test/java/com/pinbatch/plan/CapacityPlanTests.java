package com.pinbatch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CapacityPlanTests {

	private static final Instant START = Instant.parse("2027-02-27T09:00:00Z");

	private long row = 2;

	@Test
	void printsOneLinePerAccountTheDaysOverTheCapAndATotal() {
		CapacityPlan plan = new CapacityPlan(PostingCaps.zernioDefaults(), START, ZoneOffset.UTC);
		addUndated(plan, "acme-garden", 12);
		// 40 on one day, 3 an hour, so only the daily cap is passed; the 26th of them is row 39
		addEvery(plan, "acme-home", 40, Instant.parse("2027-03-01T07:00:00Z"), Duration.ofMinutes(20));
		for (int day = 2; day <= 6; day++) {
			addEvery(plan, "acme-home", 20, Instant.parse("2027-03-0" + day + "T08:00:00Z"), Duration.ofMinutes(30));
		}

		assertThat(plan.describe()).containsExactly(
				"acme-garden: 12 pins, within caps",
				"acme-home: 140 pins, 25/day cap -> 6 days",
				"  acme-home on 2027-03-01: 40 pins, cap 25/day (row 39 is the first over)",
				"total: 152 pins for 2 accounts, 1 over its caps");
		assertThat(plan.withinCaps()).isFalse();
	}

	@Test
	void undatedPinsCountOnTheRunsDayAndAsOneBatchAgainstTheHourlyCap() {
		CapacityPlan plan = new CapacityPlan(new PostingCaps(10, 25), START, ZoneOffset.UTC);
		addUndated(plan, "acme-home", 8);
		addEvery(plan, "acme-home", 20, Instant.parse("2027-02-27T15:00:00Z"), Duration.ofMinutes(1));

		assertThat(plan.describe()).containsExactly(
				"acme-home: 28 pins, 25/day cap -> 2 days",
				"  acme-home on 2027-02-27: 28 pins, cap 25/day (row 27 is the first over)",
				"  acme-home at 2027-02-27 15:00: 20 pins, cap 10/hour (row 20 is the first over)",
				"total: 28 pins for 1 account, 1 over its caps");
	}

	@Test
	void tooManyUndatedPinsPassTheHourlyCapEvenWithinTheDailyOne() {
		CapacityPlan plan = new CapacityPlan(new PostingCaps(10, 25), START, ZoneOffset.UTC);
		addUndated(plan, "acme-home", 12);

		assertThat(plan.describe()).containsExactly(
				"acme-home: 12 pins, over the 10/hour cap",
				"  acme-home now: 12 undated pins, cap 10/hour (row 12 is the first over)",
				"total: 12 pins for 1 account, 1 over its caps");
	}

	@Test
	void countsDaysInTheRunsZone() {
		CapacityPlan plan = new CapacityPlan(PostingCaps.zernioDefaults(), START, ZoneId.of("Europe/Paris"));
		plan.add(new PlannedRow(2, "acme-home", Instant.parse("2027-03-01T23:30:00Z")));
		plan.add(new PlannedRow(3, "acme-home", null));

		AccountLoad load = plan.accounts().get(0);

		assertThat(load.pinsPerDay()).containsExactly(entry(LocalDate.of(2027, 2, 27), 1L),
				entry(LocalDate.of(2027, 3, 2), 1L));
		assertThat(load.undated()).isEqualTo(1);
		assertThat(load.daysAtCap()).isEqualTo(1);
		assertThat(load.withinCaps()).isTrue();
		assertThat(plan.describe()).containsExactly("acme-home: 2 pins, within caps",
				"total: 2 pins for 1 account, within caps");
	}

	@Test
	void anEmptyPlanSaysSo() {
		CapacityPlan plan = new CapacityPlan(PostingCaps.zernioDefaults(), START, ZoneOffset.UTC);

		assertThat(plan.describe()).containsExactly("total: 0 pins for 0 accounts");
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

package com.pinbatch.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class SpreadPlannerTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
	private static final Instant START = ZonedDateTime.of(2026, 6, 1, 9, 10, 0, 0, BERLIN).toInstant();
	private static final SpreadSettings SETTINGS = SpreadSettings.defaults();

	private static final List<Instant> DST_WEEKS = List.of(Instant.parse("2026-03-27T22:00:00Z"),
			Instant.parse("2026-10-01T12:00:00Z"), Instant.parse("2026-10-22T12:00:00Z"),
			Instant.parse("2026-10-29T12:00:00Z"));

	private final SpreadPlanner planner = new SpreadPlanner();

	@Test
	void undatedPinsBeyondTheCapsGetEvenlySpacedSlotsWithinPostingHours() {
		List<PlannedRow> rows = new ArrayList<>();
		for (long row = 2; row < 62; row++) {
			rows.add(new PlannedRow(row, "acme-home", null));
			if (row % 12 == 0) {
				rows.add(new PlannedRow(1000 + row, "acme-garden", null));
			}
		}

		Map<Long, Instant> moved = planner.plan(rows, SETTINGS, START, BERLIN);

		// the first 25 go now, as they are; all 25 fill the run's day
		assertThat(moved.keySet()).containsExactlyElementsOf(rowsFrom(27, 61));
		assertWithinCaps(schedule(rows, moved), SETTINGS.caps());
		assertThat(moved.values()).allSatisfy(slot -> assertWithinPostingHours(slot, SETTINGS.hours()));
		assertThat(localDays(moved.values())).containsOnly(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 3));
		// 25 slots over 12 posting hours, every 28:48, in row order
		Map<LocalDate, List<Instant>> byDay = moved.values().stream()
			.collect(Collectors.groupingBy(slot -> slot.atZone(BERLIN).toLocalDate(), TreeMap::new,
					Collectors.toList()));
		byDay.values().forEach(slots -> {
			for (int i = 1; i < slots.size(); i++) {
				assertThat(Duration.between(slots.get(i - 1), slots.get(i))).isEqualTo(Duration.ofSeconds(1728));
			}
		});
		assertThat(new ArrayList<>(moved.values())).isSorted();
	}

	@Test
	void theSameRowsAndStartAlwaysGiveTheSameSlots() {
		List<PlannedRow> rows = new ArrayList<>();
		for (long row = 2; row < 62; row++) {
			rows.add(new PlannedRow(row, "acme-home", row % 3 == 0 ? START.plus(Duration.ofHours(row)) : null));
		}

		Map<Long, Instant> first = planner.plan(rows, SETTINGS, START, BERLIN);

		assertThat(new SpreadPlanner().plan(List.copyOf(rows), SETTINGS, START, BERLIN)).isEqualTo(first)
			.isNotEmpty();
	}

	@Test
	void anAccountWithinItsCapsIsLeftAlone() {
		List<PlannedRow> rows = List.of(new PlannedRow(2, "acme-garden", null),
				new PlannedRow(3, "acme-garden", START.plus(Duration.ofHours(14))), // outside posting hours: kept
				new PlannedRow(4, "acme-garden", START.plus(Duration.ofDays(3))));

		assertThat(planner.plan(rows, SETTINGS, START, BERLIN)).isEmpty();
	}

	@Test
	void datedPinsOverTheDailyCapMoveToTheNextDaysKeepingTheirOrder() {
		ZonedDateTime launchDay = ZonedDateTime.of(2026, 6, 10, 8, 0, 0, 0, BERLIN);
		List<PlannedRow> rows = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			rows.add(new PlannedRow(2 + i, "acme-home", launchDay.plusMinutes(25L * i).toInstant()));
		}
		rows.add(new PlannedRow(100, "acme-garden", launchDay.toInstant()));

		Map<Long, Instant> moved = planner.plan(rows, SETTINGS, START, BERLIN);

		assertThat(moved.keySet()).containsExactlyElementsOf(rowsFrom(27, 31));
		assertThat(localDays(moved.values())).containsOnly(LocalDate.of(2026, 6, 11));
		assertThat(new ArrayList<>(moved.values())).isSorted();
		assertThat(moved.values()).allSatisfy(slot -> assertWithinPostingHours(slot, SETTINGS.hours()));
		assertWithinCaps(schedule(rows, moved), SETTINGS.caps());
	}

	@Test
	void aMovedPinIsNeverScheduledBeforeItsOwnDate() {
		Instant wanted = ZonedDateTime.of(2026, 6, 5, 15, 0, 0, 0, BERLIN).toInstant();
		List<PlannedRow> rows = new ArrayList<>();
		for (int i = 0; i < 27; i++) {
			rows.add(new PlannedRow(2 + i, "acme-home", wanted));
		}

		Map<Long, Instant> moved = planner.plan(rows, SETTINGS, START, BERLIN);

		assertThat(moved).hasSize(2).allSatisfy((row, slot) -> assertThat(slot).isAfterOrEqualTo(wanted));
		assertWithinCaps(schedule(rows, moved), SETTINGS.caps());
	}

	@Test
	void aDayWithAnExtraHourStillHoldsTheDailyCapThoughNo24HoursPassIt() {
		LocalDate autumnChange = LocalDate.of(2026, 10, 25);
		List<PlannedRow> rows = List.of(
				new PlannedRow(2, "acme-home", autumnChange.atTime(0, 0).atZone(BERLIN).toInstant()),
				new PlannedRow(3, "acme-home", autumnChange.atTime(0, 30).atZone(BERLIN).toInstant()),
				new PlannedRow(4, "acme-home", autumnChange.atTime(23, 59).atZone(BERLIN).toInstant()));
		SpreadSettings twoADay = new SpreadSettings(new PostingCaps(25, 2), PostingHours.defaults());

		Map<Long, Instant> moved = planner.plan(rows, twoADay, START, BERLIN);

		assertThat(moved).containsOnlyKeys(4L);
		assertThat(moved.get(4L).atZone(BERLIN).toLocalDate()).isEqualTo(autumnChange.plusDays(1));
	}

	@Test
	void randomRowsNeverPassACap() {
		Random random = new Random(20260601);
		List<ZoneId> zones = List.of(ZoneId.of("UTC"), BERLIN, ZoneId.of("America/New_York"),
				ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"));
		for (int run = 0; run < 150; run++) {
			PostingCaps caps = new PostingCaps(1 + random.nextInt(30), 1 + random.nextInt(60));
			int from = random.nextInt(22);
			int until = from + 1 + random.nextInt(24 - from);
			PostingHours hours = new PostingHours(LocalTime.of(from, random.nextInt(60)),
					until == 24 ? LocalTime.MIDNIGHT : LocalTime.of(until, 0));
			SpreadSettings settings = new SpreadSettings(caps, hours);
			ZoneId zone = zones.get(random.nextInt(zones.size()));
			// around DST changes: spring in Berlin, Lord Howe's spring, autumn in Berlin, autumn in New York
			Instant start = DST_WEEKS.get(random.nextInt(DST_WEEKS.size()))
				.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
			List<PlannedRow> rows = new ArrayList<>();
			int count = random.nextInt(150);
			for (int row = 0; row < count; row++) {
				Instant publishAt = random.nextInt(10) < 3 ? null
						: start.plus(Duration.ofMinutes(random.nextInt(4 * 24 * 60)));
				rows.add(new PlannedRow(2 + row, "account-" + random.nextInt(3), publishAt));
			}
			String context = "run " + run + " " + settings + " " + zone + " from " + start;

			Map<Long, Instant> moved = planner.plan(rows, settings, start, zone);

			assertThat(planner.plan(rows, settings, start, zone)).as(context).isEqualTo(moved);
			assertWithinCaps(schedule(rows, moved, start), caps, zone, context);
			for (PlannedRow row : rows) {
				Instant slot = moved.get(row.rowNumber());
				if (slot != null) {
					assertThat(slot).as(context).isAfterOrEqualTo(row.undated() ? start : row.publishAt());
					assertWithinPostingHours(slot, hours, zone, context);
				}
			}
		}
	}

	private static List<Long> rowsFrom(long first, long last) {
		List<Long> rows = new ArrayList<>();
		for (long row = first; row <= last; row++) {
			rows.add(row);
		}
		return rows;
	}

	/** Where every pin ends up, per account: its slot if moved, else its date, or the start if undated. */
	private static Map<String, List<Instant>> schedule(List<PlannedRow> rows, Map<Long, Instant> moved) {
		return schedule(rows, moved, START);
	}

	private static Map<String, List<Instant>> schedule(List<PlannedRow> rows, Map<Long, Instant> moved,
			Instant start) {
		Map<String, List<Instant>> byAccount = new HashMap<>();
		for (PlannedRow row : rows) {
			Instant at = moved.getOrDefault(row.rowNumber(), row.undated() ? start : row.publishAt());
			byAccount.computeIfAbsent(row.account(), account -> new ArrayList<>()).add(at);
		}
		return byAccount;
	}

	private static void assertWithinCaps(Map<String, List<Instant>> schedule, PostingCaps caps) {
		assertWithinCaps(schedule, caps, BERLIN, "");
	}

	private static void assertWithinCaps(Map<String, List<Instant>> schedule, PostingCaps caps, ZoneId zone,
			String context) {
		schedule.forEach((account, pins) -> {
			List<Instant> sorted = pins.stream().sorted().toList();
			assertThat(busiestWindow(sorted, Duration.ofHours(1))).as(context + " hour of " + account)
				.isLessThanOrEqualTo(caps.perHour());
			assertThat(busiestWindow(sorted, Duration.ofHours(24))).as(context + " 24 h of " + account)
				.isLessThanOrEqualTo(caps.perDay());
			Map<LocalDate, Long> perDay = sorted.stream()
				.collect(Collectors.groupingBy(pin -> pin.atZone(zone).toLocalDate(), Collectors.counting()));
			assertThat(perDay.values()).as(context + " days of " + account)
				.allSatisfy(pinsOnDay -> assertThat(pinsOnDay).isLessThanOrEqualTo(caps.perDay()));
		});
	}

	/** The most pins in any half-open window of this length (the busiest starts at a pin). */
	private static int busiestWindow(List<Instant> sorted, Duration length) {
		int busiest = 0;
		for (int begin = 0; begin < sorted.size(); begin++) {
			Instant end = sorted.get(begin).plus(length);
			int inside = 0;
			for (int i = begin; i < sorted.size() && sorted.get(i).isBefore(end); i++) {
				inside++;
			}
			busiest = Math.max(busiest, inside);
		}
		return busiest;
	}

	private static void assertWithinPostingHours(Instant slot, PostingHours hours) {
		assertWithinPostingHours(slot, hours, BERLIN, "");
	}

	private static void assertWithinPostingHours(Instant slot, PostingHours hours, ZoneId zone, String context) {
		LocalDateTime local = LocalDateTime.ofInstant(slot, zone);
		assertThat(local.toLocalTime()).as(context + " slot " + local).isAfterOrEqualTo(hours.from());
		if (!hours.until().equals(LocalTime.MIDNIGHT)) {
			assertThat(local.toLocalTime()).as(context + " slot " + local).isBefore(hours.until());
		}
	}

	private static List<LocalDate> localDays(Collection<Instant> slots) {
		return slots.stream().map(slot -> slot.atZone(BERLIN).toLocalDate()).toList();
	}
}

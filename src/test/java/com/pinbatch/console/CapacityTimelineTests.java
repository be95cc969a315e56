package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The review's timeline of the pins a Send would create, per account and hour. */
class CapacityTimelineTests {

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	@Test
	void onlyTheRowsToSendAreOnTheTimelineNotThoseAlreadyOnZernio() {
		// given: a file reviewed again after a send: one row still to send, the others on Zernio, refused or capped
		List<ReviewRow> rows = List.of(row(2, "VALID", "2030-01-03 09:00"), row(3, "PUBLISHED", ""),
				row(4, "SCHEDULED", "2030-01-03 10:00"), row(5, "CREATED", ""), row(6, "DUPLICATE", ""),
				row(7, "INVALID", ""), row(8, "FAILED", ""));

		// when
		List<CapacityTimeline> timelines = CapacityTimeline.of(rows, row -> "acme-home");

		// then: (before: every row but the refused ones, while the plan line said one pin)
		assertThat(timelines).singleElement().satisfies(timeline -> {
			assertThat(timeline.pins()).isEqualTo(1);
			assertThat(timeline.slots()).extracting(CapacityTimeline.Slot::hour).containsExactly("2030-01-03 09:00");
		});
	}

	@Test
	void aLongCalendarIsCountedPerDayAndItsFarEndInOneLine() {
		// given: 5,000 pins an hour apart (before: one line per hour, about 5,000, and the rows to fix far below)
		List<ReviewRow> rows = new ArrayList<>();
		LocalDateTime first = LocalDateTime.of(2027, 1, 1, 0, 0);
		for (int pin = 0; pin < 5_000; pin++) {
			rows.add(row(pin + 2, "VALID", first.plusHours(pin).format(HOUR) + " Europe/Berlin"));
		}

		// when
		CapacityTimeline timeline = CapacityTimeline.of(rows, row -> "acme-home").get(0);

		// then: 48 lines, days, the last counting the rest; every pin is counted
		assertThat(timeline.per()).isEqualTo("day");
		assertThat(timeline.slots()).hasSize(CapacityTimeline.MOST_LINES);
		assertThat(timeline.slots().get(0)).isEqualTo(new CapacityTimeline.Slot("2027-01-01 Europe/Berlin", 24, 100));
		assertThat(timeline.slots().get(CapacityTimeline.MOST_LINES - 1).hour()).isEqualTo("later (162 more days)");
		assertThat(timeline.slots().stream().mapToLong(CapacityTimeline.Slot::pins).sum()).isEqualTo(5_000);
	}

	@Test
	void aShortCalendarIsCountedPerHour() {
		List<CapacityTimeline> timelines = CapacityTimeline.of(List.of(row(2, "VALID", "2030-01-03 09:00"),
				row(3, "VALID", "2030-01-03 09:00"), row(4, "VALID", "")), row -> "acme-home");

		assertThat(timelines.get(0).per()).isEqualTo("hour");
		assertThat(timelines.get(0).slots()).extracting(CapacityTimeline.Slot::hour)
			.containsExactly("at once", "2030-01-03 09:00");
	}

	private static ReviewRow row(long number, String status, String hour) {
		return new ReviewRow(number, status, "Shelf " + number, "Kitchen Ideas", "acme-home", hour, hour, null, "",
				null, null, null, null, null, null);
	}
}

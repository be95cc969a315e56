package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The review's timeline of the pins a Send would create, per account and hour. */
class CapacityTimelineTests {

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

	private static ReviewRow row(long number, String status, String hour) {
		return new ReviewRow(number, status, "Shelf " + number, "Kitchen Ideas", "acme-home", hour, hour, null, "",
				null, null, null, null, null);
	}
}

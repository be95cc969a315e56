package com.pinbatch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class PostingHoursTests {

	@Test
	void readsAWindowOfLocalTimes() {
		assertThat(PostingHours.parse("08:00-20:00")).isEqualTo(PostingHours.defaults());
		assertThat(PostingHours.parse(" 09:30 - 17:45 "))
			.isEqualTo(new PostingHours(LocalTime.of(9, 30), LocalTime.of(17, 45)));
	}

	@Test
	void endOfDayIsWrittenAs2400() {
		PostingHours allDay = PostingHours.parse("00:00-24:00");

		assertThat(allDay.until()).isEqualTo(LocalTime.MIDNIGHT);
		assertThat(allDay).hasToString("00:00-24:00");
	}

	@Test
	void refusesWindowsThatAreUnreadableOrEndBeforeTheyStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> PostingHours.parse("8-20"))
			.withMessage("posting hours must look like 08:00-20:00 (local time, start before end), were \"8-20\"");
		assertThatIllegalArgumentException().isThrownBy(() -> PostingHours.parse("20:00-08:00"))
			.withMessageContaining("must start before they end");
	}
}

package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.pinbatch.result.RowStatus;

import org.junit.jupiter.api.Test;

class ReviewPageTests {

	@Test
	void sendGoesOnWithARunCutShortOnlyWhenRowsAreLeftToSendOrToLearn() {
		// a run stopped while it followed its pins: every row sent, some still publishing or scheduled
		assertThat(ReviewPage.goesOn(true, Map.of(RowStatus.PUBLISHED, 5L, RowStatus.DUPLICATE, 5L))).isTrue();
		assertThat(ReviewPage.goesOn(true, Map.of(RowStatus.SCHEDULED, 10L))).isTrue();
		// a run stopped while sending
		assertThat(ReviewPage.goesOn(true, Map.of(RowStatus.VALID, 3L, RowStatus.PUBLISHED, 2L))).isTrue();
		// nothing to send nor to learn, or no run cut short
		assertThat(ReviewPage.goesOn(true, Map.of(RowStatus.INVALID, 1L, RowStatus.PUBLISHED, 4L))).isFalse();
		assertThat(ReviewPage.goesOn(false, Map.of(RowStatus.DUPLICATE, 5L))).isFalse();
	}
}

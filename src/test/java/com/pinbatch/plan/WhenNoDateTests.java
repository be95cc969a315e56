package com.pinbatch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class WhenNoDateTests {

	@Test
	void readsEachChoiceInAnyCase() {
		assertThat(WhenNoDate.fromOption("now")).isEqualTo(WhenNoDate.NOW);
		assertThat(WhenNoDate.fromOption("Queue")).isEqualTo(WhenNoDate.QUEUE);
		assertThat(WhenNoDate.fromOption(" DRAFT ")).isEqualTo(WhenNoDate.DRAFT);
	}

	@Test
	void anAbsentOptionMeansNow() {
		assertThat(WhenNoDate.fromOption(null)).isEqualTo(WhenNoDate.NOW);
	}

	@Test
	void aBadValueNamesTheChoicesOnOneLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> WhenNoDate.fromOption("soon"))
			.withMessage("--when-no-date must be one of now, queue, draft, was \"soon\"");
		assertThatIllegalArgumentException().isThrownBy(() -> WhenNoDate.fromOption(""))
			.withMessageStartingWith("--when-no-date must be one of now, queue, draft");
	}

	@Test
	void spellsItselfAsOnTheCommandLine() {
		assertThat(WhenNoDate.QUEUE.optionValue()).isEqualTo("queue");
	}
}

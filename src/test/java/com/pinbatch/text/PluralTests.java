package com.pinbatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTests {

	@Test
	void oneIsSingularAndEveryOtherCountPlural() {
		assertThat(Plural.of(1, "row")).isEqualTo("1 row");
		assertThat(Plural.of(0, "row")).isEqualTo("0 rows");
		assertThat(Plural.of(2, "request")).isEqualTo("2 requests");
		assertThat(Plural.of(1_000_000, "row")).isEqualTo("1000000 rows");
	}
}

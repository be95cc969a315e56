package com.pinbatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FullWidthTests {

	@Test
	void fullWidthLettersDigitsSignsAndTheIdeographicSpaceReadAsPlainOnes() {
		assertThat(FullWidth.plain("画像ＵＲＬ　２０２７：３０（月）")).isEqualTo("画像URL 2027:30(月)");
	}

	@Test
	void everythingElseIsLeftAsItIs() {
		assertThat(FullWidth.plain("Título ｶﾀｶﾅ 😀 ~")).isEqualTo("Título ｶﾀｶﾅ 😀 ~");
	}
}

package com.pinbatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class FormatsTests {

	@Test
	void numbersKeepPlainDigitsWhateverTheMachinesLanguage() {
		Locale before = Locale.getDefault();
		try {
			for (String language : new String[] { "ar-EG", "fa-IR", "hi-IN-u-nu-deva", "de-DE", "tr-TR" }) {
				Locale.setDefault(Locale.forLanguageTag(language));

				assertThat(Formats.plain("%02d:%02d, row %d, %.1f MB", 9, 30, 1234, 2.5)).as(language)
					.isEqualTo("09:30, row 1234, 2.5 MB");
			}
		}
		finally {
			Locale.setDefault(before);
		}
	}
}

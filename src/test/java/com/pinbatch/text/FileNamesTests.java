package com.pinbatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Which file names a JVM can open, by the encoding its locale names files in. */
class FileNamesTests {

	@Test
	void aJvmStartedWithoutAUtf8LocaleOpensOnlyAsciiNames() {
		// cron's default: LANG unset, Java names files in ASCII
		assertThat(FileNames.canName("pins.csv", StandardCharsets.US_ASCII)).isTrue();
		assertThat(FileNames.canName("Café-pins.csv", StandardCharsets.US_ASCII)).isFalse();
		assertThat(FileNames.canName("img/Küche.png", StandardCharsets.US_ASCII)).isFalse();
	}

	@Test
	void aUtf8JvmOpensAnyNameItCouldRead() {
		assertThat(FileNames.canName("Café-pins.csv", StandardCharsets.UTF_8)).isTrue();
		assertThat(FileNames.canName("写真/ピン.png", StandardCharsets.UTF_8)).isTrue();
		// bytes the JVM could not read as a name (how an ASCII JVM receives "Café" on its command line)
		assertThat(FileNames.canName("Caf\uFFFD\uFFFD-pins.csv", StandardCharsets.UTF_8)).isFalse();
	}
}

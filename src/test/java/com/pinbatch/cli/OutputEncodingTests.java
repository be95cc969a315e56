package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** What the command prints in, by the system's encoding. */
class OutputEncodingTests {

	@Test
	void whereTheSystemsEncodingIsAsciiTheCommandPrintsUtf8() {
		// cron's default: LANG unset
		assertThat(OutputEncoding.of(StandardCharsets.US_ASCII)).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void elsewhereItPrintsInTheSystemsOwn() {
		assertThat(OutputEncoding.of(StandardCharsets.UTF_8)).isEqualTo(StandardCharsets.UTF_8);
		assertThat(OutputEncoding.of(Charset.forName("windows-1252"))).isEqualTo(Charset.forName("windows-1252"));
		assertThat(OutputEncoding.of(StandardCharsets.ISO_8859_1)).isEqualTo(StandardCharsets.ISO_8859_1);
	}
}

package com.pinbatch.input;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DelimiterSnifferTests {

	@Test
	void mostFrequentDelimiterOfTheFirstLineWins() {
		assertThat(DelimiterSniffer.sniff("a,b,c\n1;2;3;4;5;6")).isEqualTo(',');
		assertThat(DelimiterSniffer.sniff("a;b;c,d\r\n")).isEqualTo(';');
		assertThat(DelimiterSniffer.sniff("a\tb\tc;d")).isEqualTo('\t');
	}

	@Test
	void ignoresDelimitersInsideQuotesAndLineBreaksInsideQuotes() {
		assertThat(DelimiterSniffer.sniff("\"a,b,c\nd,e\";f;\"g\"\"h,i\"")).isEqualTo(';');
	}

	@Test
	void passesOverATitleLineWithoutDelimiters() {
		assertThat(DelimiterSniffer.sniff("Pinterest plan \u2013 May 2027\r\n\r\ntitle;media_url;board\r\na;b;c"))
			.isEqualTo(';');
	}

	@Test
	void skipsLeadingEmptyLines() {
		assertThat(DelimiterSniffer.sniff("\r\n\r\na;b")).isEqualTo(';');
	}

	@Test
	void fallsBackToCommaWhenNothingOrTied() {
		assertThat(DelimiterSniffer.sniff("title")).isEqualTo(',');
		assertThat(DelimiterSniffer.sniff("")).isEqualTo(',');
		assertThat(DelimiterSniffer.sniff("a,b;c")).isEqualTo(',');
	}
}

package com.pinbatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTests {

	@Test
	void aRegisteredKeyAndAnyBearerTokenAreHiddenFromMessages() {
		SafeText.hide("sk_live_registered_0123456789");

		String line = SafeText.line("invalid header value: \"Bearer sk_live_registered_0123456789\" and "
				+ "Authorization: Bearer abc.def.ghi, then sk_test_unregistered99 alone");

		assertThat(line).startsWith("invalid header value: \"Bearer (hidden)")
			.contains("Authorization: Bearer (hidden)")
			.endsWith("then (hidden) alone")
			.doesNotContain("registered_0123456789", "abc.def.ghi", "unregistered99");
		assertThat(SafeText.cell("key sk_live_registered_0123456789 here")).isEqualTo("key (hidden) here");
	}

	@Test
	void aKeySpreadOutByControlOrInvisibleCharactersIsHiddenToo() {
		// a server's answer that quotes the key with an escape or a zero-width space between its letters (before: the
		// escape was removed after the key was looked for, which joined it again; the zero-width space stayed in the
		// cell, the key looking whole)
		SafeText.hide("sk_live_Spread0ut_0123456789");
		String answer = "alt=sk_li\u001Bve_Spread0ut_0123456789 zw=sk_live_Spread\u200B0ut_0123456789 end";

		assertThat(SafeText.cell(answer)).isEqualTo("alt=(hidden) zw=(hidden) end");
		assertThat(SafeText.line(answer)).isEqualTo("alt=(hidden) zw=(hidden) end");
		assertThat(SafeText.output(answer)).isEqualTo("alt=(hidden) zw=(hidden) end");
	}

	@Test
	void aKeyAServerWritesBackUpperCasedOrPercentEncodedIsHiddenToo() {
		// a key of no known form, as a hostile server quoted it in a pin URL's query and a message (before: kept)
		SafeText.hide("Zk9+Q/w=Secret0abc");

		assertThat(SafeText.cell("https://pin.example/?k=Zk9%2BQ%2Fw%3DSecret0abc&x=zk9%2bq%2fw%3dsecret0abc"))
			.isEqualTo("https://pin.example/?k=(hidden)&x=(hidden)");
		assertThat(SafeText.withoutSecrets("your key ZK9+Q/W=SECRET0ABC is wrong")).isEqualTo("your key (hidden) is wrong");
	}

	@Test
	void keysOfZerniosOtherFormsAreHiddenFromMessagesUnregistered() {
		assertThat(SafeText.line("rejected sk_" + "a1b2c3d4".repeat(8) + " and zrk_" + "Q".repeat(30) + "!"))
			.isEqualTo("rejected (hidden) and (hidden)!");
		// a board, an SKU, a word are not keys
		assertThat(SafeText.line("sk_Scandinavianliving2031 sk_0000111122223333 zrk_anything_goes_here"))
			.isEqualTo("sk_Scandinavianliving2031 sk_0000111122223333 zrk_anything_goes_here");
	}

	@Test
	void terminalControlsAreRemovedAndLineBreaksKeptOnlyInCells() {
		String hostile = "acme\u001B[2J\u0007-home\rFAKE\u009B31m \u202Eevil\u200B\nnext\ttab";

		assertThat(SafeText.line(hostile)).isEqualTo("acme[2J-home FAKE31m evil next tab");
		assertThat(SafeText.cell(hostile)).isEqualTo("acme[2J-home\nFAKE31m evil\u200B\nnext\ttab");
	}

	@Test
	void aLongLineLosesItsMiddleNotItsEndWhichSaysWhatToDo() {
		String path = "/srv/" + "d/".repeat(1_500) + "pins.csv";

		String line = SafeText.line(path + " is not a pinbatch result file, which --retry-failed takes");

		assertThat(line).startsWith("/srv/d/d/").contains("…")
			.endsWith("d/pins.csv is not a pinbatch result file, which --retry-failed takes");
		assertThat(line.length()).isLessThanOrEqualTo(SafeText.MAX_LINE + 1);
		// nor half an emoji, wherever the cut falls
		String emoji = "\uD83D\uDE00".repeat(1_500);
		assertThat(SafeText.line(emoji)).matches("(\uD83D\uDE00)+…(\uD83D\uDE00)+");
		assertThat(SafeText.line("x" + emoji)).matches("x(\uD83D\uDE00)+…(\uD83D\uDE00)+");
	}

	@Test
	void emojiSequencesKeepTheirJoiners() {
		String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";

		assertThat(SafeText.cell("Family " + family)).isEqualTo("Family " + family);
		assertThat(SafeText.line("Family " + family)).isEqualTo("Family " + family);
	}

	/**
	 * A retry sends a cell as the result file holds it. Before, the file lost every zero-width character and mark
	 * but a joiner between two symbols: a cook became a woman and a pan, a rainbow flag a white one and a rainbow,
	 * a Persian word was misspelt.
	 */
	@Test
	void aCellKeepsTheZeroWidthCharactersAndMarksWordsAreWrittenWithButNotDirectionOverrides() {
		String cook = "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83C\uDF73"; // after a skin tone
		String rainbowFlag = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08"; // after a variation selector
		String persian = "\u0646\u0627\u0645\u0647\u200C\u0647\u0627"; // a non-joiner
		String words = "Chef " + cook + " / " + rainbowFlag + " / " + persian + " / \u05E9\u200F / co\u00ADop";

		assertThat(SafeText.cell(words)).isEqualTo(words);
		assertThat(SafeText.cell("deal\u202E\u2066gpj.exe\u2069")).as("overrides and isolates")
			.isEqualTo("dealgpj.exe");
		assertThat(SafeText.line(words)).as("a line of output keeps a joiner between symbols only")
			.isEqualTo("Chef \uD83D\uDC69\uD83C\uDFFD\uD83C\uDF73 / \uD83C\uDFF3\uFE0F\uD83C\uDF08 / "
					+ "\u0646\u0627\u0645\u0647\u0647\u0627 / \u05E9 / coop");
	}
}

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
	void terminalControlsAreRemovedAndLineBreaksKeptOnlyInCells() {
		String hostile = "acme\u001B[2J\u0007-home\rFAKE\u009B31m \u202Eevil\u200B\nnext\ttab";

		assertThat(SafeText.line(hostile)).isEqualTo("acme[2J-home FAKE31m evil next tab");
		assertThat(SafeText.cell(hostile)).isEqualTo("acme[2J-home\nFAKE31m evil\nnext\ttab");
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
		assertThat(SafeText.cell("\u200D=1+1")).isEqualTo("=1+1");
	}
}

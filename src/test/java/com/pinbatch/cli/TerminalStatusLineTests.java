package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The live progress line and the log lines printed while it shows. */
class TerminalStatusLineTests {

	private static final String CLEAR = "\r\u001b[K";

	private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

	private final TerminalStatusLine line = new TerminalStatusLine(new PrintStream(screen, true, StandardCharsets.UTF_8));

	private final PrintStream out = new PrintStream(line, true, StandardCharsets.UTF_8);

	@Test
	void aLogLineClearsTheProgressLineAndItIsDrawnAgainBelow() {
		line.show("3/10 rows");

		out.println("12:00:01 INFO  waiting 30 s: Zernio's request window is used up");

		assertThat(screen.toString(StandardCharsets.UTF_8)).isEqualTo(CLEAR + "3/10 rows" + CLEAR
				+ "12:00:01 INFO  waiting 30 s: Zernio's request window is used up\n" + "3/10 rows");
	}

	@Test
	void aHalfPrintedLineIsNotWipedByARedraw() {
		out.print("results: ");

		line.show("4/10 rows");
		out.println("x.csv");

		assertThat(screen.toString(StandardCharsets.UTF_8)).isEqualTo("results: x.csv\n4/10 rows");
	}

	@Test
	void clearingLeavesNoProgressLineBehind() {
		line.show("10/10 rows");

		line.clear();
		out.println("done");

		assertThat(screen.toString(StandardCharsets.UTF_8)).isEqualTo(CLEAR + "10/10 rows" + CLEAR + "done\n");
	}
}

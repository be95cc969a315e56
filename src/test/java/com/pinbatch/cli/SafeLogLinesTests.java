package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;

/**
 * What a server says, quoted in a log line (--verbose), reaches the terminal as text. Before: raw, so an account's
 * name from a hostile Zernio drew escape sequences, forged a log line of its own and printed a key.
 */
class SafeLogLinesTests {

	private static final String HOSTILE = "acc\u001b[31mRED\u001b[0m\n21:50:46 INFO  forged: key sk_test_SECRETSECRET"
			+ " \u202eeulav";

	@Test
	void aMessageIsOneLineOfTextWithTheKeyHidden() {
		String line = format("sending to account " + HOSTILE, null);

		assertThat(line).isEqualTo("sending to account acc[31mRED[0m 21:50:46 INFO  forged: key (hidden) eulav\n");
	}

	@Test
	void anExceptionKeepsItsFramesButNotItsEscapesTheKeyOrALineItsMessageForges() {
		String lines = format("the step failed", new IllegalStateException("Zernio said " + HOSTILE,
				new IllegalArgumentException("cause\n\npinbatch: 20 rows: 20 PUBLISHED\n\tat forged.Frame(F.java:1)"
						+ "\nCaused by: forged")));

		assertThat(lines).startsWith("the step failed\njava.lang.IllegalStateException: Zernio said acc[31mRED[0m"
				+ " 21:50:46 INFO  forged: key (hidden)")
			.doesNotContain("\u001b", "\u202e", "SECRETSECRET")
			.contains("Caused by: java.lang.IllegalArgumentException: cause  pinbatch: 20 rows: 20 PUBLISHED  at"
					+ " forged.Frame(F.java:1) Caused by: forged\n")
			.contains(" at com.pinbatch.cli.SafeLogLinesTests"); // tabs as spaces, as the command prints
		assertThat(lines.lines().skip(2)).as("every line after the message's: a frame, a cause or frames omitted")
			.allMatch(line -> line.matches(" *(at |\\.\\.\\. \\d+ |Caused by: ).*"), "a trace's own line");
	}

	/** As the application's console pattern (application.yml) writes an event, less its time, level and logger. */
	private static String format(String message, Throwable thrown) {
		SafeLogLines.install();
		LoggerContext context = new LoggerContext();
		PatternLayout layout = new PatternLayout();
		layout.setContext(context);
		layout.setPattern("%msg%n%ex");
		layout.start();
		LoggingEvent event = new LoggingEvent(SafeLogLinesTests.class.getName(), context.getLogger("test"),
				Level.INFO, message, thrown, null);
		return layout.doLayout(event);
	}
}

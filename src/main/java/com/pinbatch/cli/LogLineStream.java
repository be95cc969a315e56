package com.pinbatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PrintStream whose every line becomes an INFO log event: with {@code --log-format=json} the run's report (start,
 * summary) reaches a log shipper as JSON like everything else, instead of breaking the stream with plain text.
 */
final class LogLineStream extends OutputStream {

	private static final Logger LOG = LoggerFactory.getLogger("com.pinbatch.report");

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private LogLineStream() {
	}

	static PrintStream create() {
		return new PrintStream(new LogLineStream(), true, StandardCharsets.UTF_8);
	}

	@Override
	public synchronized void write(int b) {
		if (b == '\n') {
			String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
			line.reset();
			if (!text.isEmpty()) {
				LOG.info(text);
			}
		}
		else {
			line.write(b);
		}
	}
}

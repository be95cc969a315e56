package com.pinbatch.cli;

import java.util.regex.Pattern;

import com.pinbatch.text.SafeText;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Log lines through the one sanitiser ({@link SafeText}): a message or an exception often quotes what a server or
 * a cell said (an account's name, an error body), and a log line goes to the same terminal as the command's own.
 * Logback's words for the message ({@code %msg}) and the exception ({@code %ex}) are given these converters for
 * every pattern, before the logging system is configured: a message is one line, without escape sequences or
 * bidirectional overrides, the key hidden (a line break in it would forge a log line of its own); an exception keeps
 * its trace's lines, a line break in one of its messages joined the same way. The JSON log lines (--log-format=json) are escaped by their encoder and carry the key hidden already.
 */
final class SafeLogLines {

	private SafeLogLines() {
	}

	static void install() {
		for (String word : new String[] { "m", "msg", "message" }) {
			PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.put(word, SafeMessage::new);
		}
		for (String word : new String[] { "ex", "exception", "throwable" }) {
			PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.put(word, SafeException::new);
		}
	}

	/** {@code %msg}, made safe. */
	static final class SafeMessage extends MessageConverter {

		@Override
		public String convert(ILoggingEvent event) {
			return SafeText.line(super.convert(event));
		}
	}

	/** {@code %ex}, made safe: a line break inside a message joins its next line to it, frames keep theirs. */
	static final class SafeException extends ThrowableProxyConverter {

		/** The lines Logback writes of a trace after its first: frames, causes, suppressed, frames omitted. */
		private static final Pattern TRACE_LINE = Pattern.compile(
				"\\s*(at |\\.\\.\\. \\d+ |Caused by: |Suppressed: |Wrapped by: ).*");

		@Override
		protected String throwableProxyToString(IThrowableProxy throwable) {
			String[] lines = SafeText.output(super.throwableProxyToString(throwable)).split("\n", -1);
			StringBuilder trace = new StringBuilder(lines[0]);
			for (int i = 1; i < lines.length; i++) {
				boolean own = lines[i].isEmpty() || TRACE_LINE.matcher(lines[i]).matches();
				trace.append(own ? "\n" : " ").append(lines[i]);
			}
			return trace.toString();
		}
	}
}

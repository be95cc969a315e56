package com.pinbatch.cli;

import java.util.Arrays;

import com.pinbatch.text.SafeText;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * Log lines through the one sanitiser ({@link SafeText}): a message or an exception often quotes what a server or
 * a cell said (an account's name, an error body), and a log line goes to the same terminal as the command's own.
 * Logback's words for the message ({@code %msg}) and the exception ({@code %ex}) are given these converters for
 * every pattern, before the logging system is configured: a message is one line, without escape sequences or
 * bidirectional overrides, the key hidden (a line break in it would forge a log line of its own); an exception keeps
 * its trace's lines, a line break in one of its messages joined the same way. The JSON log lines
 * (--log-format=json) are escaped by their encoder and carry the key hidden already.
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

	/**
	 * {@code %ex}, made safe: each message of the trace (the exception's, its causes' and suppressed ones') is one
	 * line, as {@code %msg} is, before Logback lays the trace out; the frames keep their lines. Sorting the written
	 * lines instead let a message's blank line, or a line of it shaped as a frame, stand on its own.
	 */
	static final class SafeException extends ThrowableProxyConverter {

		@Override
		protected String throwableProxyToString(IThrowableProxy throwable) {
			return SafeText.output(super.throwableProxyToString(OneLineMessages.of(throwable)));
		}
	}

	/** A trace whose messages are each one line; the rest as it was. */
	private record OneLineMessages(IThrowableProxy trace) implements IThrowableProxy {

		static IThrowableProxy of(IThrowableProxy trace) {
			return trace == null ? null : new OneLineMessages(trace);
		}

		@Override
		public String getMessage() {
			return SafeText.line(trace.getMessage());
		}

		@Override
		public String getOverridingMessage() {
			return SafeText.line(trace.getOverridingMessage());
		}

		@Override
		public String getClassName() {
			return trace.getClassName();
		}

		@Override
		public StackTraceElementProxy[] getStackTraceElementProxyArray() {
			return trace.getStackTraceElementProxyArray();
		}

		@Override
		public int getCommonFrames() {
			return trace.getCommonFrames();
		}

		@Override
		public IThrowableProxy getCause() {
			return of(trace.getCause());
		}

		@Override
		public IThrowableProxy[] getSuppressed() {
			IThrowableProxy[] suppressed = trace.getSuppressed();
			return suppressed == null ? null : Arrays.stream(suppressed).map(OneLineMessages::of)
				.toArray(IThrowableProxy[]::new);
		}

		@Override
		public boolean isCyclic() {
			return trace.isCyclic();
		}
	}
}

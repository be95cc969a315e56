package com.pinbatch.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * The live progress line at the bottom of a terminal. It replaces {@code System.out}, so that everything else
 * printed there (log lines, the summary) first clears the progress line, is printed on a line of its own, and the
 * progress line is drawn again below it: the log is never garbled. Only used when the output is a terminal.
 */
final class TerminalStatusLine extends OutputStream {

	private static final String CLEAR_LINE = "\r\u001b[K";

	private static volatile TerminalStatusLine installed;

	private final PrintStream terminal;

	private final Charset charset;

	private String status = "";

	private boolean showing;

	/** Someone printed part of a line: the progress line waits for its end rather than wipe it. */
	private boolean midLine;

	TerminalStatusLine(PrintStream terminal) {
		this.terminal = terminal;
		this.charset = Charset.defaultCharset();
	}

	/** Installs the line when standard output is an interactive terminal; otherwise leaves everything as it is. */
	static void installIfTerminal() {
		String term = System.getenv("TERM");
		if (System.console() == null || "dumb".equals(term)) {
			return;
		}
		TerminalStatusLine line = new TerminalStatusLine(System.out);
		System.setOut(new PrintStream(line, true, line.charset));
		installed = line;
	}

	/** The installed line, or null when the output is not a terminal. */
	static TerminalStatusLine current() {
		return installed;
	}

	/** Draws {@code text} as the progress line, replacing the previous one. */
	synchronized void show(String text) {
		status = text;
		if (midLine) {
			return;
		}
		terminal.print(CLEAR_LINE + status);
		terminal.flush();
		showing = true;
	}

	/** Removes the progress line (the run is over). */
	synchronized void clear() {
		hide();
		status = "";
	}

	@Override
	public synchronized void write(int b) {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public synchronized void write(byte[] bytes, int offset, int length) {
		if (length == 0) {
			return;
		}
		hide();
		terminal.write(bytes, offset, length);
		midLine = bytes[offset + length - 1] != '\n';
		if (!midLine && !status.isEmpty()) {
			terminal.print(status);
			showing = true;
		}
		terminal.flush();
	}

	@Override
	public synchronized void flush() {
		terminal.flush();
	}

	private void hide() {
		if (showing) {
			terminal.print(CLEAR_LINE);
			showing = false;
		}
	}
}

package com.pinbatch.text;

import java.io.PrintStream;

/**
 * Passes text on to another print stream through {@link SafeText#output}, in that stream's own encoding. Text
 * arrives through print and println (and format, append and printf, which end there).
 */
final class SafePrintStream extends PrintStream {

	private final PrintStream target;

	SafePrintStream(PrintStream target) {
		super(target, true);
		this.target = target;
	}

	@Override
	public void print(String text) {
		target.print(SafeText.output(String.valueOf(text)));
	}

	@Override
	public void print(Object value) {
		print(String.valueOf(value));
	}

	@Override
	public void print(char[] chars) {
		print(new String(chars));
	}

	@Override
	public void print(char c) {
		print(String.valueOf(c));
	}

	@Override
	public void println() {
		target.println();
	}

	@Override
	public void println(String text) {
		synchronized (target) {
			print(text);
			target.println();
		}
	}

	@Override
	public void println(Object value) {
		println(String.valueOf(value));
	}

	@Override
	public void println(char[] chars) {
		println(new String(chars));
	}

	@Override
	public void flush() {
		target.flush();
	}
}

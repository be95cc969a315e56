package com.pinbatch.console;

/**
 * Zernio refusing the console's API key, in the words of the person at the browser: they did not give the key and
 * cannot change it (the command line's "check ZERNIO_API_KEY" is for whoever started the console), and neither Send
 * again nor a corrected result file gets further until the console has another key.
 */
final class KeyRefusal {

	/** What a person at the browser can do. */
	static final String ADVICE = "ask whoever runs the console to start it again with a Zernio API key that Zernio"
			+ " accepts; nothing more is sent until then";

	private KeyRefusal() {
	}

	/** The line with the command line's advice about the key replaced by {@link #ADVICE}. */
	static String shown(String line) {
		return line.replace("check ZERNIO_API_KEY", ADVICE)
			.replace("and give it in ZERNIO_API_KEY", "then " + ADVICE);
	}

	/** Whether a line (as {@link #shown}) says the key was refused. */
	static boolean says(String shownLine) {
		return shownLine != null && shownLine.contains(ADVICE);
	}
}

package com.pinbatch.input;

/**
 * Picks the CSV delimiter from the header line: comma, semicolon (Excel in locales with a decimal comma) or
 * tab. The one that occurs most often outside quotes wins; a single-column header means comma.
 */
final class DelimiterSniffer {

	/** Candidates in order of preference when counts tie. */
	private static final char[] CANDIDATES = { ',', ';', '\t' };

	private DelimiterSniffer() {
	}

	/**
	 * @param text the start of the file; only its first non-empty line (line breaks inside quotes included)
	 *             is read
	 */
	static char sniff(CharSequence text) {
		int[] counts = new int[CANDIDATES.length];
		boolean quoted = false;
		int start = 0;
		while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
			start++;
		}
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				// a doubled quote inside a quoted cell toggles twice, which leaves the state as it was
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted) {
				count(c, counts);
			}
		}
		int best = 0;
		for (int i = 1; i < counts.length; i++) {
			if (counts[i] > counts[best]) {
				best = i;
			}
		}
		return CANDIDATES[best];
	}

	static String describe(char delimiter) {
		if (delimiter == ';') {
			return "semicolon";
		}
		return delimiter == '\t' ? "tab" : "comma";
	}

	private static void count(char c, int[] counts) {
		for (int i = 0; i < CANDIDATES.length; i++) {
			if (CANDIDATES[i] == c) {
				counts[i]++;
			}
		}
	}
}

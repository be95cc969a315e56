package com.pinbatch.input;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the CSV delimiter from the header line: comma, semicolon (Excel in locales with a decimal comma) or tab; or
 * the one Excel's first line "sep=|" names.
 * The one that occurs most often outside quotes wins; a single-column header means comma. A first line without any
 * (a title someone typed above the header) is passed over for the first line below with two or more of one.
 */
final class DelimiterSniffer {

	/** Candidates in order of preference when counts tie. */
	private static final char[] CANDIDATES = { ',', ';', '\t' };

	/** How many lines without a delimiter (a title, blank lines) may come before the header. */
	private static final int TITLE_LINES = HeaderSearch.MAX_ROWS;

	/** Excel's first line that names the delimiter, any one character: "sep=;", "sep=|". */
	private static final Pattern SEPARATOR_LINE = Pattern.compile("sep=([^\"\\r\\n])(?:\\r|\\n|$)",
			Pattern.CASE_INSENSITIVE);

	private DelimiterSniffer() {
	}

	/**
	 * @param text the start of the file; lines (line breaks inside quotes included) are read up to the first that
	 *             holds a candidate
	 */
	static char sniff(CharSequence text) {
		int[] counts = new int[CANDIDATES.length];
		boolean quoted = false;
		int start = 0;
		while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
			start++;
		}
		Matcher separatorLine = SEPARATOR_LINE.matcher(text).region(start, text.length());
		if (separatorLine.lookingAt()) {
			return separatorLine.group(1).charAt(0);
		}
		boolean firstLine = true;
		int lines = 0;
		for (int i = start; i < text.length() && lines < TITLE_LINES; i++) {
			char c = text.charAt(i);
			if (c == '"') {
				// a doubled quote inside a quoted cell toggles twice, which leaves the state as it was
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				// the first line decides when it has a delimiter; below a bare title, a header of 3 columns or more
				int found = counts[best(counts)];
				if (found >= (firstLine ? 1 : 2)) {
					return CANDIDATES[best(counts)];
				}
				firstLine = false;
				lines++;
				java.util.Arrays.fill(counts, 0);
			}
			else if (!quoted) {
				count(c, counts);
			}
		}
		return counts[best(counts)] >= (firstLine ? 1 : 2) ? CANDIDATES[best(counts)] : CANDIDATES[0];
	}

	private static int best(int[] counts) {
		int best = 0;
		for (int i = 1; i < counts.length; i++) {
			if (counts[i] > counts[best]) {
				best = i;
			}
		}
		return best;
	}

	static String describe(char delimiter) {
		return switch (delimiter) {
			case ';' -> "semicolon";
			case '\t' -> "tab";
			case ',' -> "comma";
			default -> "'" + delimiter + "'";
		};
	}

	/** Whether the delimiter is found in a file without a "sep=" line that names it. */
	static boolean sniffable(char delimiter) {
		return new String(CANDIDATES).indexOf(delimiter) >= 0;
	}

	/** Whether a line's cells are Excel's line that names the delimiter ("sep=;" read with ';' is "sep=" and ""). */
	static boolean isSeparatorLine(List<String> cells) {
		return cells.size() == 2 && cells.get(0).equalsIgnoreCase("sep=") && cells.get(1).isEmpty();
	}

	private static void count(char c, int[] counts) {
		for (int i = 0; i < CANDIDATES.length; i++) {
			if (CANDIDATES[i] == c) {
				counts[i]++;
			}
		}
	}
}

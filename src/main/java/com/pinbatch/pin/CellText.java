package com.pinbatch.pin;

import java.util.function.IntPredicate;

import com.pinbatch.input.BlankCells;
import com.pinbatch.text.FullWidth;

/**
 * What spreadsheets leave around the text of a cell: non-breaking spaces (pasted from web pages), zero-width
 * characters and byte order marks (pasted from chat apps and Word), and around URLs the curly quotes that
 * autocorrect types for straight ones.
 */
final class CellText {

	private CellText() {
	}

	/** The value without any kind of space or invisible character at either end. */
	static String trim(String value) {
		return withoutAtEnds(value, CellText::isPadding);
	}

	private static String withoutAtEnds(String value, IntPredicate removed) {
		int start = 0;
		int end = value.length();
		while (start < end && removed.test(value.charAt(start))) {
			start++;
		}
		while (end > start && removed.test(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(start, end);
	}

	/**
	 * The value without control characters (a terminal's escape, a bell, what a copy from a console or a database
	 * export leaves), which a pin would carry unseen; tabs and line breaks stay.
	 */
	static String withoutControls(String value) {
		if (!hasControl(value)) {
			return value;
		}
		StringBuilder kept = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!isControl(c)) {
				kept.append(c);
			}
		}
		return kept.toString();
	}

	/** (Loops, not streams, here and below: they run for every cell of every row, twice a run.) */
	static boolean hasControl(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (isControl(value.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	static boolean isControl(int c) {
		return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
	}

	/** A URL without the quotes, curly or straight, that wrap it whole. */
	static String unquoteUrl(String value) {
		if (value.length() >= 2 && isQuote(value.charAt(0)) && isQuote(value.charAt(value.length() - 1))) {
			return trim(value.substring(1, value.length() - 1));
		}
		return value;
	}

	/**
	 * A cell without the apostrophe in front that tells a spreadsheet to keep it as typed ({@code '2027-04-03 14:00},
	 * {@code 'https://…}), which Excel hides; for the cells (addresses, dates) no text of which starts with one.
	 */
	static String withoutTextMarker(String value) {
		return value.length() >= 2 && value.charAt(0) == '\'' && !isQuote(value.charAt(1))
				&& value.indexOf('\'', 1) < 0 ? trim(value.substring(1)) : value;
	}

	/**
	 * The text of Excel's {@code ="..."} idiom, which keeps a long id or a leading zero from being turned into a
	 * number (CSV exports write it that way, and Excel shows only the text); any other value as it is.
	 */
	static String unwrapTextFormula(String value) {
		if (value.length() >= 3 && value.startsWith("=\"") && value.endsWith("\"")) {
			String inner = value.substring(2, value.length() - 1);
			if (!inner.replace("\"\"", "").contains("\"")) {
				return trim(inner.replace("\"\"", "\""));
			}
		}
		return value;
	}

	static boolean hasCurlyQuote(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019') {
				return true;
			}
		}
		return false;
	}

	private static boolean isQuote(char c) {
		return c == '"' || c == '\'' || c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019'
				|| c == '\u00AB' || c == '\u00BB';
	}

	/**
	 * A name or a date as it is matched or read: without direction marks at either end (a right-to-left sheet's cells
	 * often start with one: the date was "not a date"), and every kind of space in it a plain one (a board copied
	 * from a web page holds a no-break space, a time that macOS or a browser wrote a narrow one before its AM or PM:
	 * each looked right and was not found, or not read).
	 */
	static String asNameOrDate(String value) {
		String unmarked = withoutDirectionMarks(value);
		return withPlainSpaces(unmarked.length() == value.length() ? value : trim(unmarked));
	}

	/**
	 * A publish date or time as it is read: {@link #asNameOrDate}, with the direction marks inside it left out too
	 * (an Arabic date as locale software writes it, with a mark after each part), its digits of other scripts as
	 * ASCII ones (Arabic, Persian, Devanagari, and those outside the basic plane) and full-width letters, digits and
	 * signs as plain ones (２０２７／０３／０１ ０９：３０, as a Japanese keyboard types it): every reader of dates then
	 * sees the same text.
	 */
	static String asDate(String value) {
		String date = asNameOrDate(value);
		StringBuilder plain = null;
		for (int i = 0; i < date.length();) {
			int c = date.codePointAt(i);
			int as = isDirectionMark(c) ? -1 : c > 127 && Character.isDigit(c) ? '0' + Character.digit(c, 10)
					: FullWidth.plain(c);
			if (as != c && plain == null) {
				plain = new StringBuilder(date.length()).append(date, 0, i);
			}
			if (plain != null && as >= 0) {
				plain.appendCodePoint(as);
			}
			i += Character.charCount(c);
		}
		return plain == null ? date : plain.toString();
	}

	private static String withPlainSpaces(String value) {
		StringBuilder plain = null;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != ' ' && Character.isSpaceChar(c)) {
				plain = plain == null ? new StringBuilder(value) : plain;
				plain.setCharAt(i, ' ');
			}
		}
		return plain == null ? value : plain.toString();
	}

	/** {@code value} without the direction marks at its ends. */
	static String withoutDirectionMarks(String value) {
		return withoutAtEnds(value, CellText::isDirectionMark);
	}

	/**
	 * The direction mark that {@code value} starts with, named as a user can look it up ("U+200F, a right-to-left
	 * mark"), or null when it starts with none.
	 */
	static String leadingDirectionMark(String value) {
		if (value.isEmpty() || !isDirectionMark(value.charAt(0))) {
			return null;
		}
		char mark = value.charAt(0);
		return String.format("U+%04X, %s", (int) mark, switch (mark) {
			case '\u200E' -> "a left-to-right mark";
			case '\u200F' -> "a right-to-left mark";
			default -> "an Arabic letter mark";
		});
	}

	private static boolean isDirectionMark(int c) {
		return c == '\u200E' || c == '\u200F' || c == '\u061C';
	}

	private static boolean isPadding(int c) {
		return BlankCells.showsNothing(c) || c == '\u00AD';
	}
}

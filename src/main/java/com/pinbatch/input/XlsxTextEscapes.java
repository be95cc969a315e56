package com.pinbatch.input;

/**
 * Excel's escapes in a cell's text: characters XML cannot hold (carriage return, other control characters) are
 * written _xHHHH_, and a literal "_xHHHH_" in the text is itself written _x005F_xHHHH_. Both ways in one place, so
 * that a workbook pinbatch writes reads back as the one it read.
 */
public final class XlsxTextEscapes {

	private XlsxTextEscapes() {
	}

	/** The text a cell's written value stands for. */
	public static String decode(String value) {
		if (value.indexOf("_x") < 0) {
			return value;
		}
		StringBuilder decoded = new StringBuilder(value.length());
		int i = 0;
		while (i < value.length()) {
			if (isEscape(value, i)) {
				decoded.append((char) Integer.parseInt(value.substring(i + 2, i + 6), 16));
				i += 7;
			}
			else {
				decoded.append(value.charAt(i++));
			}
		}
		return decoded.toString();
	}

	/**
	 * The text with each literal "_xHHHH_" kept from being read as an escape: what a writer that does not do it
	 * (POI's) must be given, or "x_x000D_y" reads back as a line break.
	 */
	public static String encodeLiterals(String text) {
		if (text.indexOf("_x") < 0) {
			return text;
		}
		StringBuilder encoded = new StringBuilder(text.length() + 6);
		for (int i = 0; i < text.length(); i++) {
			if (isEscape(text, i)) {
				encoded.append("_x005F");
			}
			encoded.append(text.charAt(i));
		}
		return encoded.toString();
	}

	private static boolean isEscape(String value, int at) {
		if (at + 7 > value.length() || value.charAt(at) != '_' || value.charAt(at + 1) != 'x'
				|| value.charAt(at + 6) != '_') {
			return false;
		}
		for (int i = at + 2; i < at + 6; i++) {
			if (Character.digit(value.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}
}

package com.pinbatch.text;

/**
 * Full-width letters, digits and signs ({@code ＵＲＬ}, {@code ２０２７：３０}) and the ideographic space, as a Japanese,
 * Chinese or Korean keyboard types them, read as their plain ASCII selves.
 */
public final class FullWidth {

	private static final int FIRST = 0xFF01;
	private static final int LAST = 0xFF5E;
	private static final int SHIFT = 0xFEE0;
	private static final int IDEOGRAPHIC_SPACE = 0x3000;

	private FullWidth() {
	}

	public static int plain(int c) {
		if (c == IDEOGRAPHIC_SPACE) {
			return ' ';
		}
		return c >= FIRST && c <= LAST ? c - SHIFT : c;
	}

	public static String plain(String text) {
		StringBuilder plain = new StringBuilder(text.length());
		text.codePoints().map(FullWidth::plain).forEach(plain::appendCodePoint);
		return plain.toString();
	}
}

package com.pinbatch.pin;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form in which headers are compared: "Media URL", "media_url", "MEDIA-URL", "mediaUrl" and "Media URL:" are one
 * header, and "Título" and "Titulo" are another.
 */
final class HeaderKey {

	private static final int FULL_WIDTH_FIRST = 0xFF01;
	private static final int FULL_WIDTH_LAST = 0xFF5E;
	private static final int FULL_WIDTH_SHIFT = 0xFEE0;

	private HeaderKey() {
	}

	static String of(String header) {
		StringBuilder key = new StringBuilder(header.length());
		// accents are ignored: "Título" is typed "Titulo" as often, and a Mac writes its accents apart (NFD)
		Normalizer.normalize(header, Normalizer.Form.NFD).codePoints()
			.map(HeaderKey::plainWidth)
			.filter(c -> !ignored(c) && Character.getType(c) != Character.NON_SPACING_MARK)
			.forEach(key::appendCodePoint);
		return key.toString().toLowerCase(Locale.ROOT);
	}

	/** A full-width letter, digit or sign (画像ＵＲＬ, as a Japanese keyboard types it) as its plain self. */
	private static int plainWidth(int c) {
		return c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST ? c - FULL_WIDTH_SHIFT : c;
	}

	// a byte order mark, a non-breaking or a zero-width space (copied from a web page or a document) sneaks into
	// headers of files saved by spreadsheet programs, and a label's colon ("Board:") is no part of its name
	private static boolean ignored(int c) {
		return c == '_' || c == '-' || c == ':' || Character.isWhitespace(c) || Character.isSpaceChar(c)
				|| Character.getType(c) == Character.FORMAT || Character.isISOControl(c);
	}
}

package com.pinbatch.pin;

import java.util.Locale;

/** The form in which headers are compared: "Media URL", "media_url", "MEDIA-URL" and "mediaUrl" are one header. */
final class HeaderKey {

	private HeaderKey() {
	}

	static String of(String header) {
		StringBuilder key = new StringBuilder(header.length());
		header.codePoints()
			.filter(c -> !ignored(c))
			.forEach(key::appendCodePoint);
		return key.toString().toLowerCase(Locale.ROOT);
	}

	// a byte order mark or a non-breaking space sneaks into headers of files saved by spreadsheet programs
	private static boolean ignored(int c) {
		return c == '_' || c == '-' || c == '\uFEFF' || Character.isWhitespace(c) || Character.isSpaceChar(c);
	}
}

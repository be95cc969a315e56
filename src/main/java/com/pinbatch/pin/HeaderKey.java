package com.pinbatch.pin;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form in which headers are compared: "Media URL", "media_url", "MEDIA-URL" and "mediaUrl" are one header, and
 * "Título" and "Titulo" are another.
 */
final class HeaderKey {

	private HeaderKey() {
	}

	static String of(String header) {
		StringBuilder key = new StringBuilder(header.length());
		// accents are ignored: "Título" is typed "Titulo" as often, and a Mac writes its accents apart (NFD)
		Normalizer.normalize(header, Normalizer.Form.NFD).codePoints()
			.filter(c -> !ignored(c) && Character.getType(c) != Character.NON_SPACING_MARK)
			.forEach(key::appendCodePoint);
		return key.toString().toLowerCase(Locale.ROOT);
	}

	// a byte order mark or a non-breaking space sneaks into headers of files saved by spreadsheet programs
	private static boolean ignored(int c) {
		return c == '_' || c == '-' || c == '\uFEFF' || Character.isWhitespace(c) || Character.isSpaceChar(c);
	}
}

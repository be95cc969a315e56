package com.pinbatch.pin;

import java.text.Normalizer;
import java.util.Locale;

import com.pinbatch.text.FullWidth;

/**
 * The form in which headers are compared: "Media URL", "media_url", "MEDIA-URL", "mediaUrl", "Media URL:" and
 * "Media URL*" are one header, and "Título" and "Titulo" are another.
 */
final class HeaderKey {

	private HeaderKey() {
	}

	static String of(String header) {
		StringBuilder key = new StringBuilder(header.length());
		// accents are ignored: "Título" is typed "Titulo" as often, and a Mac writes its accents apart (NFD)
		Normalizer.normalize(header, Normalizer.Form.NFD).codePoints()
			.map(FullWidth::plain) // 画像ＵＲＬ, as a Japanese keyboard types it
			.filter(c -> !ignored(c) && Character.getType(c) != Character.NON_SPACING_MARK)
			.forEach(key::appendCodePoint);
		return key.toString().toLowerCase(Locale.ROOT);
	}

	// a byte order mark, a non-breaking or a zero-width space (copied from a web page or a document) sneaks into
	// headers of files saved by spreadsheet programs, and a label's colon ("Board:") or a template's mark of a
	// required column ("Title*") is no part of its name
	private static boolean ignored(int c) {
		return c == '_' || c == '-' || c == ':' || c == '*' || Character.isWhitespace(c) || Character.isSpaceChar(c)
				|| Character.getType(c) == Character.FORMAT || Character.isISOControl(c);
	}
}

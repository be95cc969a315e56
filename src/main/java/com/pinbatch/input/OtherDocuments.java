package com.pinbatch.input;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Files people give as a spreadsheet that are something else: the web page a sheet's link leads to (a sign-in page
 * saved as {@code sheet.csv}), a PDF or rich-text export, Excel 2003's XML, JSON (Google Drive's {@code .gsheet}
 * shortcut among it). Told by their first bytes, each with
 * what to give instead; read as CSV, they were refused as having no known columns, or as a misquoted cell.
 */
final class OtherDocuments {

	/** Enough of a file to see what it starts with, after a byte order mark and blank lines. */
	static final int HEAD_BYTES = 512;

	private OtherDocuments() {
	}

	/** What the file is instead of a CSV, and what to give, as the end of a message; empty for anything else. */
	static Optional<String> kindOf(byte[] head) {
		if (isPictureOrVideo(head)) {
			// before: "not a CSV or XLSX file (if it is text saved as UTF-16 without a byte order mark, ...)"
			return Optional.of("is a picture or a video, not a spreadsheet; give the pins as CSV or XLSX, and the"
					+ " picture as a row's media_url (its address, or its file's path)");
		}
		String text = start(head);
		if (text.startsWith("<!doctype html") || text.startsWith("<html")) {
			return Optional.of("is a web page (HTML), not a spreadsheet: a sheet's link saved instead of the sheet?"
					+ " Download the sheet itself as CSV or XLSX (Google Sheets: File > Download > Comma-separated"
					+ " values)");
		}
		if (text.startsWith("<?xml")) {
			return Optional.of(text.contains("urn:schemas-microsoft-com:office:spreadsheet")
					? "is an Excel 2003 XML spreadsheet; save it as .xlsx or CSV UTF-8"
					: "is an XML file, not a spreadsheet; give the pins as CSV or XLSX");
		}
		if (text.startsWith("%pdf-")) {
			return Optional.of("is a PDF document, not a spreadsheet; export the sheet as CSV or XLSX instead");
		}
		if (text.startsWith("{\\rtf")) {
			return Optional.of("is a rich-text (RTF) document, not plain text; save it as plain text (TextEdit:"
					+ " Format > Make Plain Text) or export the sheet as CSV");
		}
		if (json(text) && text.contains("\"doc_id\"")) {
			return Optional.of("is a Google Drive shortcut to a Google Sheet, not the sheet itself: open the sheet and"
					+ " choose File > Download > Comma-separated values (.csv) or Microsoft Excel (.xlsx)");
		}
		if (json(text)) {
			return Optional.of("is JSON, not CSV; give the pins as CSV or XLSX, a column a field (title, media_url,"
					+ " board, ...)");
		}
		return Optional.empty();
	}

	/**
	 * PNG, JPEG, GIF, WebP, or MP4 and QuickTime, by their first bytes: the first test of media.MediaFormat#detect,
	 * which reading files cannot call (media stands on pin, and pin on input).
	 */
	private static boolean isPictureOrVideo(byte[] head) {
		return startsWith(head, 0, 0x89, 'P', 'N', 'G') || startsWith(head, 0, 0xFF, 0xD8, 0xFF)
				|| startsWith(head, 0, 'G', 'I', 'F', '8')
				|| startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')
				|| startsWith(head, 4, 'f', 't', 'y', 'p');
	}

	private static boolean startsWith(byte[] head, int at, int... expected) {
		if (head.length < at + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((head[at + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

	/** "{" or "[" then a quote, brace or bracket: a CSV header such as "[Title],[Image]" is not JSON. */
	private static boolean json(String text) {
		if (text.isEmpty() || (text.charAt(0) != '{' && text.charAt(0) != '[')) {
			return false;
		}
		String rest = text.substring(1).stripLeading();
		return !rest.isEmpty() && "\"{[".indexOf(rest.charAt(0)) >= 0;
	}

	/** The head as lower-case text (byte for byte, or UTF-16 by its mark), without its mark or leading spaces. */
	private static String start(byte[] head) {
		Charset marked = TextEncoding.byteOrderMark(head);
		int from = marked == null ? 0 : TextEncoding.markLength(marked);
		Charset charset = marked == null || marked.equals(StandardCharsets.UTF_8) ? StandardCharsets.ISO_8859_1
				: marked;
		return new String(head, from, head.length - from, charset).stripLeading().toLowerCase(Locale.ROOT);
	}
}

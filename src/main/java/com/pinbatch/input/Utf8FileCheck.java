package com.pinbatch.input;

import java.nio.file.Path;

/**
 * Looks at the first bytes of a would-be CSV file and rejects what is clearly not UTF-8 text, before any
 * parsing: UTF-16 (Excel's "Unicode Text" export) and binary files. Bytes that are not UTF-8 further on are
 * caught while reading, by {@link StrictUtf8Reader}.
 */
final class Utf8FileCheck {

	/** How many leading bytes to look at for NUL bytes. */
	static final int HEAD_SIZE = 8192;

	private static final String SAVE_AS_UTF8 = "save it as 'CSV UTF-8' in your spreadsheet program";

	private Utf8FileCheck() {
	}

	/**
	 * @param head the first bytes of the file (up to {@link #HEAD_SIZE} are examined)
	 * @return the length of the UTF-8 byte order mark to skip: 3 or 0
	 * @throws InputFileException if the file is UTF-16 or binary
	 */
	static int bomLength(Path file, byte[] head) {
		if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0xFF, 0xFE) || looksLikeUtf16WithoutBom(head)) {
			throw new InputFileException(file + ": is not UTF-8 text (it is UTF-16); " + SAVE_AS_UTF8);
		}
		if (containsNul(head)) {
			throw new InputFileException(file + ": is not a CSV or XLSX file");
		}
		return startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
	}

	static String notUtf8(Path file, long rowNumber) {
		return file + ": is not UTF-8 text (row " + rowNumber
				+ " holds bytes that are not UTF-8, e.g. from a Windows or Mac code page); " + SAVE_AS_UTF8;
	}

	/** UTF-16 text that is mostly ASCII has a NUL in every other byte: at even indexes (BE) or odd (LE). */
	private static boolean looksLikeUtf16WithoutBom(byte[] head) {
		int pairs = Math.min(head.length, HEAD_SIZE) / 2;
		if (pairs < 2) {
			return false;
		}
		int evenNuls = 0;
		int oddNuls = 0;
		for (int i = 0; i < pairs * 2; i += 2) {
			evenNuls += head[i] == 0 ? 1 : 0;
			oddNuls += head[i + 1] == 0 ? 1 : 0;
		}
		return (evenNuls == pairs && oddNuls == 0) || (oddNuls == pairs && evenNuls == 0);
	}

	private static boolean containsNul(byte[] head) {
		int end = Math.min(head.length, HEAD_SIZE);
		for (int i = 0; i < end; i++) {
			if (head[i] == 0) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWith(byte[] data, int... prefix) {
		if (data.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((data[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}

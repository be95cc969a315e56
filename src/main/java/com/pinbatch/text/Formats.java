package com.pinbatch.text;

import java.util.Locale;

/** Text with numbers in it, for files, messages and Zernio alike. */
public final class Formats {

	private Formats() {
	}

	/**
	 * {@link String#format} with plain digits: the machine's language must not change them (an Arabic or Persian
	 * default writes ٠٩:٣٠ for 09:30, which no one reads back as a time).
	 */
	public static String plain(String pattern, Object... args) {
		return String.format(Locale.ROOT, pattern, args);
	}
}

package com.pinbatch.console;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Ids of uploads and runs in addresses: random, so that no one can guess another's from their own. */
final class RandomIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomIds() {
	}

	/** Whether the text is an id as {@link #next} makes them: nothing else may name a folder. */
	static boolean isWellFormed(String id) {
		return id != null && id.matches("[0-9a-f]{24}");
	}

	static String next() {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}
}

package com.pinbatch.console;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Ids of uploads and runs in addresses: random, so that no one can guess another's from their own. */
final class RandomIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomIds() {
	}

	static String next() {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}
}

package com.pinbatch.follow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.pinbatch.input.InputRow;

/**
 * A short mark of a row's cells (headers and values as read), sent with its pin: {@code --retry-failed} tells by it
 * whether the user changed a row whose pin failed to publish. An unchanged row is published again on its own post;
 * a changed one is a new pin. A result file reads back with the input's own cells, so the mark is the same.
 */
public final class RowCells {

	private RowCells() {
	}

	public static String mark(InputRow row) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (int column = 0; column < row.headers().size(); column++) {
				digest.update(row.headers().get(column).getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				String value = row.value(column);
				digest.update((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 1);
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java", ex);
		}
	}
}

package com.pinbatch.follow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.pinbatch.input.InputRow;
import com.pinbatch.pin.PinDraft;
import com.pinbatch.pin.PinField;

/**
 * A short mark of a row's pin cells, sent with its pin: {@code --retry-failed} tells by it whether the user changed a
 * row whose pin failed to publish. An unchanged row is published again on its own post; a changed one is a new pin.
 * A result file reads back with the input's own cells, so the mark is the same.
 */
public final class RowCells {

	private RowCells() {
	}

	/**
	 * The mark of the cells that make the row's pin, by field: a column of the user's own added to the result file (a
	 * reviewer's, in front) or a note changed is no change of the pin (before, every row was then created anew, a
	 * second pin beside each failed one, content removed from Pinterest included).
	 */
	public static String mark(PinDraft draft) {
		MessageDigest digest = sha256();
		for (PinField field : PinField.values()) {
			digest.update(field.column().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(draft.get(field).getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 1);
		}
		return HexFormat.of().formatHex(digest.digest(), 0, 16);
	}

	/** The mark earlier versions sent: of every cell of the row, with its header. */
	public static String formerMark(InputRow row) {
		MessageDigest digest = sha256();
		for (int column = 0; column < row.headers().size(); column++) {
			digest.update(row.headers().get(column).getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			String value = row.value(column);
			digest.update((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 1);
		}
		return HexFormat.of().formatHex(digest.digest(), 0, 16);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java", ex);
		}
	}
}

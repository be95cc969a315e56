package com.pinbatch.text;

/** A count with its noun, as a line says it: "1 row", "2 rows", "0 rows". */
public final class Plural {

	private Plural() {
	}

	/** @param one the noun for one, made plural with an s (row, request, input, pin) */
	public static String of(long count, String one) {
		return count + " " + one + (count == 1 ? "" : "s");
	}
}

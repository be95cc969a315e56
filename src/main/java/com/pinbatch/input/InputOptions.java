package com.pinbatch.input;

/**
 * How to open an input file.
 *
 * @param sheet XLSX sheet name, or null for the first visible sheet
 */
public record InputOptions(String sheet) {

	public static InputOptions defaults() {
		return new InputOptions(null);
	}
}

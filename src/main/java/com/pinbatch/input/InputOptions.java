package com.pinbatch.input;

/**
 * How to open an input file.
 *
 * @param sheet    XLSX sheet name, or null for the first visible sheet
 * @param encoding the CSV file's character encoding (a Java charset name), or null to detect it
 */
public record InputOptions(String sheet, String encoding) {

	public InputOptions(String sheet) {
		this(sheet, null);
	}

	public static InputOptions defaults() {
		return new InputOptions(null, null);
	}
}

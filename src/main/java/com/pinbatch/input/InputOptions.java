package com.pinbatch.input;

/**
 * How to open an input file.
 *
 * @param sheet    XLSX sheet name, or null for the first visible sheet
 * @param encoding the CSV file's character encoding (a Java charset name), or null to detect it
 * @param xlsx     how much of a workbook may be held in memory; null: {@link XlsxLimits#defaults()}
 */
public record InputOptions(String sheet, String encoding, XlsxLimits xlsx) {

	public InputOptions {
		xlsx = xlsx == null ? XlsxLimits.defaults() : xlsx;
	}

	public InputOptions(String sheet, String encoding) {
		this(sheet, encoding, null);
	}

	public InputOptions(String sheet) {
		this(sheet, null);
	}

	public static InputOptions defaults() {
		return new InputOptions(null, null);
	}
}

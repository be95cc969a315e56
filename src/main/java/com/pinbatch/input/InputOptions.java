package com.pinbatch.input;

/**
 * How to open an input file.
 *
 * @param sheet    XLSX sheet name, or null for the first visible sheet that has a header row
 * @param encoding the CSV file's character encoding (a Java charset name), or null to detect it
 * @param xlsx     how much of a workbook may be held in memory; null: {@link XlsxLimits#defaults()}
 * @param headers  tells the header row from title rows above it; null: {@link HeaderRecognizer#FIRST_ROW}
 */
public record InputOptions(String sheet, String encoding, XlsxLimits xlsx, HeaderRecognizer headers) {

	public InputOptions {
		xlsx = xlsx == null ? XlsxLimits.defaults() : xlsx;
		headers = headers == null ? HeaderRecognizer.FIRST_ROW : headers;
	}

	public InputOptions(String sheet, String encoding, XlsxLimits xlsx) {
		this(sheet, encoding, xlsx, null);
	}

	public InputOptions(String sheet, String encoding) {
		this(sheet, encoding, null, null);
	}

	public InputOptions(String sheet) {
		this(sheet, null);
	}

	public static InputOptions defaults() {
		return new InputOptions(null, null);
	}
}

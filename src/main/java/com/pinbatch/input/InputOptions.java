package com.pinbatch.input;

import java.util.function.Predicate;

/**
 * How to open an input file.
 *
 * @param sheet    XLSX sheet name, or null for the first visible sheet that has a header row
 * @param encoding the CSV file's character encoding (a Java charset name), or null to detect it
 * @param xlsx     how much of a workbook may be held in memory; null: {@link XlsxLimits#defaults()}
 * @param headers  tells the header row from title rows above it; null: {@link HeaderRecognizer#FIRST_ROW}
 * @param addressColumns the headers whose cells hold a web address (a pin's link, its image): a workbook cell there
 *                 that shows text but links to a web address reads as that address; null: none
 */
public record InputOptions(String sheet, String encoding, XlsxLimits xlsx, HeaderRecognizer headers,
		Predicate<String> addressColumns) {

	public InputOptions {
		xlsx = xlsx == null ? XlsxLimits.defaults() : xlsx;
		headers = headers == null ? HeaderRecognizer.FIRST_ROW : headers;
		addressColumns = addressColumns == null ? header -> false : addressColumns;
	}

	public InputOptions(String sheet, String encoding, XlsxLimits xlsx, HeaderRecognizer headers) {
		this(sheet, encoding, xlsx, headers, null);
	}

	public InputOptions(String sheet, String encoding, XlsxLimits xlsx) {
		this(sheet, encoding, xlsx, null, null);
	}

	public InputOptions(String sheet, String encoding) {
		this(sheet, encoding, null, null, null);
	}

	public InputOptions(String sheet) {
		this(sheet, null);
	}

	public static InputOptions defaults() {
		return new InputOptions(null, null);
	}
}

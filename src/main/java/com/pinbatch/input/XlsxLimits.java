package com.pinbatch.input;

/**
 * Bounds on what a workbook may make us hold in memory. A sheet is streamed, but its shared-strings table must be
 * held whole (cells refer to it by index, in any order): a crafted table of millions of strings would otherwise end
 * in an OutOfMemoryError.
 *
 * @param maxSharedStrings    strings in the table; a real pin sheet has a few per row
 * @param maxSharedCharacters characters of all strings together
 */
public record XlsxLimits(int maxSharedStrings, long maxSharedCharacters) {

	public XlsxLimits {
		if (maxSharedStrings < 1 || maxSharedCharacters < 1) {
			throw new IllegalArgumentException("XLSX limits must be positive");
		}
	}

	/** A million strings and 50 million characters: ten times a 100,000-row sheet, some 100 MB of memory. */
	public static XlsxLimits defaults() {
		return new XlsxLimits(1_000_000, 50_000_000);
	}
}

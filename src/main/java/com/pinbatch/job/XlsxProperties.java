package com.pinbatch.job;

import com.pinbatch.input.InputFileException;
import com.pinbatch.input.XlsxLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of a workbook's shared-strings table may be held in memory ({@code pinbatch.xlsx.*}); a table beyond it
 * stops the run before anything is sent.
 */
@ConfigurationProperties("pinbatch.xlsx")
public record XlsxProperties(@DefaultValue("1000000") int maxSharedStrings,
		@DefaultValue("50000000") long maxSharedCharacters) {

	public XlsxLimits limits() {
		try {
			return new XlsxLimits(maxSharedStrings, maxSharedCharacters);
		}
		catch (IllegalArgumentException ex) {
			throw new InputFileException("pinbatch.xlsx.max-shared-strings and pinbatch.xlsx.max-shared-characters must"
					+ " be at least 1");
		}
	}
}

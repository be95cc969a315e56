package com.pinbatch.pin;

import java.time.LocalDate;

/** A date like 03/04/2027 in a column whose day/month order is not settled: it reads two ways. */
final class AmbiguousDateException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient LocalDate dayFirst;

	private final transient LocalDate monthFirst;

	/** --date-format patterns that read the date each way, in the cell's own separators. */
	private final String dayFirstPattern;

	private final String monthFirstPattern;

	AmbiguousDateException(LocalDate dayFirst, LocalDate monthFirst, String dayFirstPattern,
			String monthFirstPattern) {
		super("reads as " + dayFirst + " or " + monthFirst, null, false, false);
		this.dayFirst = dayFirst;
		this.monthFirst = monthFirst;
		this.dayFirstPattern = dayFirstPattern;
		this.monthFirstPattern = monthFirstPattern;
	}

	String dayFirstPattern() {
		return dayFirstPattern;
	}

	String monthFirstPattern() {
		return monthFirstPattern;
	}

	LocalDate dayFirst() {
		return dayFirst;
	}

	LocalDate monthFirst() {
		return monthFirst;
	}
}

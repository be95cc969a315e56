package com.pinbatch.pin;

import java.time.LocalDate;

/** A date like 03/04/2027 in a column whose day/month order is not settled: it reads two ways. */
final class AmbiguousDateException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient LocalDate dayFirst;

	private final transient LocalDate monthFirst;

	AmbiguousDateException(LocalDate dayFirst, LocalDate monthFirst) {
		super("reads as " + dayFirst + " or " + monthFirst, null, false, false);
		this.dayFirst = dayFirst;
		this.monthFirst = monthFirst;
	}

	LocalDate dayFirst() {
		return dayFirst;
	}

	LocalDate monthFirst() {
		return monthFirst;
	}
}

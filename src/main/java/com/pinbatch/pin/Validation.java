package com.pinbatch.pin;

import java.util.List;

/** The outcome of validating one row: a pin, or every problem found (the first one gives the error code). */
public record Validation(Pin pin, List<ValidationProblem> problems) {

	public static Validation valid(Pin pin) {
		return new Validation(pin, List.of());
	}

	public static Validation invalid(List<ValidationProblem> problems) {
		return new Validation(null, List.copyOf(problems));
	}

	public boolean isValid() {
		return problems.isEmpty();
	}
}

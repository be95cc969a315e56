package com.pinbatch.pin;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of validating one row: a pin, or every problem found (the first one gives the error code), with the
 * publish instant the row names (null: none, or none that could be read).
 */
public record Validation(Pin pin, List<ValidationProblem> problems, Instant publishAt) {

	public static Validation valid(Pin pin) {
		return new Validation(pin, List.of(), pin.publishAt());
	}

	/** @param publishAt the instant the row's publish date names, even when it is refused (e.g. in the past) */
	public static Validation invalid(List<ValidationProblem> problems, Instant publishAt) {
		return new Validation(null, List.copyOf(problems), publishAt);
	}

	public boolean isValid() {
		return problems.isEmpty();
	}
}

package com.pinbatch.pin;

import java.util.List;

/**
 * A column mapping that cannot work: a bad mapping file, or an input file whose headers match no pin field
 * (or match one field twice). A user error: the message is one line saying what to fix (exit code 2).
 */
public class MappingException extends RuntimeException {

	/** Lines of a mapping file that would fix it, to print below the message; empty when there is none. */
	private final transient List<String> suggestedMapping;

	public MappingException(String message) {
		this(message, List.of());
	}

	public MappingException(String message, List<String> suggestedMapping) {
		super(message);
		this.suggestedMapping = List.copyOf(suggestedMapping);
	}

	public MappingException(String message, Throwable cause) {
		super(message, cause);
		this.suggestedMapping = cause instanceof MappingException mapping ? mapping.suggestedMapping() : List.of();
	}

	public List<String> suggestedMapping() {
		return suggestedMapping;
	}
}

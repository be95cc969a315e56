package com.pinbatch.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a row without a publish date becomes ({@code --when-no-date}). */
public enum WhenNoDate {

	/** Published as soon as it is sent. */
	NOW,
	/** The next free slot of the profile's Zernio queue ({@code queuedFromProfile}). */
	QUEUE,
	/** A Zernio draft: nothing is published, and no cap is used. */
	DRAFT;

	public static final String OPTION = "--when-no-date";

	/** Reads the option's value; no value (option absent) means {@link #NOW}. */
	public static WhenNoDate fromOption(String value) {
		if (value == null) {
			return NOW;
		}
		for (WhenNoDate choice : values()) {
			if (choice.optionValue().equals(value.trim().toLowerCase(Locale.ROOT))) {
				return choice;
			}
		}
		throw new IllegalArgumentException(OPTION + " must be one of " + choices() + ", was \"" + value + "\"");
	}

	/** The spelling on the command line. */
	public String optionValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	private static String choices() {
		return Arrays.stream(values()).map(WhenNoDate::optionValue).collect(Collectors.joining(", "));
	}
}

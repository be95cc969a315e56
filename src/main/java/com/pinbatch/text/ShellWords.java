package com.pinbatch.text;

import java.util.regex.Pattern;

/** An argument written so that a POSIX shell passes it on as it is: for commands printed for the user to paste. */
public final class ShellWords {

	/** Characters a POSIX shell takes literally. */
	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:@,+%-]+");

	private ShellWords() {
	}

	/** The argument alone when the shell takes it literally, else in single quotes (nothing expands in them). */
	public static String quote(String argument) {
		if (PLAIN.matcher(argument).matches()) {
			return argument;
		}
		return "'" + argument.replace("'", "'\\''") + "'";
	}
}

package com.pinbatch.text;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Whether this JVM can name a file, and what to tell a user when it cannot. Java names files in the encoding of the
 * locale it was started in: without a UTF-8 locale (LANG and LC_ALL unset or C, which is how cron starts a job on
 * most systems) it names files in ASCII only, cannot open "Café.csv", and reads such a name given on the command line
 * as "Caf\uFFFD\uFFFD.csv".
 */
public final class FileNames {

	/** Why, and what to do about it, completing a line that names the file that could not be used. */
	public static final String CANNOT_OPEN = "cannot be opened: this system's language setting (LANG unset or C, as"
			+ " under cron) lets Java open only file names in plain ASCII: set LANG=C.UTF-8 (in a crontab, on a line of"
			+ " its own above the job), or rename the file";

	/** The character a name's bytes became where they could not be read. */
	private static final char UNREADABLE = '\uFFFD';

	private static final Charset NAMES = namesCharset();

	private FileNames() {
	}

	/** Whether this JVM can open a file of this name. */
	public static boolean canName(String name) {
		return canName(name, NAMES);
	}

	/** Whether a JVM that names files in {@code names} can open a file of this name. */
	static boolean canName(String name, Charset names) {
		return name.indexOf(UNREADABLE) < 0 && names.newEncoder().canEncode(name);
	}

	private static Charset namesCharset() {
		try {
			return Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return Charset.defaultCharset();
		}
	}
}

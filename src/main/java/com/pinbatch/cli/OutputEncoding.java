package com.pinbatch.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The encoding of what the command prints. Where the system's language setting is plain ASCII (LANG unset or C, as
 * cron starts a job), Java would print every other character as '?', and a cell's sample or a file's name in the log
 * could not be read: there the command prints UTF-8, which a log's readers show. Elsewhere the system's own, as
 * before (a Windows console's code page, say).
 */
final class OutputEncoding {

	private OutputEncoding() {
	}

	/** The encoding to print in where the system's is {@code system}. */
	static Charset of(Charset system) {
		return system.newEncoder().canEncode('é') ? system : StandardCharsets.UTF_8;
	}

	/** The encoding this process prints in. */
	static Charset chosen() {
		return of(Charset.defaultCharset());
	}

	/** Standard output and error in that encoding. */
	static void apply() {
		Charset chosen = chosen();
		if (!chosen.equals(Charset.defaultCharset())) {
			System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, chosen));
			System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, chosen));
		}
	}
}

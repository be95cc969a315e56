package com.pinbatch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The command line as the user typed it, ready to paste into a shell: to resume, and (with the input swapped for
 * the result file) to retry the rows that need another go. The API key is never on the command line, so nothing
 * here is secret.
 */
final class TypedCommand {

	/** Characters a POSIX shell takes literally. */
	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:@,+%-]+");

	/** Options that name the input or its outputs: a retry names its own. */
	private static final List<String> INPUT_OPTIONS = List.of("--input=", "--results=", "--sheet=", "--retry-failed=",
			"--follow-up=", "--summary=");

	private final String launcher;

	private final List<String> arguments;

	TypedCommand(List<String> arguments) {
		this.launcher = launcher();
		this.arguments = List.copyOf(arguments);
	}

	/** The same command again: it resumes a stopped run. */
	String resume() {
		return join(arguments);
	}

	/** The command that retries the INVALID and FAILED rows of {@code results}. */
	String retryFailed(Path results) {
		return onResults("--retry-failed=", results);
	}

	/** The command that later asks Zernio what became of the rows of {@code results} still publishing. */
	String followUp(Path results) {
		return onResults("--follow-up=", results);
	}

	private String onResults(String option, Path results) {
		List<String> retry = new ArrayList<>();
		// as the summary's "results:" line names it, so the command also works from another folder (a cron job's)
		retry.add(option + results.toAbsolutePath().normalize());
		for (String argument : arguments) {
			if (INPUT_OPTIONS.stream().noneMatch(argument::startsWith)) {
				retry.add(argument);
			}
		}
		return join(retry);
	}

	private String join(List<String> args) {
		return launcher + " " + args.stream().map(TypedCommand::quote).collect(Collectors.joining(" "));
	}

	static String quote(String argument) {
		if (PLAIN.matcher(argument).matches()) {
			return argument;
		}
		return "'" + argument.replace("'", "'\\''") + "'";
	}

	/** "java -jar" and the jar as it was typed; the plain name when not run from a jar (tests, an IDE). */
	private static String launcher() {
		// HotSpot keeps the main class or jar and the arguments, as given, in this property
		String command = System.getProperty("sun.java.command", "");
		String first = command.split(" ", 2)[0];
		return "java -jar " + (first.endsWith(".jar") ? quote(first) : "pinbatch.jar");
	}
}

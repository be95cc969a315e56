package com.pinbatch.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.pinbatch.text.ShellWords;

/**
 * The command line as the user typed it, ready to paste into a shell: to resume, and (with the input swapped for
 * the result file) to retry the rows that need another go. The API key is never on the command line, so nothing
 * here is secret.
 */
final class TypedCommand {

	/** Options that name the input or its outputs: a retry names its own. */
	private static final List<String> INPUT_OPTIONS = List.of("--input=", "--results=", "--sheet=", "--retry-failed=",
			"--follow-up=", "--summary=");

	private final String launcher;

	private final List<String> arguments;

	TypedCommand(List<String> arguments) {
		this(System.getProperty("sun.java.command", ""),
				ManagementFactory.getRuntimeMXBean().getInputArguments(), arguments);
	}

	/**
	 * @param javaCommand  the main class or jar and the arguments, as HotSpot keeps them ({@code sun.java.command})
	 * @param jvmArguments the options given to java before {@code -jar}
	 */
	TypedCommand(String javaCommand, List<String> jvmArguments, List<String> arguments) {
		this.launcher = launcher(javaCommand, jvmArguments);
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
		return launcher + " " + args.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
	}

	/**
	 * "java -jar" and the jar as it was typed, after the {@code -D} settings given to java that choose where the runs
	 * are kept or how they run ({@code -Dpinbatch.data-dir=...}, {@code -Duser.home=...}): without them the same
	 * command finds another job repository and starts anew. The plain name when not run from a jar (tests, an IDE).
	 */
	private static String launcher(String javaCommand, List<String> jvmArguments) {
		String first = javaCommand.split(" ", 2)[0];
		if (!first.endsWith(".jar")) {
			return "java -jar pinbatch.jar";
		}
		List<String> settings = jvmArguments.stream().filter(TypedCommand::choosesTheRun).toList();
		return "java " + settings.stream().map(ShellWords::quote).map(setting -> setting + " ").collect(
				Collectors.joining()) + "-jar " + ShellWords.quote(first);
	}

	/** A -D setting of pinbatch's, Spring's or the home folder; never one that may hold a secret. */
	private static boolean choosesTheRun(String jvmArgument) {
		String lower = jvmArgument.toLowerCase(Locale.ROOT);
		boolean setting = lower.startsWith("-dpinbatch.") || lower.startsWith("-dspring.")
				|| lower.startsWith("-dzernio.") || lower.startsWith("-duser.home=");
		return setting && !lower.contains("key") && !lower.contains("password") && !lower.contains("secret")
				&& !lower.contains("token");
	}
}

package com.pinbatch.cli;

import java.io.FileNotFoundException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * Why the console could not start, in the words of what to do: the server's own exceptions name a file or say
 * "Address already in use" and leave the rest to the reader.
 */
final class ConsoleStartProblem {

	private ConsoleStartProblem() {
	}

	/**
	 * @param failure         what the start threw
	 * @param springArguments the {@code --name=value} settings of the command line, for the port it asked for
	 */
	static String describe(Throwable failure, List<String> springArguments) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof BindException) {
				String port = springArguments.stream()
					.filter(arg -> arg.startsWith("--server.port="))
					.map(arg -> "port " + arg.substring("--server.port=".length()))
					.findFirst()
					.orElse("port 8080");
				return "cannot start the console: " + port + " is in use (another pinbatch console, or another"
						+ " program): stop it, or choose another port with --server.port=PORT";
			}
			if (cause instanceof NoSuchFileException || cause instanceof FileNotFoundException) {
				return "cannot start the console: file not found: " + cause.getMessage()
						+ " (a certificate or key in the server.ssl settings?)";
			}
			if (cause instanceof AccessDeniedException) {
				return "cannot start the console: cannot read " + cause.getMessage() + " (permission denied)";
			}
		}
		return "cannot start the console: " + PinbatchApplication.rootMessage(failure);
	}
}

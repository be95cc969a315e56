package com.pinbatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The line printed the moment a command is understood, before Java and the job repository start (which takes
 * seconds, more on a busy machine): what is about to be done, so a run is never silent at its start.
 */
final class StartLine {

	private static final int NAMED_INPUTS = 3;

	private StartLine() {
	}

	static String of(CommandLineOptions options) {
		if (options.prune()) {
			return "pinbatch: starting: pruning the job repository" + (options.dryRun() ? " (dry run)" : "") + "...";
		}
		List<String> what = new ArrayList<>();
		if (options.followUp() != null) {
			what.add("following up " + options.followUp().getFileName());
		}
		if (options.retryFailed() != null) {
			what.add("retrying the failed rows of " + options.retryFailed().getFileName());
		}
		List<Path> inputs = options.inputs();
		if (options.retryFailed() == null && !inputs.isEmpty()) {
			// a folder is not one input: its files are counted once it is read (a folder's name ends in /)
			boolean folders = inputs.stream().allMatch(Files::isDirectory);
			String kind = folders ? "folder" : "input";
			what.add(inputs.size() + " " + kind + (inputs.size() == 1 ? "" : "s") + " (" + names(inputs) + ")");
		}
		if (options.dryRun()) {
			what.add("dry run, nothing is sent");
		}
		else if (options.sandbox()) {
			what.add("against the built-in sandbox");
		}
		return what.isEmpty() ? "pinbatch: starting..." : "pinbatch: starting: " + String.join(", ", what) + "...";
	}

	private static String names(List<Path> inputs) {
		List<String> names = inputs.stream().limit(NAMED_INPUTS)
			.map(path -> path.getFileName() + (Files.isDirectory(path) ? "/" : ""))
			.toList();
		String listed = String.join(", ", names);
		return inputs.size() > NAMED_INPUTS ? listed + " and " + (inputs.size() - NAMED_INPUTS) + " more" : listed;
	}
}

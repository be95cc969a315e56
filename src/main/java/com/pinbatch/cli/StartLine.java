package com.pinbatch.cli;

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
			what.add(inputs.size() == 1 ? "1 input (" + names(inputs) + ")"
					: inputs.size() + " inputs (" + names(inputs) + ")");
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
		List<String> names = inputs.stream().limit(NAMED_INPUTS).map(path -> String.valueOf(path.getFileName())).toList();
		String listed = String.join(", ", names);
		return inputs.size() > NAMED_INPUTS ? listed + " and " + (inputs.size() - NAMED_INPUTS) + " more" : listed;
	}
}

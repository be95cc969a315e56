package com.pinbatch.input;

import java.nio.file.Path;

/**
 * An input was saved again while its run was using it. The run stops before sending anything of the new content, and
 * its result file is left as it was: the rows it would list are no longer the rows that were sent.
 */
public class InputChangedException extends RuntimeException {

	public InputChangedException(Path file) {
		// one thing to do: before, "put the file back as it was" beside the summary's "run the same command again"
		super(file + " changed while its run was using it: nothing more is sent from it, and its result file is left"
				+ " as it was (the rows it would list are not the file's now). Run the same command again: the file as"
				+ " it is now is a new run, which finds the pins this one created instead of creating them again");
	}
}

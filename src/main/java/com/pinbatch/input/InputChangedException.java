package com.pinbatch.input;

import java.nio.file.Path;

/**
 * An input was saved again while its run was using it. The run stops before sending anything of the new content, and
 * its result file is left as it was: the rows it would list are no longer the rows that were sent.
 */
public class InputChangedException extends RuntimeException {

	public InputChangedException(Path file) {
		super(file + " changed while its run was using it: nothing more is sent from it, and its result file is left"
				+ " as it was. To finish that run, put the file back as it was and run the same command again; as it is"
				+ " now, the file is a new run");
	}
}

package com.pinbatch.console;

import java.nio.file.Path;
import java.util.List;

/**
 * What checking an upload without sending came to.
 *
 * @param lines      what the run said about the input before sending: how it was read (encoding, header row, sheet),
 *                   columns not used, notes, the capacity plan
 * @param refusal    why the file cannot be sent at all (the command line's exit-2 line); null when it was checked
 * @param resultFile the dry run's result file (every row with VALID or INVALID and its message); null when refused
 */
record DryRun(List<String> lines, String refusal, Path resultFile) {

	static DryRun refused(List<String> lines, String reason) {
		return new DryRun(lines, reason, null);
	}
}

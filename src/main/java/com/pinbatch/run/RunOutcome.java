package com.pinbatch.run;

import java.util.List;

/**
 * What a request came to: each input's outcome, in the order of the request, and the overall exit code.
 *
 * @param reason why nothing was processed (a refused request, another run holding an input); null otherwise
 */
public record RunOutcome(List<InputOutcome> inputs, ExitCode exitCode, String reason) {

	static RunOutcome refused(String reason) {
		return new RunOutcome(List.of(), ExitCode.USAGE, reason);
	}
}

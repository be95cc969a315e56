package com.pinbatch.run;

import java.nio.file.Path;
import java.util.List;

import com.pinbatch.follow.FollowUp;
import com.pinbatch.follow.FollowUpFile;
import com.pinbatch.text.Plural;

import org.springframework.stereotype.Component;

/**
 * Runs a follow-up ({@code --follow-up=RESULTS}) for a front end: connects to Zernio (or the sandbox), checks the
 * result file before anything is sent, and launches the follow-up job.
 */
@Component
public class FollowUpRuns {

	/**
	 * @param open     the rows of the file the follow-up asked about
	 * @param launched how the job ended and what it came to
	 */
	public record Result(int open, FollowUp.Launched launched) {
	}

	private final ApiSessions apiSessions;

	private final FollowUp followUp;

	FollowUpRuns(ApiSessions apiSessions, FollowUp followUp) {
		this.apiSessions = apiSessions;
		this.followUp = followUp;
	}

	/**
	 * @throws com.pinbatch.input.InputFileException when the file is missing or is not a result file (nothing sent)
	 * @throws RunRefusedException                   when there is no usable API key
	 */
	public Result run(Path file, Path target, boolean sandbox, RunListener listener) throws Exception {
		RunRequest request = new RunRequest(List.of(file), target, false, null, null, null, null, null, null, null,
				"now", false, null, false, false, sandbox, null);
		try (ApiSessions.Opened api = apiSessions.open(request, listener)) {
			int open = FollowUpFile.read(file, api.clock().instant()).open().size(); // a bad file: nothing sent
			listener.info("pinbatch: following up " + file + ": " + Plural.of(open, "row") + " to ask Zernio about");
			return new Result(open, followUp.run(file, target, api.session().client(), api.clock()));
		}
	}
}

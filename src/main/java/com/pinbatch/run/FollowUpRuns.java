package com.pinbatch.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.pinbatch.follow.FollowUp;
import com.pinbatch.follow.FollowUpFile;
import com.pinbatch.follow.FollowUpOutcome;
import com.pinbatch.input.InputFileException;
import com.pinbatch.result.PinsSentTo;
import com.pinbatch.result.RowStatus;
import com.pinbatch.result.StatusTally;
import com.pinbatch.stop.GracefulStop;
import com.pinbatch.text.Plural;
import com.pinbatch.text.SafeText;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Runs a follow-up ({@code --follow-up=RESULTS}) for a front end: connects to Zernio (or the sandbox), checks the
 * result file before anything is sent, launches the follow-up job, and tells what it came to as a run's outcome (the
 * file's rows by status, the exit code, why it stopped, what to do next), so every front end reports it alike.
 */
@Component
public class FollowUpRuns {

	private final ApiSessions apiSessions;

	private final FollowUp followUp;

	private final GracefulStop stop;

	FollowUpRuns(ApiSessions apiSessions, FollowUp followUp, GracefulStop stop) {
		this.apiSessions = apiSessions;
		this.followUp = followUp;
		this.stop = stop;
	}

	/**
	 * @param file   the result file to follow up
	 * @param target where to write it (the same file, or {@code --results})
	 * @return one input's outcome; none, with exit code 2 and the reason, when the file or the key is refused
	 *         (nothing was sent), or exit code 1 when the job could not be launched
	 */
	public RunOutcome run(Path file, Path target, boolean sandbox, RunListener listener) {
		RunRequest request = new RunRequest(List.of(file), target, false, null, null, null, null, null, null, null,
				"now", false, null, false, false, sandbox, null);
		// said before the key is looked for: without one, the user was told to set it, and then that it did not matter
		String mismatch = PinsSentTo.mismatch(file, sandbox, "--follow-up");
		if (mismatch != null) {
			String reason = SafeText.line(mismatch);
			listener.problem("pinbatch: " + reason);
			return RunOutcome.refused(reason);
		}
		String apiTarget;
		try {
			apiTarget = apiSessions.target(request, listener);
		}
		catch (RunRefusedException ex) {
			String reason = SafeText.line(ex.getMessage());
			listener.problem("pinbatch: " + reason);
			return RunOutcome.refused(reason);
		}
		catch (RuntimeException ex) {
			String reason = SafeText.line(StopReasons.of(ex, stop.wasRequested()));
			listener.problem("pinbatch: " + reason);
			return new RunOutcome(List.of(), ExitCode.STOPPED, reason);
		}
		return follow(file, target, apiTarget, true, listener).orElseThrow();
	}

	/**
	 * Follows up the result file of an input processed before, when it has rows still publishing or scheduled pins
	 * whose time has come: a nightly run of a folder whose sheets stay there learns what became of each one's pins,
	 * not only of the sheets sent that night.
	 *
	 * @param apiTarget where the input's pins went ({@code sandbox} or {@code zernio})
	 * @return the follow-up's outcome; empty when the file has no row to ask about (nothing was asked)
	 */
	Optional<RunOutcome> followDue(Path resultFile, String apiTarget, RunListener listener) {
		return follow(resultFile, resultFile, apiTarget, false, listener);
	}

	/** @param always follow up even a file with no row to ask about (a --follow-up says so, and writes the file) */
	private Optional<RunOutcome> follow(Path file, Path target, String apiTarget, boolean always,
			RunListener listener) {
		Instant started = Instant.now();
		FollowUp.Launched launched;
		FollowUpFile.Read before;
		try {
			before = FollowUpFile.read(file, apiSessions.clock(apiTarget).instant()); // nothing sent
			int open = before.open().size();
			if (open == 0 && !always) {
				return Optional.empty();
			}
			listener.info("pinbatch: following up " + file + ": " + Plural.of(open, "row") + " to ask Zernio about");
			launched = followUp.run(file, target, apiTarget);
		}
		catch (InputFileException | RunRefusedException ex) {
			String reason = SafeText.line(ex.getMessage());
			listener.problem("pinbatch: " + reason);
			return Optional.of(RunOutcome.refused(reason));
		}
		catch (Exception ex) {
			String reason = SafeText.line(StopReasons.of(ex, stop.wasRequested()));
			listener.problem("pinbatch: " + reason);
			return Optional.of(new RunOutcome(List.of(), ExitCode.STOPPED, reason));
		}
		InputOutcome outcome = outcome(file, target, launched, before, started);
		FollowUpOutcome done = launched.outcome();
		if (done != null) {
			listener.info("pinbatch: follow-up: " + Plural.of(done.followed(), "row") + " asked about with "
					+ Plural.of(done.lookUps(), "request") + " (listings of up to 500 posts, single posts), "
					+ done.retries() + (done.retries() == 1 ? " retry" : " retries") + " of failed posts on themselves; "
					+ Plural.of(done.changed(), "row") + " changed");
		}
		else {
			listener.problem("pinbatch: " + outcome.stopReason());
		}
		return Optional.of(new RunOutcome(List.of(outcome), outcome.exitCode(), null));
	}

	/**
	 * @param before the file's rows as they stood when it was read before the job: a follow-up that stopped wrote
	 *               nothing, and its summary gives those (their statuses and error codes), not "0 rows"
	 */
	private InputOutcome outcome(Path file, Path target, FollowUp.Launched launched, FollowUpFile.Read before,
			Instant started) {
		JobExecution execution = launched.execution();
		FollowUpOutcome done = launched.outcome();
		String stopped = SafeText.line(StopReasons.ofFollowUp(execution, stop.wasRequested()));
		if (stopped == null && done == null) {
			stopped = "the follow-up ended without its outcome; run the same command again";
		}
		Map<RowStatus, Long> counts = done != null ? done.counts() : before.counts();
		StatusTally tally = StatusTally.of(counts, Map.of());
		ExitCode code = stopped != null ? ExitCode.STOPPED
				: tally.hasProblems() ? ExitCode.ROW_PROBLEMS : ExitCode.SUCCESS;
		InputOutcome.Next next = stopped != null ? InputOutcome.Next.RESUME
				: tally.hasProblems() ? InputOutcome.Next.RETRY_FAILED : InputOutcome.Next.NONE;
		List<InputOutcome.ErrorCount> errors = new ArrayList<>();
		(done != null ? done.errorCodes() : before.errorCodes())
			.forEach((error, seen) -> errors.add(new InputOutcome.ErrorCount(error, seen[0], seen[1])));
		return new InputOutcome(file, target, null, counts,
				done == null ? Map.of() : done.accounts(), errors, done == null ? 0 : done.changed(),
				execution.getJobInstance().getInstanceId(), execution.getId(), started, Instant.now(), stopped, false,
				code, next, stopped == null && tally.outcomesToLearn(), target);
	}
}

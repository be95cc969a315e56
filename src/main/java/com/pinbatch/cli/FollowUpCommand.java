package com.pinbatch.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.pinbatch.console.HtmlReport;
import com.pinbatch.follow.FollowUp;
import com.pinbatch.follow.FollowUpSession;
import com.pinbatch.input.InputFileException;
import com.pinbatch.result.RowStatus;
import com.pinbatch.result.StatusTally;
import com.pinbatch.run.ExitCode;
import com.pinbatch.run.FollowUpRuns;
import com.pinbatch.run.RunListener;
import com.pinbatch.run.RunRefusedException;
import com.pinbatch.stop.GracefulStop;
import com.pinbatch.text.SafeText;
import com.pinbatch.throttle.SendingStoppedException;
import com.pinbatch.zernio.ZernioApiException;
import com.pinbatch.text.Plural;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --follow-up=RESULTS}: checks the file, launches the follow-up job, and reports it like a run (summary, JSON
 * summary, exit code 3 when rows are INVALID or FAILED, 1 when it stopped before the end).
 */
@Component
class FollowUpCommand {

	private final FollowUpRuns followUps;

	private final GracefulStop gracefulStop;

	private final JsonMapper jsonMapper;

	FollowUpCommand(FollowUpRuns followUps, GracefulStop gracefulStop, JsonMapper jsonMapper) {
		this.followUps = followUps;
		this.gracefulStop = gracefulStop;
		this.jsonMapper = jsonMapper;
	}

	ExitCode execute(CommandLineOptions options, List<String> arguments, PrintStream out, PrintStream err) {
		Path file = options.followUp();
		Path target = options.results() != null ? options.results() : file;
		Instant started = Instant.now();
		List<RunReport> reports = List.of();
		List<String> said = new ArrayList<>(); // for the --report page
		String reason = null;
		ExitCode code;
		try {
			FollowUp.Launched launched = followUps.run(file, target, options.sandbox(), new RunListener() {

				@Override
				public void info(String line) {
					out.println(line);
					said.add(line);
				}

				@Override
				public void problem(String line) {
					err.println(line);
				}
			}).launched();
			String stopped = stopReason(launched.execution());
			RunReport report = report(file, target, launched, stopped, started, new TypedCommand(arguments));
			FollowUpSession.Outcome outcome = launched.outcome();
			if (outcome != null) {
				String line = "pinbatch: follow-up: " + Plural.of(outcome.followed(), "row") + " asked about with "
						+ Plural.of(outcome.lookUps(), "request") + " (listings of up to 500 posts, single posts), "
						+ outcome.retries() + (outcome.retries() == 1 ? " retry" : " retries")
						+ " of failed posts on themselves; " + Plural.of(outcome.changed(), "row") + " changed";
				out.println(line);
				said.add(line);
			}
			else {
				err.println("pinbatch: " + stopped);
			}
			RunSummary.print(out, report);
			reports = List.of(report);
			code = report.exitCode();
		}
		catch (InputFileException | UsageException | RunRefusedException ex) {
			reason = SafeText.line(ex.getMessage());
			err.println("pinbatch: " + reason);
			code = ExitCode.USAGE;
		}
		catch (Exception ex) {
			reason = SafeText.line(gracefulStop.wasRequested() ? GracefulStop.STOPPED : ex.getMessage());
			err.println("pinbatch: " + reason);
			code = ExitCode.STOPPED;
		}
		if (options.summary() != null) {
			SummaryFile.writeAndTell(options.summary(), jsonMapper, reports, code, reason, out, err);
		}
		// the file the follow-up wrote, once it wrote one
		ReportPage.write(options, reports.isEmpty() || !Files.isRegularFile(target) ? List.of()
				: List.of(new HtmlReport.Input(String.valueOf(target.getFileName()), target)), said, out, err);
		return code;
	}

	private RunReport report(Path file, Path target, FollowUp.Launched launched, String stopped, Instant started,
			TypedCommand typed) {
		FollowUpSession.Outcome outcome = launched.outcome();
		Map<RowStatus, Long> counts = outcome == null ? Map.of() : outcome.counts();
		List<RunReport.ErrorCount> errors = new ArrayList<>();
		if (outcome != null) {
			outcome.errorCodes().forEach((error, seen) -> errors.add(new RunReport.ErrorCount(error, seen[0], seen[1])));
		}
		StatusTally tally = StatusTally.of(counts, Map.of());
		boolean problems = tally.hasProblems();
		ExitCode code = stopped != null ? ExitCode.STOPPED : problems ? ExitCode.ROW_PROBLEMS : ExitCode.SUCCESS;
		JobExecution execution = launched.execution();
		return new RunReport(file, target, null, counts, outcome == null ? Map.of() : outcome.accounts(), errors,
				outcome == null ? 0 : outcome.changed(),
				execution.getJobInstance().getInstanceId(), execution.getId(), started, Instant.now(), stopped,
				false, code, stopped != null ? typed.resume() : problems ? typed.retryFailed(target) : null,
				stopped == null && tally.stillPublishing() ? typed.followUp(target) : null);
	}

	/** Null when the follow-up completed; otherwise why it stopped, in one line. */
	private String stopReason(JobExecution execution) {
		if (execution.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
			return null;
		}
		if (gracefulStop.wasRequested()) {
			return "stopped on request; nothing was created: run the same command again to go on";
		}
		for (Throwable failure : execution.getAllFailureExceptions()) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof SendingStoppedException || cause instanceof ZernioApiException
						|| cause instanceof InputFileException) {
					return SafeText.line(cause.getMessage());
				}
			}
		}
		return "the follow-up stopped before the end (" + execution.getStatus() + "); run the same command again";
	}
}

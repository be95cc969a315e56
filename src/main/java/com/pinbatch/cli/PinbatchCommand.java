package com.pinbatch.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.pinbatch.console.HtmlReport;
import com.pinbatch.host.ThisHost;
import com.pinbatch.job.PinbatchProperties;
import com.pinbatch.job.RunProgress;
import com.pinbatch.run.ExitCode;
import com.pinbatch.run.FollowUpRuns;
import com.pinbatch.run.InputOutcome;
import com.pinbatch.run.PinImportRuns;
import com.pinbatch.run.RunListener;
import com.pinbatch.run.RunOutcome;
import com.pinbatch.run.RunRequest;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one command line: turns its options into a {@link RunRequest} (or, with {@code --follow-up}, a follow-up of a
 * result file), launches it, prints what the run says as it goes (with the live progress line) and each input's
 * summary, writes the JSON summary and the report page when asked for, and returns the exit code. It owns no part of
 * the run itself.
 */
@Component
class PinbatchCommand {

	private final PinImportRuns runs;

	private final FollowUpRuns followUps;

	private final PinbatchProperties properties;

	private final JsonMapper jsonMapper;

	PinbatchCommand(PinImportRuns runs, FollowUpRuns followUps, PinbatchProperties properties,
			JsonMapper jsonMapper) {
		this.runs = runs;
		this.followUps = followUps;
		this.properties = properties;
		this.jsonMapper = jsonMapper;
	}

	ExitCode execute(CommandLineOptions options, List<String> arguments, PrintStream out, PrintStream err) {
		List<String> said = new ArrayList<>(); // for the --report page
		RunListener listener = new RunListener() {

			@Override
			public void info(String line) {
				out.println(line);
				said.add(line);
			}

			@Override
			public void problem(String line) {
				err.println(line);
			}

			@Override
			public AutoCloseable sending(RunProgress progress) {
				return ProgressDisplay.start(progress, TerminalStatusLine.current(), properties.progressInterval());
			}
		};
		RunOutcome outcome = options.followUp() != null
				? followUps.run(options.followUp(), options.results() != null ? options.results() : options.followUp(),
						options.sandbox(), listener)
				: runs.run(request(options, properties.inputSettle()), listener);
		TypedCommand typed = new TypedCommand(arguments);
		List<RunReport> reports = outcome.inputs().stream().map(input -> report(input, typed)).toList();
		reports.forEach(report -> RunSummary.print(out, report, options.followUp() != null));
		if (reports.size() > 1) {
			RunSummary.printTotal(out, reports);
		}
		if (options.summary() != null) {
			// also after a refused run, so automation always finds one
			SummaryFile.writeAndTell(options.summary(), jsonMapper, reports, outcome.exitCode(), outcome.reason(), out,
					err);
		}
		// the result files written (a follow-up stopped early may have written none)
		ReportPage.write(options, outcome.inputs().stream()
			.map(InputOutcome::resultFile)
			.filter(Files::isRegularFile)
			.map(file -> new HtmlReport.Input(String.valueOf(file.getFileName()), file))
			.toList(), said, out, err);
		return outcome.exitCode();
	}

	/** @param settle how long an input must have been left alone before it is read ({@code pinbatch.input-settle}) */
	static RunRequest request(CommandLineOptions options, Duration settle) {
		return new RunRequest(options.sources(), options.results(), options.retryFailed() != null, options.sheet(),
				options.encoding(), options.mapping(), options.account(), options.board(), options.timezone(),
				options.dateFormat(), options.whenNoDate(), options.spread(), options.mediaRoot(),
				options.checkMedia(), options.dryRun(), options.sandbox(), "host " + ThisHost.name(), settle);
	}

	/** The input's outcome, with the commands to type next. */
	private static RunReport report(InputOutcome input, TypedCommand typed) {
		String next = switch (input.next()) {
			case RESUME -> typed.resume();
			case RETRY_FAILED -> typed.retryFailed(input.retryFrom());
			case NONE -> null;
		};
		List<RunReport.ErrorCount> errors = input.errorCodes()
			.stream()
			.map(error -> new RunReport.ErrorCount(error.code(), error.count(), error.exampleRow()))
			.toList();
		return new RunReport(input.input(), input.resultFile(), input.runKey(), input.counts(), input.accounts(),
				errors, input.rowsThisRun(), input.jobInstanceId(), input.jobExecutionId(), input.started(),
				input.ended(), input.stopReason(), input.alreadyProcessed(), input.exitCode(), next,
				input.stillPublishing() ? typed.followUp(input.resultFile()) : null);
	}
}

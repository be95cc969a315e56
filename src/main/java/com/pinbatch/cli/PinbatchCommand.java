package com.pinbatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.pinbatch.input.InputFileException;
import com.pinbatch.input.InputOptions;
import com.pinbatch.job.ApiSession;
import com.pinbatch.job.CurrentRun;
import com.pinbatch.job.GracefulStop;
import com.pinbatch.job.PinImportJobConfiguration;
import com.pinbatch.job.RunKey;
import com.pinbatch.job.RunPlan;
import com.pinbatch.job.RunProgress;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.MappingException;
import com.pinbatch.pin.ValidationSettings;
import com.pinbatch.result.ResultFileBuilder;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.result.StatusTally;
import com.pinbatch.throttle.SendingStoppedException;
import com.pinbatch.zernio.ZernioApiException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs one command line: checks every input before anything is sent, then for each input starts the job, resumes
 * it after a stop, or reports the run that already finished; always writes the complete result file and decides
 * the exit code.
 */
@Component
class PinbatchCommand {

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job pinImportJob;

	private final CurrentRun currentRun;

	private final ResultFileBuilder resultFiles;

	private final RowResultStore store;

	private final RunProgress progress;

	private final ApiSessions apiSessions;

	private final GracefulStop gracefulStop;

	PinbatchCommand(JobOperator jobOperator, JobRepository jobRepository, Job pinImportJob, CurrentRun currentRun,
			ResultFileBuilder resultFiles, RowResultStore store, RunProgress progress, ApiSessions apiSessions,
			GracefulStop gracefulStop) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.pinImportJob = pinImportJob;
		this.currentRun = currentRun;
		this.resultFiles = resultFiles;
		this.store = store;
		this.progress = progress;
		this.apiSessions = apiSessions;
		this.gracefulStop = gracefulStop;
	}

	ExitCode execute(CommandLineOptions options, PrintStream out, PrintStream err) {
		ColumnMapping mapping;
		Map<Path, Long> rowCounts = new LinkedHashMap<>();
		InputOptions inputOptions = new InputOptions(options.sheet());
		try {
			mapping = options.mapping() == null ? ColumnMapping.defaults() : ColumnMapping.fromYaml(options.mapping());
			for (Path input : options.sources()) {
				rowCounts.put(input, InputInspector.inspect(input, inputOptions, mapping));
				checkResultPath(input, resultPath(options, input));
			}
		}
		catch (InputFileException | MappingException | UsageException ex) {
			err.println("pinbatch: " + ex.getMessage());
			return ExitCode.USAGE;
		}
		try (ApiSessions.Opened api = apiSessions.open(options, err)) {
			ExitCode worst = ExitCode.SUCCESS;
			for (Map.Entry<Path, Long> input : rowCounts.entrySet()) {
				ExitCode code = runOne(input.getKey(), input.getValue(), options, inputOptions, mapping, api.session(),
						out, err);
				worst = worst.worst(code);
				if (code == ExitCode.STOPPED) {
					break;
				}
			}
			return worst;
		}
		catch (UsageException ex) {
			err.println("pinbatch: " + ex.getMessage());
			return ExitCode.USAGE;
		}
	}

	private ExitCode runOne(Path input, long rows, CommandLineOptions options, InputOptions inputOptions,
			ColumnMapping mapping, ApiSession api, PrintStream out, PrintStream err) {
		String runKey = runKey(input, options);
		Path results = resultPath(options, input);
		ValidationSettings validation = new ValidationSettings(options.timezone(), Clock.systemUTC(),
				options.account(), options.board(), input.toAbsolutePath().getParent(), LocalTime.of(9, 0));
		currentRun.set(new RunPlan(input, inputOptions, runKey, mapping, validation, options.dryRun(), api));
		JobParameters parameters = new JobParametersBuilder().addString("run.key", runKey)
			.addString("input.file", input.toAbsolutePath().toString(), false)
			.toJobParameters();
		String stopReason = null;
		try {
			JobExecution last = jobRepository.getLastJobExecution(PinImportJobConfiguration.JOB_NAME, parameters);
			if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
				out.println("pinbatch: " + input + " was already processed to the end (run " + runKey
						+ "); nothing sent. Its outcome:");
			}
			else {
				if (last != null && last.isRunning()) {
					// the process that ran it is gone (we hold the data folder's lock): mark it failed, then restart
					jobOperator.recover(last);
				}
				out.println("pinbatch: " + (last == null ? "processing " : "resuming ") + input + " (" + rows
						+ " rows, run " + runKey + ")");
				if (api != null) {
					api.boards().accounts(); // fails fast on a rejected key or an unreachable API
				}
				progress.start(rows);
				JobExecution execution = jobOperator.start(pinImportJob, parameters);
				stopReason = failureReason(execution, gracefulStop.wasRequested());
			}
		}
		catch (ZernioApiException ex) {
			stopReason = ex.getMessage();
		}
		catch (Exception ex) {
			stopReason = "the run stopped: " + ex.getMessage();
		}
		finally {
			currentRun.clear();
		}
		StatusTally tally = resultFiles.write(input, inputOptions, runKey, results);
		RunSummary.print(out, tally, store.errorCodes(runKey), results, stopReason, retryCommand(options, results));
		if (stopReason != null) {
			err.println("pinbatch: " + stopReason);
			return ExitCode.STOPPED;
		}
		return tally.hasProblems() ? ExitCode.ROW_PROBLEMS : ExitCode.SUCCESS;
	}

	/** Null when the job completed; otherwise the one-line reason it stopped. */
	private static String failureReason(JobExecution execution, boolean stopRequested) {
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return null;
		}
		if (stopRequested) {
			return "stopped on request; rows not reached are PENDING: run the same command again to resume";
		}
		List<Throwable> failures = execution.getAllFailureExceptions();
		if (failures.isEmpty()) {
			return "the run stopped before the end (" + execution.getStatus() + "); run the same command again to resume";
		}
		for (Throwable cause = failures.get(0); cause != null; cause = cause.getCause()) {
			if (cause instanceof SendingStoppedException || cause instanceof ZernioApiException) {
				return cause.getMessage();
			}
		}
		Throwable failure = failures.get(0);
		return "the run failed unexpectedly (" + failure + "); run the same command again to resume";
	}

	private static String runKey(Path input, CommandLineOptions options) {
		RunKey key = RunKey.builder().file(input).text(options.sheet()).file(options.mapping())
			.text(options.account()).text(options.board()).text(options.timezone().getId())
			.text(options.sandbox() ? "sandbox" : "live");
		// options that change what is sent; only when set, so the runs of earlier versions keep their keys
		if (options.dateFormat() != null) {
			key.text("date-format " + options.dateFormat());
		}
		if (!options.whenNoDate().equals("now")) {
			key.text("when-no-date " + options.whenNoDate());
		}
		if (options.spread()) {
			key.text("spread");
		}
		if (options.dryRun()) {
			// a dry run sends nothing, so repeating it should check the file again rather than report the last check
			key.text("dry-run " + System.nanoTime());
		}
		return key.build();
	}

	static Path resultPath(CommandLineOptions options, Path input) {
		if (options.results() != null) {
			return options.results();
		}
		String name = input.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot) : name;
		String suffix = options.retryFailed() != null ? ".retry.csv" : ".results.csv";
		Path folder = input.toAbsolutePath().getParent();
		return folder.resolve(base + suffix);
	}

	private static void checkResultPath(Path input, Path results) {
		try {
			if (Files.exists(results) && Files.isSameFile(input, results)) {
				throw new UsageException("the result file " + results + " would overwrite the input; choose another --results");
			}
		}
		catch (IOException ex) {
			throw new UsageException("cannot check " + results + ": " + ex.getMessage());
		}
	}

	private static String retryCommand(CommandLineOptions options, Path results) {
		return "java -jar pinbatch.jar --retry-failed=" + results + (options.sandbox() ? " --sandbox" : "");
	}
}

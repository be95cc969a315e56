package com.pinbatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.pinbatch.input.InputFileException;
import com.pinbatch.input.InputOptions;
import com.pinbatch.job.ApiSession;
import com.pinbatch.lease.LeaseHolder;
import com.pinbatch.lease.LeaseTaken;
import com.pinbatch.lease.RunLease;
import com.pinbatch.media.MediaCheckResult;
import com.pinbatch.media.MediaCheckSettings;
import com.pinbatch.media.MediaChecker;
import com.pinbatch.job.CurrentRun;
import com.pinbatch.job.GracefulStop;
import com.pinbatch.job.PinImportJobConfiguration;
import com.pinbatch.job.PinbatchProperties;
import com.pinbatch.job.RunKey;
import com.pinbatch.job.RunPlan;
import com.pinbatch.job.RunProgress;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.MappingException;
import com.pinbatch.pin.Media;
import com.pinbatch.pin.ValidationSettings;
import com.pinbatch.plan.PostingCaps;
import com.pinbatch.plan.PostingHours;
import com.pinbatch.plan.SpreadSettings;
import com.pinbatch.plan.WhenNoDate;
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

import tools.jackson.databind.json.JsonMapper;

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

	private final PinbatchProperties properties;

	private final ThrottleProperties throttle;

	private final RunLease runLease;

	private final JsonMapper jsonMapper;

	PinbatchCommand(JobOperator jobOperator, JobRepository jobRepository, Job pinImportJob, CurrentRun currentRun,
			ResultFileBuilder resultFiles, RowResultStore store, RunProgress progress, ApiSessions apiSessions,
			GracefulStop gracefulStop, PinbatchProperties properties, ThrottleProperties throttle,
			RunLease runLease, JsonMapper jsonMapper) {
		this.throttle = throttle;
		this.runLease = runLease;
		this.jsonMapper = jsonMapper;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.pinImportJob = pinImportJob;
		this.currentRun = currentRun;
		this.resultFiles = resultFiles;
		this.store = store;
		this.progress = progress;
		this.apiSessions = apiSessions;
		this.gracefulStop = gracefulStop;
		this.properties = properties;
	}

	ExitCode execute(CommandLineOptions options, List<String> arguments, PrintStream out, PrintStream err) {
		ColumnMapping mapping;
		Map<Path, InputInspector.Survey> surveys = new LinkedHashMap<>();
		InputOptions inputOptions = new InputOptions(options.sheet());
		try {
			mapping = options.mapping() == null ? ColumnMapping.defaults() : ColumnMapping.fromYaml(options.mapping());
			for (Path input : options.sources()) {
				surveys.put(input, InputInspector.inspect(input, inputOptions, mapping, validation(options, input)));
				checkResultPath(input, resultPath(options, input));
			}
		}
		catch (InputFileException | MappingException | UsageException ex) {
			err.println("pinbatch: " + ex.getMessage());
			writeSummary(options, List.of(), ExitCode.USAGE, out, err);
			return ExitCode.USAGE;
		}
		TypedCommand typed = new TypedCommand(arguments);
		List<RunReport> reports = new ArrayList<>();
		ExitCode worst = ExitCode.SUCCESS;
		try (ApiSessions.Opened api = apiSessions.open(options, err)) {
			for (Map.Entry<Path, InputInspector.Survey> input : surveys.entrySet()) {
				String runKey = runKey(input.getKey(), options);
				RunReport report;
				try (LeaseHolder lease = runLease.acquire(runKey)) {
					// taken over after this process stalled past the lease: stop cleanly, unsent rows PENDING
					lease.onLost(gracefulStop::request);
					report = runOne(input.getKey(), runKey, input.getValue(), options, inputOptions, mapping,
							api.session(), typed, out);
				}
				catch (LeaseTaken taken) {
					err.println("pinbatch: another pinbatch run is processing " + input.getKey() + ": "
							+ taken.holder().owner() + " since " + taken.holder().acquiredAt()
							+ "; wait for it to finish (if that process is gone, run this again after "
							+ taken.expiresAt() + ")");
					worst = worst.worst(ExitCode.USAGE);
					continue;
				}
				reports.add(report);
				RunSummary.print(out, report);
				if (report.stopReason() != null) {
					err.println("pinbatch: " + report.stopReason());
				}
				worst = worst.worst(report.exitCode());
				if (report.exitCode() == ExitCode.STOPPED) {
					break;
				}
			}
		}
		catch (UsageException ex) {
			err.println("pinbatch: " + ex.getMessage());
			worst = ExitCode.USAGE;
		}
		writeSummary(options, reports, worst, out, err);
		return worst;
	}

	/** The JSON summary, when asked for: also after a usage error, so automation always finds one. */
	private void writeSummary(CommandLineOptions options, List<RunReport> reports, ExitCode exitCode, PrintStream out,
			PrintStream err) {
		if (options.summary() == null) {
			return;
		}
		try {
			SummaryFile.write(options.summary(), jsonMapper, reports, exitCode);
			out.println("summary: " + options.summary().toAbsolutePath().normalize());
		}
		catch (IOException ex) {
			err.println("pinbatch: cannot write the summary file " + options.summary() + ": " + ex.getMessage()
					+ "; choose another --summary");
		}
	}

	private RunReport runOne(Path input, String runKey, InputInspector.Survey survey, CommandLineOptions options,
			InputOptions inputOptions, ColumnMapping mapping, ApiSession api, TypedCommand typed, PrintStream out) {
		Instant started = Instant.now();
		Path results = resultPath(options, input);
		long rows = survey.rows();
		survey.notes().forEach(note -> out.println("note: " + note));
		JobParameters parameters = new JobParametersBuilder().addString("run.key", runKey)
			.addString("input.file", input.toAbsolutePath().toString(), false)
			.toJobParameters();
		String stopReason = null;
		JobExecution execution = null;
		boolean alreadyProcessed = false;
		progress.start(rows, Map.of());
		try {
			JobExecution last = jobRepository.getLastJobExecution(PinImportJobConfiguration.JOB_NAME, parameters);
			if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
				alreadyProcessed = true;
				execution = last;
				out.println("pinbatch: " + input + " was already processed to the end (run " + runKey
						+ "); nothing sent. Its outcome:");
			}
			else {
				WhenNoDate whenNoDate = WhenNoDate.fromOption(options.whenNoDate());
				PlanningPass.Outcome planned = PlanningPass.run(input, inputOptions, mapping, survey.validation(),
						spreadSettings(), options.spread(), whenNoDate == WhenNoDate.NOW, options.checkMedia(),
						firstStart(last));
				planned.lines().forEach(line -> out.println("plan: " + line));
				Map<String, MediaCheckResult> mediaProblems = checkMedia(planned.media());
				currentRun.set(new RunPlan(input, inputOptions, runKey, mapping, survey.validation(),
						survey.duplicates(), whenNoDate, planned.slots(), mediaProblems, options.dryRun(), api));
				if (last != null && last.isRunning()) {
					// the process that ran it is gone (we hold this input's lease): mark it failed, then restart
					jobOperator.recover(last);
				}
				out.println("pinbatch: " + (last == null ? "processing " : "resuming ") + input + " (" + rows
						+ " rows, run " + runKey + ")");
				if (api != null) {
					// fails fast on a rejected key or an unreachable API; no look-up waits until the sending
					out.println("plan: " + api.boards().prefetch(planned.boards()).describe());
				}
				progress.start(rows, store.countByStatus(runKey));
				try (ProgressDisplay display = ProgressDisplay.start(progress, TerminalStatusLine.current(),
						properties.progressInterval())) {
					execution = jobOperator.start(pinImportJob, parameters);
				}
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
		ExitCode code = stopReason != null ? ExitCode.STOPPED
				: tally.hasProblems() ? ExitCode.ROW_PROBLEMS : ExitCode.SUCCESS;
		String next = code == ExitCode.STOPPED || tally.hasPending() ? typed.resume()
				: tally.hasProblems() ? typed.retryFailed(results) : null;
		List<RunReport.ErrorCount> errors = new ArrayList<>();
		store.errorCodes(runKey).forEach((error, countAndRow) -> errors.add(
				new RunReport.ErrorCount(error, countAndRow[0], countAndRow[1])));
		return new RunReport(input, results, runKey, tally.asMap(), store.countByAccount(runKey), errors,
				alreadyProcessed ? 0 : progress.snapshot().doneNow(),
				execution == null ? null : execution.getJobInstance().getInstanceId(),
				execution == null ? null : execution.getId(), started, Instant.now(), stopReason, alreadyProcessed,
				code, next);
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

	/** How rows of this input are checked: relative media paths start at the input's folder. */
	private ValidationSettings validation(CommandLineOptions options, Path input) {
		ValidationSettings settings = new ValidationSettings(options.timezone(), Clock.systemUTC(), options.account(),
				options.board(), input.toAbsolutePath().getParent(), properties.defaultTimeOfDay());
		return options.dateFormat() == null ? settings : settings.withDateFormat(options.dateFormat());
	}

	/**
	 * {@code --check-media}: asks every distinct media URL, all at once (in parallel, politely paced) before the job
	 * starts, whether it serves an image or video Pinterest can take; the job only looks the answers up.
	 *
	 * @return the answers with a problem, by URL
	 */
	private static Map<String, MediaCheckResult> checkMedia(Set<Media> media) {
		if (media.isEmpty()) {
			return Map.of();
		}
		Map<String, MediaCheckResult> problems = new HashMap<>();
		try (MediaChecker checker = new MediaChecker(MediaCheckSettings.defaults())) {
			checker.checkAll(media).values().stream()
				.filter(answer -> !answer.ok())
				.forEach(answer -> problems.put(answer.url(), answer));
		}
		return problems;
	}

	private SpreadSettings spreadSettings() {
		return new SpreadSettings(new PostingCaps(throttle.accountHourlyCap(), throttle.accountDailyCap()),
				PostingHours.parse(properties.postingHours()));
	}

	/**
	 * When this job instance first started: --spread counts its slots from there, so a restart gives every row the
	 * slot it had before.
	 */
	private Instant firstStart(JobExecution last) {
		if (last == null) {
			return Instant.now();
		}
		return jobRepository.getJobExecutions(last.getJobInstance()).stream()
			.map(JobExecution::getCreateTime)
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.map(time -> time.atZone(ZoneId.systemDefault()).toInstant())
			.orElse(Instant.now());
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
}

package com.pinbatch.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import com.pinbatch.input.InputDigest;
import com.pinbatch.input.InputFileException;
import com.pinbatch.input.RowSources;
import com.pinbatch.job.GracefulStop;
import com.pinbatch.job.InputInspector;
import com.pinbatch.job.InputParameters;
import com.pinbatch.job.InputSetup;
import com.pinbatch.job.InputSurveys;
import com.pinbatch.job.PinImportJobConfiguration;
import com.pinbatch.job.PinbatchProperties;
import com.pinbatch.job.ResultTotals;
import com.pinbatch.job.RunKey;
import com.pinbatch.job.RunLine;
import com.pinbatch.job.RunProgress;
import com.pinbatch.lease.RunLease;
import com.pinbatch.pin.MappingException;
import com.pinbatch.result.ResultFileBuilder;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.result.RowStatus;
import com.pinbatch.result.StatusTally;
import com.pinbatch.text.SafeText;
import com.pinbatch.throttle.SendingStoppedException;
import com.pinbatch.zernio.ZernioApiException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Launches the pin import for a {@link RunRequest}, whichever front end asks: checks every input before anything is
 * sent, then starts each input's job instance through the {@link JobOperator} (a new one, a restart of one that
 * failed or stopped, or none when one completed before: the input was already processed); always writes every
 * input's complete result file and decides the exit code. The jobs do the work (plan, send, follow); what they and
 * this launcher have to say goes to the request's {@link RunListener}, and what came of each input is the returned
 * outcome.
 */
@Component
public class PinImportRuns {

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job pinImportJob;

	private final ResultFileBuilder resultFiles;

	private final RowResultStore store;

	private final RunProgress progress;

	private final ApiSessions apiSessions;

	private final GracefulStop gracefulStop;

	private final PinbatchProperties properties;

	private final RunLease runLease;

	private final InputSetup setup;

	private final InputSurveys surveys;

	/** Who hears the lines of a running input's job, by run key. */
	private final Map<String, RunListener> listening = new ConcurrentHashMap<>();

	PinImportRuns(JobOperator jobOperator, JobRepository jobRepository, Job pinImportJob,
			ResultFileBuilder resultFiles, RowResultStore store, RunProgress progress, ApiSessions apiSessions,
			GracefulStop gracefulStop, PinbatchProperties properties, RunLease runLease, InputSetup setup,
			InputSurveys surveys) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.pinImportJob = pinImportJob;
		this.resultFiles = resultFiles;
		this.store = store;
		this.progress = progress;
		this.apiSessions = apiSessions;
		this.gracefulStop = gracefulStop;
		this.properties = properties;
		this.runLease = runLease;
		this.setup = setup;
		this.surveys = surveys;
	}

	/** One input of the request, checked. */
	private record Input(InputParameters parameters, InputInspector.Check survey) {

		Path path() {
			return parameters.input();
		}

		String key() {
			return parameters.runKey();
		}

		Path results() {
			return parameters.results();
		}
	}

	/**
	 * Runs the request to its end (or its stop) and says what came of each input. Never throws for a user's
	 * mistake: a refused request is an outcome with exit code 2 and its reason, told to the listener.
	 */
	public RunOutcome run(RunRequest request, RunListener listener) {
		List<Input> inputs = new ArrayList<>();
		try {
			return checkAndRun(request, listener, inputs);
		}
		finally {
			inputs.forEach(input -> surveys.forget(input.parameters())); // what no plan step took
		}
	}

	/** @param inputs filled with the request's inputs as they are checked */
	private RunOutcome checkAndRun(RunRequest request, RunListener listener, List<Input> inputs) {
		String target;
		try {
			List<Path> files = InputFiles.expand(request.sources());
			if (request.results() != null && files.size() > 1) {
				throw new RunRefusedException("--results names one file but there are " + files.size()
						+ " inputs; leave --results out to get one result file per input");
			}
			// every input is checked before anything is sent: a bad one refuses the whole request
			for (Path file : files) {
				InputParameters parameters = parameters(request, file, null);
				InputSurveys.Surveyed surveyed = surveys.read(parameters);
				InputInspector.Check survey = surveyed.check();
				survey.assumptions().forEach(line -> listener.info("input: " + SafeText.line(line)));
				checkResultPath(file, parameters.results());
				InputParameters keyed = parameters(request, file, runKey(file, survey.digest(), request))
					.withEncodingFound(survey.charset());
				surveys.keep(keyed, surveyed); // for the job's plan step: it need not read the file again
				inputs.add(new Input(keyed, survey));
			}
			target = apiSessions.target(request, listener);
		}
		catch (InputFileException | MappingException | RunRefusedException ex) {
			String reason = SafeText.line(ex.getMessage());
			listener.problem("pinbatch: " + reason);
			if (ex instanceof MappingException mappingProblem) {
				mappingProblem.suggestedMapping().forEach(line -> listener.problem("  " + SafeText.line(line)));
			}
			return RunOutcome.refused(reason);
		}
		List<Input> targeted = inputs.stream()
			.map(input -> new Input(input.parameters().withTarget(target), input.survey()))
			.toList();
		Map<String, Input> distinct = new LinkedHashMap<>();
		targeted.forEach(input -> distinct.putIfAbsent(input.key(), input)); // two names of one content: sent once
		Map<String, Path> files = new LinkedHashMap<>();
		distinct.forEach((key, input) -> files.put(key, input.path()));
		// a lost lease stops that input's run alone: the others, and a console's later runs, go on sending
		try (InputLeases leases = InputLeases.acquire(runLease, files,
				key -> gracefulStop.stopRun(key, leaseLost(files.get(key))), listener)) {
			if (leases == null) {
				return new RunOutcome(List.of(), ExitCode.USAGE,
						"another pinbatch run is processing one of the inputs");
			}
			List<InputOutcome> outcomes;
			try {
				outcomes = run(targeted, distinct, listener);
			}
			finally {
				files.keySet().forEach(gracefulStop::forgetRun);
			}
			return new RunOutcome(outcomes,
					outcomes.stream().map(InputOutcome::exitCode).reduce(ExitCode.SUCCESS, ExitCode::worst), null);
		}
	}

	/** Why an input's run stopped when this process lost its lease. */
	private String leaseLost(Path file) {
		return file + ": stopped: this process lost its lease on the input (the job repository did not answer, or"
				+ " the process stalled, for longer than pinbatch.lease.ttl, " + runLease.ttl().toSeconds()
				+ " s); another run may have taken it over. Rows not reached are PENDING: run the same command again"
				+ " once no other run is processing it";
	}

	/** Tells a job's lines to the listener of the request that launched it. */
	@EventListener
	void on(RunLine line) {
		RunListener listener = listening.get(line.runKey());
		if (listener != null) {
			listener.info(line.text());
		}
	}

	/** @param distinct the inputs by run key, each content once */
	private List<InputOutcome> run(List<Input> inputs, Map<String, Input> distinct, RunListener listener) {
		Instant started = Instant.now();
		Map<String, JobExecution> last = new HashMap<>();
		for (Input input : distinct.values()) {
			JobExecution previous = jobRepository.getLastJobExecution(PinImportJobConfiguration.JOB_NAME,
					input.parameters().toJobParameters());
			if (previous != null) {
				last.put(input.key(), previous);
			}
		}
		// processed to the end: the input's job instance completed (Spring Batch's own answer)
		Map<String, JobExecution> finishedBy = new HashMap<>();
		last.forEach((key, execution) -> {
			if (execution.getStatus() == BatchStatus.COMPLETED) {
				finishedBy.put(key, execution);
			}
		});
		List<Input> toRun = distinct.values().stream().filter(input -> !finishedBy.containsKey(input.key())).toList();
		for (Input input : inputs) {
			Input first = distinct.get(input.key());
			if (first != input) {
				listener.info("pinbatch: " + input.path() + " has the same content as " + first.path()
						+ " (run " + input.key() + "): its rows are sent once");
			}
			else if (finishedBy.containsKey(input.key())) {
				listener.info("pinbatch: " + input.path() + " was already processed to the end (run " + input.key()
						+ "); nothing sent. Its outcome:");
			}
		}
		Map<String, Long> doneBefore = new HashMap<>();
		Map<String, JobExecution> executions = new HashMap<>();
		Map<String, String> stopReasons = new LinkedHashMap<>();
		try {
			if (!toRun.isEmpty()) {
				launch(toRun, last, doneBefore, executions, stopReasons, listener);
			}
		}
		catch (Exception ex) {
			String reason = stopReason(ex);
			toRun.forEach(input -> stopReasons.putIfAbsent(input.key(), reason));
		}
		finally {
			toRun.forEach(input -> listening.remove(input.key()));
		}
		// exception messages may quote a server, a cell or a request header: one clean line, no key
		stopReasons.replaceAll((key, reason) -> SafeText.line(reason));
		new LinkedHashSet<>(stopReasons.values()).forEach(reason -> listener.problem("pinbatch: " + reason));
		Instant ended = Instant.now();
		List<InputOutcome> outcomes = new ArrayList<>();
		for (Input input : inputs) {
			boolean counted = distinct.get(input.key()) == input; // a copy of another input did nothing of its own
			outcomes.add(outcome(input, finishedBy.get(input.key()), executions.get(input.key()),
					stopReasons.get(input.key()), counted ? doneBefore.get(input.key()) : null, started, ended));
		}
		return outcomes;
	}

	/** The input's job parameters; {@code runKey} null while it is being checked. */
	private InputParameters parameters(RunRequest request, Path file, String runKey) {
		return new InputParameters(runKey, file, resultPath(request, file), request.sheet(), request.encoding(),
				request.mapping(), request.account(), request.board(), request.timezone(), request.dateFormat(),
				request.whenNoDate(), request.spread(), request.mediaRoot(), request.checkMedia(), request.dryRun(),
				null, request.by());
	}

	/** The one line for a run that stopped with {@code failure} before or while its jobs ran. */
	private String stopReason(Exception failure) {
		if (gracefulStop.wasRequested()) {
			return GracefulStop.STOPPED;
		}
		if (failure instanceof ZernioApiException || failure instanceof SendingStoppedException) {
			return failure.getMessage();
		}
		return RepositoryTrouble.describe(failure).orElse("the run stopped: " + failure.getMessage());
	}

	/**
	 * Says what the input's run came to, from the result file its job wrote; writes that file itself when no job of
	 * this request wrote it (the input was processed before, is a copy of another, or its job never started or could
	 * not write it: then this write says why in one line).
	 *
	 * @param finishedBefore the execution that completed the input before this request, or null: this run worked on it
	 * @param execution      this request's execution of the input's job; null when it did not start one
	 * @param doneBefore     rows of the input done before this run started; null when this run did not work on it
	 */
	private InputOutcome outcome(Input input, JobExecution finishedBefore, JobExecution execution, String stopReason,
			Long doneBefore, Instant started, Instant ended) {
		boolean alreadyProcessed = finishedBefore != null;
		boolean finished = alreadyProcessed || execution != null && execution.getStatus() == BatchStatus.COMPLETED;
		InputParameters parameters = input.parameters();
		Optional<StatusTally> written = execution == null || doneBefore == null ? Optional.empty()
				: ResultTotals.of(execution.getExecutionContext());
		StatusTally tally = written.orElseGet(() -> resultFiles.write(input.path(),
				setup.inputOptions(parameters, setup.mapping(parameters)), input.key(), input.results()));
		ExitCode code = !finished && (stopReason != null || tally.hasPending()) ? ExitCode.STOPPED
				: tally.hasProblems() ? ExitCode.ROW_PROBLEMS : ExitCode.SUCCESS;
		InputOutcome.Next next = code == ExitCode.STOPPED || tally.hasPending() ? InputOutcome.Next.RESUME
				: tally.hasProblems() ? InputOutcome.Next.RETRY_FAILED : InputOutcome.Next.NONE;
		List<InputOutcome.ErrorCount> errors = new ArrayList<>();
		tally.errorCodes().forEach((error, countAndRow) -> errors.add(
				new InputOutcome.ErrorCount(error, countAndRow[0], countAndRow[1])));
		// a dry run stores no outcomes: its job counted the rows it checked
		Optional<Long> checked = execution == null ? Optional.empty()
				: ResultTotals.rowsDone(execution.getExecutionContext());
		long rowsThisRun = doneBefore == null ? 0
				: checked.orElseGet(() -> Math.max(0, done(input.key()) - doneBefore));
		JobExecution ranIn = alreadyProcessed ? finishedBefore : execution;
		return new InputOutcome(input.path(), input.results(), input.key(), tally.asMap(),
				store.countByAccount(input.key()), errors, rowsThisRun,
				ranIn == null ? null : ranIn.getJobInstance().getInstanceId(), ranIn == null ? null : ranIn.getId(),
				started, ended, code == ExitCode.STOPPED ? stopReason : null, alreadyProcessed, code, next,
				code != ExitCode.STOPPED && tally.stillPublishing());
	}

	/**
	 * Starts (or restarts) each input's job instance, side by side up to {@code pinbatch.parallel-inputs}: they share
	 * the sending threads and the pace, so more only overlaps reading and checking rows.
	 *
	 * @param doneBefore  filled with each input's rows already done, to count what this run did
	 * @param executions  filled with each input's job execution
	 * @param stopReasons filled with the reason of each input that did not complete
	 */
	private void launch(List<Input> toRun, Map<String, JobExecution> last, Map<String, Long> doneBefore,
			Map<String, JobExecution> executions, Map<String, String> stopReasons, RunListener listener)
			throws Exception {
		gracefulStop.throwIfRequested(); // a stop during start-up: nothing is planned, looked up or sent
		for (Input input : toRun) {
			JobExecution previous = last.get(input.key());
			if (previous != null && previous.isRunning()) {
				// the process that ran it is gone (we hold the input's lease): mark it failed, then restart
				jobOperator.recover(previous);
			}
		}
		long rows = 0;
		Map<RowStatus, Long> earlier = new EnumMap<>(RowStatus.class);
		for (Input input : toRun) {
			rows += input.survey().rows();
			Map<RowStatus, Long> stored = store.countByStatus(input.key());
			stored.forEach((status, count) -> earlier.merge(status, count, Long::sum));
			doneBefore.put(input.key(), stored.values().stream().mapToLong(Long::longValue).sum());
			listener.info("pinbatch: " + (last.containsKey(input.key()) ? "resuming " : "processing ") + input.path()
					+ " (" + input.survey().rows() + " rows, run " + input.key() + ")");
			listener.running(input.key());
			String prefix = toRun.size() > 1 ? input.path().getFileName() + ": " : "";
			listening.put(input.key(), new Prefixed(listener, prefix));
		}
		gracefulStop.throwIfRequested();
		progress.start(rows, earlier);
		SimpleAsyncTaskExecutor side = new SimpleAsyncTaskExecutor("input-");
		side.setConcurrencyLimit(properties.parallelInputs());
		side.setDaemon(true);
		try (AutoCloseable sending = listener.sending(progress)) {
			Map<String, Future<JobExecution>> running = new LinkedHashMap<>();
			for (Input input : toRun) {
				JobParameters parameters = input.parameters().toJobParameters();
				running.put(input.key(), side.submit(() -> jobOperator.start(pinImportJob, parameters)));
			}
			for (Map.Entry<String, Future<JobExecution>> job : running.entrySet()) {
				try {
					JobExecution execution = job.getValue().get();
					executions.put(job.getKey(), execution);
					String alone = gracefulStop.reasonFor(job.getKey());
					String reason = alone != null && execution.getStatus() != BatchStatus.COMPLETED ? alone
							: failureReason(execution, gracefulStop.wasRequested());
					if (reason != null) {
						stopReasons.put(job.getKey(), reason);
					}
				}
				catch (ExecutionException ex) {
					stopReasons.put(job.getKey(), stopReason(ex.getCause() instanceof Exception cause ? cause : ex));
				}
			}
		}
	}

	/** A job's lines, after the input's file name when the request has several. */
	private record Prefixed(RunListener listener, String prefix) implements RunListener {

		@Override
		public void info(String line) {
			int colon = line.indexOf(": ");
			// "note: garden.csv: ..." as the launcher said it before: the kind of line first, then the file
			listener.info(colon < 0 ? prefix + line : line.substring(0, colon + 2) + prefix + line.substring(colon + 2));
		}

		@Override
		public void problem(String line) {
			listener.problem(line);
		}
	}

	/** Rows of the input with a stored outcome. */
	private long done(String inputKey) {
		return store.countByStatus(inputKey).values().stream().mapToLong(Long::longValue).sum();
	}

	/** Null when the job completed; otherwise the one-line reason it stopped. */
	private static String failureReason(JobExecution execution, boolean stopRequested) {
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return null;
		}
		if (stopRequested) {
			return GracefulStop.STOPPED;
		}
		List<Throwable> failures = execution.getAllFailureExceptions();
		if (failures.isEmpty()) {
			return "the run stopped before the end (" + execution.getStatus() + "); run the same command again to resume";
		}
		// the cause says why: key rejected, Zernio down, the repository
		for (Throwable failure : failures) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof SendingStoppedException || cause instanceof ZernioApiException) {
					return cause.getMessage();
				}
			}
		}
		for (Throwable failure : failures) {
			Optional<String> repository = RepositoryTrouble.describe(failure);
			if (repository.isPresent()) {
				return repository.get();
			}
		}
		Throwable failure = failures.stream()
			.filter(candidate -> !(candidate instanceof JobExecutionException))
			.findFirst()
			.orElse(failures.get(0));
		return "the run failed unexpectedly (" + failure + "); run the same command again to resume";
	}

	/** @param parsed the digest the input's check took of its bytes (null: read them) */
	static String runKey(Path input, InputDigest parsed, RunRequest options) {
		RunKey key = RunKey.ofParsed(input, parsed).text(options.sheet()).file(options.mapping())
			.text(options.account()).text(options.board()).text(options.timezone().getId())
			.text(options.sandbox() ? "sandbox" : "live");
		// options that change what is sent; only when set, so the runs of earlier versions keep their keys
		if (options.dateFormat() != null) {
			key.text("date-format " + options.dateFormat());
		}
		if (options.encoding() != null) {
			key.text("encoding " + options.encoding());
		}
		if (!options.whenNoDate().equals("now")) {
			key.text("when-no-date " + options.whenNoDate());
		}
		if (options.spread()) {
			key.text("spread");
		}
		if (options.mediaRoot() != null) {
			key.text("media-root " + options.mediaRoot()); // a wider folder can turn refused rows into sendable ones
		}
		if (options.dryRun()) {
			// a dry run sends nothing, so repeating it should check the file again rather than report the last check
			key.text("dry-run " + System.nanoTime());
		}
		return key.build();
	}

	/**
	 * Beside the input: {@code NAME.results.csv}, or {@code NAME.results.xlsx} for a workbook (so it reopens with
	 * its colours and filter in the program that made it); a --sheet of a workbook goes into the name, so results of
	 * two sheets never overwrite each other. A --retry-failed run writes {@code .retry} likewise.
	 */
	static Path resultPath(RunRequest options, Path input) {
		if (options.results() != null) {
			return options.results();
		}
		String name = input.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot) : name;
		boolean workbook = RowSources.isWorkbook(input);
		if (workbook && options.sheet() != null) {
			base += "." + options.sheet().replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
		}
		String suffix = (options.retryFailed() ? ".retry" : ".results") + (workbook ? ".xlsx" : ".csv");
		Path folder = input.toAbsolutePath().getParent();
		return folder.resolve(base + suffix);
	}

	private static void checkResultPath(Path input, Path results) {
		try {
			if (Files.exists(results) && Files.isSameFile(input, results)) {
				throw new RunRefusedException("the result file " + results + " would overwrite the input; choose another --results");
			}
		}
		catch (IOException ex) {
			throw new RunRefusedException("cannot check " + results + ": " + ex.getMessage());
		}
		if (Files.isDirectory(results)) {
			throw new RunRefusedException("the result file " + results + " is a folder; choose another --results");
		}
		Path folder = results.toAbsolutePath().getParent();
		String problem = WritableFolders.problem(folder);
		if (problem != null) {
			throw new RunRefusedException("cannot write the result file " + results + " (" + folder + ": " + problem
					+ "); choose another --results");
		}
	}
}

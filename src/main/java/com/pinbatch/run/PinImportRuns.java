package com.pinbatch.run;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.pinbatch.input.InputFileException;
import com.pinbatch.job.PinImportJobConfiguration;
import com.pinbatch.job.PinbatchProperties;
import com.pinbatch.job.PlansUnderWay;
import com.pinbatch.job.RunLine;
import com.pinbatch.job.RunProgress;
import com.pinbatch.job.RunProgresses;
import com.pinbatch.lease.RunLease;
import com.pinbatch.pin.MappingException;
import com.pinbatch.result.RowStatus;
import com.pinbatch.schema.InterruptedExecutions;
import com.pinbatch.stop.GracefulStop;
import com.pinbatch.text.SafeText;
import com.pinbatch.text.Plural;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Launches the pin import for a {@link RunRequest}, whichever front end asks: has every input checked before
 * anything is sent ({@link RequestedInputs}), holds each input's lease, then starts each input's job instance through
 * the {@link JobOperator} (a new one, a restart of one that failed or stopped, or none when one completed before: the
 * input was already processed), side by side. The jobs do the work (plan, send, follow); what they and this launcher
 * have to say goes to the request's {@link RunListener}, and what came of each input ({@link InputOutcomes}) is the
 * returned outcome.
 */
@Component
public class PinImportRuns {

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job pinImportJob;

	private final RequestedInputs requestedInputs;

	private final InputOutcomes outcomes;

	private final RunProgresses progresses;

	private final ApiSessions apiSessions;

	private final GracefulStop gracefulStop;

	private final PinbatchProperties properties;

	private final RunLease runLease;

	private final InterruptedExecutions interrupted;

	private final FollowUpRuns followUps;

	private final PlansUnderWay plansUnderWay;

	/** Who hears the lines of a running input's job, by run key. */
	private final Map<String, RunListener> listening = new ConcurrentHashMap<>();

	PinImportRuns(JobOperator jobOperator, JobRepository jobRepository, Job pinImportJob,
			RequestedInputs requestedInputs, InputOutcomes outcomes, RunProgresses progresses, ApiSessions apiSessions,
			GracefulStop gracefulStop, PinbatchProperties properties, RunLease runLease,
			InterruptedExecutions interrupted, FollowUpRuns followUps, PlansUnderWay plansUnderWay) {
		this.jobOperator = jobOperator;
		this.plansUnderWay = plansUnderWay;
		this.jobRepository = jobRepository;
		this.pinImportJob = pinImportJob;
		this.requestedInputs = requestedInputs;
		this.outcomes = outcomes;
		this.progresses = progresses;
		this.apiSessions = apiSessions;
		this.gracefulStop = gracefulStop;
		this.properties = properties;
		this.runLease = runLease;
		this.interrupted = interrupted;
		this.followUps = followUps;
	}

	/**
	 * Runs the request to its end (or its stop) and says what came of each input. Never throws for a user's
	 * mistake: a refused request is an outcome with exit code 2 and its reason, told to the listener.
	 */
	public RunOutcome run(RunRequest request, RunListener listener) {
		List<CheckedInput> inputs = new ArrayList<>();
		try {
			return checkAndRun(request, listener, inputs);
		}
		catch (DataAccessException unreachable) {
			// the job repository's database went away (an outage longer than a restart) after the jobs stopped, while
			// their outcomes were gathered: what was stored stays, and the same command goes on from it
			String reason = SafeText.line(RepositoryTrouble.describe(unreachable).orElseThrow());
			listener.problem("pinbatch: " + reason);
			return new RunOutcome(List.of(), ExitCode.STOPPED, reason);
		}
		finally {
			requestedInputs.forget(inputs);
		}
	}

	/** @param inputs filled with the request's inputs as they are checked */
	private RunOutcome checkAndRun(RunRequest request, RunListener listener, List<CheckedInput> inputs) {
		String target;
		try {
			requestedInputs.check(request, listener, inputs);
			target = apiSessions.target(request, listener);
		}
		catch (InputFileException | MappingException | RunRefusedException ex) {
			String reason = SafeText.line(ex.getMessage());
			listener.problem("pinbatch: " + reason);
			if (ex instanceof MappingException mappingProblem) {
				// the error stays one line; the lines to save follow on the standard output
				mappingProblem.suggestedMapping().forEach(line -> listener.info("  " + SafeText.line(line)));
			}
			return RunOutcome.refused(reason);
		}
		if (inputs.isEmpty()) {
			// only folders holding nothing to read were named (each said so): a quiet night, not a failure
			String reason = "nothing to do: no input to process";
			listener.info("pinbatch: " + reason);
			return new RunOutcome(List.of(), ExitCode.SUCCESS, reason);
		}
		List<CheckedInput> targeted = inputs.stream().map(input -> input.withTarget(target)).toList();
		Map<String, CheckedInput> distinct = new LinkedHashMap<>();
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
			List<InputOutcome> ran;
			try {
				ran = run(targeted, distinct, listener);
			}
			finally {
				files.keySet().forEach(gracefulStop::forgetRun);
			}
			return new RunOutcome(ran,
					ran.stream().map(InputOutcome::exitCode).reduce(ExitCode.SUCCESS, ExitCode::worst), null);
		}
	}

	/** Why an input's run stopped when this process lost its lease. */
	private String leaseLost(Path file) {
		return file + ": stopped: this process lost its lease on the input (the job repository did not answer, or"
				+ " the process stalled, for longer than pinbatch.lease.ttl, " + runLease.ttl().toSeconds()
				+ " s); another run may have taken it over. Rows not reached are PENDING: run the same command again"
				+ " once no other run is processing it";
	}

	/** A time the job execution keeps (in the system's zone, as Spring Batch writes them), else {@code otherwise}. */
	private static Instant timeOr(JobExecution execution, Function<JobExecution, LocalDateTime> time,
			Instant otherwise) {
		LocalDateTime kept = execution == null ? null : time.apply(execution);
		return kept == null ? otherwise : kept.atZone(ZoneId.systemDefault()).toInstant();
	}

	/** Tells a job's lines to the listener of the request that launched it. */
	@EventListener
	void on(RunLine line) {
		RunListener listener = listening.get(line.runKey());
		if (listener != null) {
			listener.info(line.text());
		}
	}

	/**
	 * A finished input named again (a file left in a nightly folder) is in use as of now: its last execution's
	 * last-updated time says so, which a prune reads as activity, so that it stays processed, and what its runs sent
	 * stays known, as long as runs keep naming it (pruned, the next night would send every pin again).
	 */
	private void namedAgain(JobExecution finished) {
		try {
			jobRepository.update(finished);
		}
		catch (OptimisticLockingFailureException sameMoment) {
			// another host named it at the same moment: it is marked
		}
	}

	/** @param distinct the inputs by run key, each content once */
	private List<InputOutcome> run(List<CheckedInput> inputs, Map<String, CheckedInput> distinct, RunListener listener) {
		Instant started = Instant.now();
		Map<String, JobExecution> last = new HashMap<>();
		for (CheckedInput input : distinct.values()) {
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
		finishedBy.values().forEach(this::namedAgain);
		List<CheckedInput> toRun = distinct.values().stream()
			.filter(input -> !finishedBy.containsKey(input.key()))
			.toList();
		for (CheckedInput input : inputs) {
			CheckedInput first = distinct.get(input.key());
			if (first != input) {
				listener.info("pinbatch: " + input.path() + " has the same content as " + first.path()
						+ " (run " + input.key() + "): its rows are sent once");
			}
			else if (finishedBy.containsKey(input.key())) {
				listener.info("pinbatch: " + input.path() + " was already processed to the end (run " + input.key()
						+ "); nothing sent. Its outcome:");
			}
		}
		Launched launched = new Launched();
		try {
			if (!toRun.isEmpty()) {
				launch(toRun, last, launched, listener);
			}
		}
		catch (Exception ex) {
			String reason = StopReasons.of(ex, gracefulStop.wasRequested());
			toRun.forEach(input -> launched.stopReasons.putIfAbsent(input.key(), reason));
		}
		finally {
			toRun.forEach(input -> listening.remove(input.key()));
		}
		// exception messages may quote a server, a cell or a request header: one clean line, no key
		launched.stopReasons.replaceAll((key, reason) -> SafeText.line(reason));
		Instant ended = Instant.now();
		List<InputOutcome> results = new ArrayList<>();
		for (CheckedInput input : inputs) {
			String key = input.key();
			boolean counted = distinct.get(key) == input; // a copy of another input did nothing of its own
			JobExecution execution = launched.executions.get(key);
			// its own job's times: inputs run side by side, or one after another
			InputOutcome outcome = outcomes.of(input, finishedBy.get(key), execution, launched.stopReasons.get(key),
					counted ? launched.doneBefore.get(key) : null,
					timeOr(execution, JobExecution::getStartTime, started),
					timeOr(execution, JobExecution::getEndTime, ended));
			results.add(counted ? followedUpIfDue(input, finishedBy.get(key), outcome, started, listener) : outcome);
		}
		// each stop once, in the words its input's outcome gives it
		results.stream()
			.map(InputOutcome::stopReason)
			.filter(Objects::nonNull)
			.distinct()
			.forEach(reason -> listener.problem("pinbatch: " + reason));
		return results;
	}

	/**
	 * An input processed before whose pins are still publishing, or were scheduled and are due, has them followed up
	 * (as {@code --follow-up} of its result file would: nothing created), so that a nightly run of a folder whose
	 * sheets stay there accounts for every sheet's pins on Pinterest, not only for the pins it sent that night.
	 */
	private InputOutcome followedUpIfDue(CheckedInput input, JobExecution finishedBefore, InputOutcome outcome,
			Instant started, RunListener listener) {
		String target = input.parameters().target();
		boolean scheduled = outcome.counts().getOrDefault(RowStatus.SCHEDULED, 0L) > 0;
		if (!outcome.alreadyProcessed() || !(outcome.stillPublishing() || scheduled) || input.parameters().dryRun()
				|| ApiSessions.NONE.equals(target) || gracefulStop.wasRequested()) {
			return outcome;
		}
		// its stop, if any, is told once with the input's outcome, as the other inputs' stops are
		RunListener linesOnly = new RunListener() {

			@Override
			public void info(String line) {
				listener.info(line);
			}

			@Override
			public void problem(String line) {
			}
		};
		Optional<RunOutcome> followed = followUps.followDue(outcome.resultFile(), target, linesOnly);
		if (followed.isEmpty()) {
			return outcome;
		}
		// what the follow-up learnt is in the job repository: the input's outcome and result file are read again
		InputOutcome now = outcomes.of(input, finishedBefore, null, null, null, started, Instant.now());
		String stopped = followed.get().reason() != null ? followed.get().reason()
				: followed.get().inputs().stream().map(InputOutcome::stopReason).filter(Objects::nonNull)
					.findFirst().orElse(null);
		return stopped == null ? now : now.stoppedFollowing(StopReasons.said(stopped, false));
	}

	/** What launching the inputs' jobs came to, by run key; filled as it goes, so a stop part-way keeps what it had. */
	private static final class Launched {

		/** Each input's rows done before this run, to count what this run did. */
		final Map<String, Long> doneBefore = new HashMap<>();

		/** Each input's job execution. */
		final Map<String, JobExecution> executions = new HashMap<>();

		/** Why each input that did not complete stopped. */
		final Map<String, String> stopReasons = new LinkedHashMap<>();
	}

	/**
	 * Starts (or restarts) each input's job instance, side by side up to {@code pinbatch.parallel-inputs}: they share
	 * the sending threads and the pace, so more only overlaps reading and checking rows. With --spread they run one
	 * after another: each input's plan finds its slots around the pins the inputs before it put on their accounts.
	 */
	private void launch(List<CheckedInput> toRun, Map<String, JobExecution> last, Launched launched,
			RunListener listener) throws Exception {
		gracefulStop.throwIfRequested(); // a stop during start-up: nothing is planned, looked up or sent
		for (CheckedInput input : toRun) {
			JobExecution previous = last.get(input.key());
			if (previous != null) {
				interrupted.makeRestartable(previous); // we hold the input's lease
			}
		}
		long rows = 0;
		Map<RowStatus, Long> earlier = new EnumMap<>(RowStatus.class);
		for (CheckedInput input : toRun) {
			rows += input.survey().rows();
			Map<RowStatus, Long> stored = outcomes.storedByStatus(input.key());
			stored.forEach((status, count) -> earlier.merge(status, count, Long::sum));
			launched.doneBefore.put(input.key(), stored.values().stream().mapToLong(Long::longValue).sum());
			listener.info("pinbatch: " + (last.containsKey(input.key()) ? "resuming " : "processing ") + input.path()
					+ " (" + Plural.of(input.survey().rows(), "row") + ", run " + input.key() + ")");
			listener.running(input.key());
			String prefix = toRun.size() > 1 ? input.path().getFileName() + ": " : "";
			listening.put(input.key(), new Prefixed(listener, prefix));
		}
		gracefulStop.throwIfRequested();
		RunProgress progress = progresses.start(toRun.stream().map(CheckedInput::key).toList(), rows, earlier);
		SimpleAsyncTaskExecutor side = new SimpleAsyncTaskExecutor("input-");
		boolean spreading = toRun.stream().anyMatch(input -> input.parameters().spread());
		side.setConcurrencyLimit(spreading ? 1 : properties.parallelInputs());
		side.setDaemon(true);
		try (AutoCloseable sending = listener.sending(progress)) {
			Map<String, Future<JobExecution>> running = new LinkedHashMap<>();
			for (CheckedInput input : toRun) {
				JobParameters parameters = input.parameters().toJobParameters();
				running.put(input.key(), side.submit(() -> jobOperator.start(pinImportJob, parameters)));
			}
			for (Map.Entry<String, Future<JobExecution>> job : running.entrySet()) {
				try {
					JobExecution execution = job.getValue().get();
					launched.executions.put(job.getKey(), execution);
					String alone = gracefulStop.reasonFor(job.getKey());
					String reason = alone != null && execution.getStatus() != BatchStatus.COMPLETED ? alone
							: StopReasons.of(execution, gracefulStop.wasRequested());
					if (reason != null) {
						launched.stopReasons.put(job.getKey(), reason);
					}
				}
				catch (ExecutionException ex) {
					launched.stopReasons.put(job.getKey(), StopReasons.of(
							ex.getCause() instanceof Exception cause ? cause : ex, gracefulStop.wasRequested()));
				}
			}
		}
		finally {
			progresses.end(progress);
			plansUnderWay.forget(toRun.stream().map(CheckedInput::key).toList());
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
}

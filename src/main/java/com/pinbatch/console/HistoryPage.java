package com.pinbatch.console;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.pinbatch.follow.LatestFollowUps;
import com.pinbatch.job.InputAsPlanned;
import com.pinbatch.job.InputParameters;
import com.pinbatch.job.PinImportJobConfiguration;
import com.pinbatch.job.ResultTotals;
import com.pinbatch.job.RunKey;
import com.pinbatch.lease.RunLease;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.result.RowStatus;
import com.pinbatch.result.StatusTally;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * History: every run in the job repository, the command line's and the console's alike (they share it): its file,
 * when it ran, who started it (the job parameter {@code run.by}), its rows by status, and its result file, read from
 * the job repository and the data folder, so a console restart or a command-line run loses none of it.
 */
@ConsolePage
class HistoryPage {



	private static final int SHOWN = UploadSends.LOOKED_BACK;

	/** The steps that read the rows (a dry run's checks them, any other run's sends them): the rows each run read. */
	private static final List<String> ROW_STEPS = List.of(PinImportJobConfiguration.SEND_STEP,
			PinImportJobConfiguration.CHECK_STEP);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ENGLISH);

	private final JobRepository jobRepository;

	private final RowResultStore results;

	private final ConsoleRuns runs;

	private final Uploads uploads;

	private final RunLease leases;

	HistoryPage(JobRepository jobRepository, RowResultStore results, ConsoleRuns runs, Uploads uploads,
			RunLease leases) {
		this.jobRepository = jobRepository;
		this.leases = leases;
		this.results = results;
		this.runs = runs;
		this.uploads = uploads;
	}

	/**
	 * One job execution as the page shows it; {@code counts} the rows by status of its input's run as it stands,
	 * {@code download} whether this person may have its result file, {@code runId} the console's run page while the
	 * console that ran it still runs, {@code goOn} the upload page of this person's console run that a stop cut short
	 * (the console stopped with it): sending it again there goes on where it stopped; {@code followUp} whether this
	 * person's finished console run has rows whose outcome Zernio may know by now (also once the console that ran it
	 * has stopped, taking the run's page with it).
	 */
	/**
	 * @param started   when it started, on the server's clock and zone (the page shows it in the browser's)
	 * @param startedAt the same instant in ISO-8601 UTC, for the browser; empty when not known
	 * @param uploadId  the upload of this person's that the run read, whose page reviews and sends it; null: none
	 */
	record Entry(long execution, String files, String resultFile, String started, String startedAt, String ended,
			String endedAt, String status, long rows, Map<String, Long> counts, String who, boolean download,
			String runId, String goOn, boolean followUp, String uploadId) {
	}

	/** @param page 1 for the newest runs; each page shows {@link #SHOWN} runs (job instances) with all their tries */
	@GetMapping("/history")
	String history(@RequestParam(defaultValue = "1") int page, Principal principal, Model model) {
		String owner = Owner.of(principal);
		List<LiveRun> mine = runs.of(owner);
		int shown = Math.max(page, 1);
		// one more than a page: whether there are older runs to link to
		List<JobInstance> instances = jobRepository.getJobInstances(PinImportJobConfiguration.JOB_NAME,
				(shown - 1) * SHOWN, SHOWN + 1);
		List<List<JobExecution>> byInstance = instances.subList(0, Math.min(SHOWN, instances.size()))
			.stream()
			.map(jobRepository::getJobExecutions)
			.toList();
		Map<String, Long> newestReviews = newestReviews(byInstance.stream().flatMap(List::stream).toList());
		LatestFollowUps followUps = LatestFollowUps.of(jobRepository, UploadSends.LOOKED_BACK);
		// the newest run writing each result file, newer pages' runs included: its file is the one followed up since
		List<JobExecution> upToThisPage = (shown == 1 ? byInstance.stream()
			: jobRepository.getJobInstances(PinImportJobConfiguration.JOB_NAME, 0, shown * SHOWN)
				.stream()
				.map(jobRepository::getJobExecutions)).flatMap(List::stream).toList();
		Map<String, Long> newestWriters = newestWriters(upToThisPage);
		List<Entry> entries = new ArrayList<>();
		for (List<JobExecution> executions : byInstance) {
			long last = executions.stream().mapToLong(JobExecution::getId).max().orElse(-1);
			for (JobExecution execution : executions) {
				if (reviewReplaced(execution, newestReviews)) {
					// a review read again (another sheet, board, date order) is that one line, not one per try:
					// before, an upload's reviews buried its sends
					continue;
				}
				entries.add(entry(execution, mine, owner, execution.getId() == last, newestReviews,
						newestWriters, followUps));
			}
		}
		entries.sort(Comparator.comparingLong(Entry::execution).reversed());
		model.addAttribute("entries", entries);
		model.addAttribute("page", shown);
		model.addAttribute("older", instances.size() > SHOWN);
		model.addAttribute("mine", mine);
		return "history";
	}

	/**
	 * A run's result file, read from where the job repository says it was written (so it outlives the console that
	 * ran it): a console run's only for the person who started it, a command-line run's for anyone who may use the
	 * console (the team's nightly runs).
	 */
	@GetMapping("/history/{execution}/result")
	ResponseEntity<byte[]> result(@PathVariable long execution, @RequestParam(required = false) String format,
			Principal principal) {
		JobExecution found = execution(execution);
		if (!mayDownload(found, Owner.of(principal)) || reviewReplaced(found, newestReviews(jobRepository
			.getJobInstances(PinImportJobConfiguration.JOB_NAME, 0, UploadSends.LOOKED_BACK)
			.stream()
			.flatMap(instance -> jobRepository.getJobExecutions(instance).stream())
			.toList()))) {
			throw NotFound.page();
		}
		String file = found.getJobParameters().getString(InputParameters.RESULT_FILE);
		// a console run's messages as its pages say them; a command line's as written
		return ResultDownload.of(file == null ? null : Path.of(file), format,
				upload(found, Owner.of(principal)).<UnaryOperator<String>>map(upload -> upload::shown).orElse(null));
	}

	/**
	 * @param last          whether it is its job instance's last execution (only that one may be gone on with)
	 * @param newestReviews the newest review execution writing each result file, on the page
	 * @param newestWriters the newest execution writing each result file
	 * @param followUps     the newest follow-up of each result file: its counts are the file's since, for the newest
	 *                      execution writing it (an older one's rows were written over)
	 */
	private Entry entry(JobExecution execution, List<LiveRun> mine, String owner, boolean last,
			Map<String, Long> newestReviews, Map<String, Long> newestWriters, LatestFollowUps followUps) {
		String files = files(execution);
		// a review (a dry run) sent nothing: its SCHEDULED rows are pins of earlier sends, followed up from those; it
		// has no run page of its own (a send of the same file has)
		boolean review = InputParameters.of(execution.getJobParameters()).dryRun();
		LiveRun console = review ? null : mine.stream()
			.filter(run -> !run.followUp() && files.contains(run.upload().file().toString()))
			.filter(run -> execution.getCreateTime() != null && !run.started()
				.isAfter(execution.getCreateTime().atZone(ZoneId.systemDefault()).toInstant()))
			.findFirst()
			.orElse(null);
		// the input's rows as planned: a resumed run reads only the rows its last run left, a killed run's count of
		// rows read was never committed
		long rows = InputAsPlanned.rows(execution.getExecutionContext())
			.orElseGet(() -> execution.getStepExecutions()
				.stream()
				.filter(step -> ROW_STEPS.contains(step.getStepName()))
				.mapToLong(StepExecution::getReadCount)
				.sum());
		String result = execution.getJobParameters().getString(InputParameters.RESULT_FILE);
		String runKey = execution.getJobParameters().getString(RunKey.PARAMETER);
		Map<String, Long> counts = new LinkedHashMap<>();
		// what a follow-up wrote in the execution's result file since; else what the run wrote there (a dry run stores
		// no outcomes); else the stored outcomes as they stand
		boolean fileIsItsOwn = !review && result != null
				&& Long.valueOf(execution.getId()).equals(newestWriters.get(result));
		Map<RowStatus, Long> tally = followUps.of(fileIsItsOwn ? result : null, execution.getEndTime())
			.map(LatestFollowUps.Latest::counts)
			.or(() -> ResultTotals.of(execution.getExecutionContext()).map(StatusTally::asMap))
			// the stored outcomes are the run's as it stands: an earlier try without totals of its own (its process
			// killed) has none to show, or it showed those of the try that went on after it, as if it made them twice
			.orElseGet(() -> runKey == null || !last ? Map.of() : asItStands(results.countByStatus(runKey), rows));
		for (RowStatus status : RowStatus.values()) {
			if (tally.getOrDefault(status, 0L) > 0) {
				counts.put(status.name(), tally.get(status));
			}
		}
		boolean download = result != null && Files.isRegularFile(Path.of(result)) && mayDownload(execution, owner)
				&& !reviewReplaced(execution, newestReviews);
		Optional<Upload> upload = last ? upload(execution, owner) : Optional.empty();
		String goOn = UploadSends.isCutShort(execution, console != null) ? upload.map(Upload::id).orElse(null)
				: null;
		boolean followUp = !review && upload.isPresent() && download
				&& execution.getStatus() == BatchStatus.COMPLETED && Progress.followable(counts,
						runKey == null ? null : results.firstScheduled(runKey).orElse(null), Instant.now());
		return new HistoryPage.Entry(execution.getId(), shown(files), shown(result),
				when(execution.getStartTime()), instant(execution.getStartTime()), when(execution.getEndTime()),
				instant(execution.getEndTime()),
				review ? "REVIEW (dry run: nothing sent)" : status(execution, runKey), rows,
				counts, who(execution), download, console == null ? null : console.id(), goOn, followUp,
				// each line of an upload leads back to its page (before: none did, a review's included)
				(last ? upload : upload(execution, owner)).map(Upload::id).orElse(null));
	}

	/**
	 * The stored outcomes of a run without totals of its own (going on, or its process killed), with its rows not
	 * reached yet as PENDING: they are stored only once reached (before, a killed run's line counted only the rows
	 * it had sent, as if the file had no others).
	 */
	private static Map<RowStatus, Long> asItStands(Map<RowStatus, Long> stored, long rows) {
		long reached = stored.values().stream().mapToLong(Long::longValue).sum();
		if (rows <= reached) {
			return stored;
		}
		Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
		counts.putAll(stored);
		counts.merge(RowStatus.PENDING, rows - reached, Long::sum);
		return counts;
	}

	/**
	 * Whether a later review of the same upload wrote the review's result file again (each review of an upload writes
	 * the same file): its download would give that review's rows under this one's counts.
	 *
	 * @param newestReviews the newest review execution writing each result file, among those looked at
	 */
	private static boolean reviewReplaced(JobExecution execution, Map<String, Long> newestReviews) {
		String result = execution.getJobParameters().getString(InputParameters.RESULT_FILE);
		return InputParameters.of(execution.getJobParameters()).dryRun() && result != null
				&& newestReviews.getOrDefault(result, execution.getId()) > execution.getId();
	}

	/** The newest review execution writing each result file, among these. */
	private static Map<String, Long> newestWriters(List<JobExecution> executions) {
		Map<String, Long> newest = new HashMap<>();
		for (JobExecution execution : executions) {
			String result = execution.getJobParameters().getString(InputParameters.RESULT_FILE);
			if (result != null) {
				newest.merge(result, execution.getId(), Math::max);
			}
		}
		return newest;
	}

	private static Map<String, Long> newestReviews(List<JobExecution> executions) {
		Map<String, Long> newest = new HashMap<>();
		for (JobExecution execution : executions) {
			String result = execution.getJobParameters().getString(InputParameters.RESULT_FILE);
			if (result != null && InputParameters.of(execution.getJobParameters()).dryRun()) {
				newest.merge(result, execution.getId(), Math::max);
			}
		}
		return newest;
	}

	/**
	 * Spring Batch's status; a run left STARTED by a process that ended without stopping it (kill -9, a reboot, a
	 * lost host) is not running any more, and running it again goes on where it stopped: the page says so. Once it
	 * has gone on, Spring Batch's recovery has marked it FAILED without an exit code of its own: the page says why,
	 * FAILED alone being a failure of the run (the key rejected, Zernio down).
	 */
	private String status(JobExecution execution, String runKey) {
		String status = execution.getStatus().name();
		if (execution.isRunning() && runKey != null && !leases.isRunning(runKey)) {
			return status + " (its process ended; not running)";
		}
		boolean recovered = execution.getStatus() == BatchStatus.FAILED
				&& ExitStatus.UNKNOWN.getExitCode().equals(execution.getExitStatus().getExitCode());
		return recovered ? status + " (its process ended)" : status;
	}

	/** A file as the page shows it: an upload's by its name (the server's folders and upload ids are not news). */
	private String shown(String file) {
		if (file == null) {
			return "";
		}
		try {
			Path path = Path.of(file);
			return path.startsWith(uploads.root())
					? uploads.shownName(path).orElse(path.getFileName().toString()) : file;
		}
		catch (InvalidPathException ex) {
			return file;
		}
	}

	/** The upload of this person's console run, while the console keeps it. */
	private Optional<Upload> upload(JobExecution execution, String owner) {
		String input = execution.getJobParameters().getString(InputParameters.INPUT_FILE);
		return input == null || !who(execution).equals(ConsoleRuns.STARTED_BY + owner) ? Optional.empty()
				: uploads.ofFile(Path.of(input), owner);
	}

	/**
	 * Follows up a finished console run of this person from the history, as its own page's button does (a console
	 * started since the run no longer has that page): asks Zernio what became of its rows not final yet.
	 */
	@PostMapping("/history/{execution}/follow-up")
	String followUp(@PathVariable long execution, Principal principal) {
		String owner = Owner.of(principal);
		JobExecution found = execution(execution);
		String result = found.getJobParameters().getString(InputParameters.RESULT_FILE);
		Upload upload = upload(found, owner).orElseThrow(NotFound::page);
		if (result == null || !Files.isRegularFile(Path.of(result))) {
			throw NotFound.page();
		}
		return "redirect:/runs/" + runs.followUp(upload, Path.of(result)).run().id();
	}

	/** A run of the pin job in the job repository; an id it does not have is not found. */
	private JobExecution execution(long id) {
		JobExecution found;
		try {
			found = jobRepository.getJobExecution(id);
		}
		catch (EmptyResultDataAccessException ex) {
			throw NotFound.page(); // the JDBC repository's answer for an id it does not have
		}
		if (found == null || !found.getJobInstance().getJobName().equals(PinImportJobConfiguration.JOB_NAME)) {
			throw NotFound.page();
		}
		return found;
	}

	/** From the run's own parameter; runs of versions before it by where their input was. */
	private String who(JobExecution execution) {
		String runBy = execution.getJobParameters().getString(InputParameters.BY);
		if (runBy != null) {
			return runBy;
		}
		String input = execution.getJobParameters().getString(InputParameters.INPUT_FILE);
		return input != null && Path.of(input).startsWith(uploads.root()) ? "console" : "command line";
	}

	private boolean mayDownload(JobExecution execution, String owner) {
		String who = who(execution);
		if (who.startsWith(ConsoleRuns.STARTED_BY)) {
			return who.equals(ConsoleRuns.STARTED_BY + owner);
		}
		return !who.equals("console");
	}

	/** The files the run named, from its job parameters (one input, or how many). */
	private static String files(JobExecution execution) {
		Map<String, String> named = new TreeMap<>();
		for (JobParameter<?> parameter : execution.getJobParameters().parameters()) {
			String name = parameter.name();
			if (name.equals(InputParameters.INPUT_FILE) || name.equals("inputs")) {
				named.put(name, String.valueOf(parameter.value()));
			}
		}
		if (named.containsKey("inputs")) {
			return named.get("inputs") + " inputs";
		}
		return String.join(", ", named.values());
	}

	/**
	 * The job repository's time (the server's clock) with its zone named, "2026-12-07 21:48:14 UTC": the other pages
	 * show the user's chosen zone, and a bare time read as theirs an hour or more off.
	 */
	private static String when(LocalDateTime time) {
		return time == null ? "" : WHEN.format(time.atZone(ZoneId.systemDefault()));
	}

	private static String instant(LocalDateTime time) {
		return time == null ? "" : time.atZone(ZoneId.systemDefault()).toInstant().toString();
	}
}

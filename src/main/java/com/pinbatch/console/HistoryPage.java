package com.pinbatch.console;

import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.pinbatch.job.InputParameters;
import com.pinbatch.job.PinImportJobConfiguration;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * History: every run in the job repository, the command line's and the console's alike (they share it): its file,
 * when it ran, who started it, how far it got, and for the console's own runs the page with the result file.
 */
@ConsolePage
class HistoryPage {

	private static final int SHOWN = 100;

	/** The steps that read the rows (a dry run's checks them, any other run's sends them): the rows each run read. */
	private static final List<String> ROW_STEPS = List.of(PinImportJobConfiguration.SEND_STEP,
			PinImportJobConfiguration.CHECK_STEP);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final String CONSOLE = "console: ";

	private final JobRepository jobRepository;

	private final ResultDownloads downloads;

	private final ConsoleRuns runs;

	private final Uploads uploads;

	HistoryPage(JobRepository jobRepository, ConsoleRuns runs, Uploads uploads, ResultDownloads downloads) {
		this.jobRepository = jobRepository;
		this.downloads = downloads;
		this.runs = runs;
		this.uploads = uploads;
	}

	/**
	 * One job execution as the page shows it; {@code runId} is the console's run page when it has one (this
	 * process started it); {@code downloadable} when the person looking started it from the console, so its result
	 * file is theirs to download, after a restart of the console too.
	 */
	record Entry(long execution, String files, String resultFile, String started, String ended, String status,
			long rows, String who, String runId, boolean downloadable) {
	}

	@GetMapping("/history")
	String history(Principal principal, Model model) {
		List<LiveRun> mine = runs.of(Owner.of(principal));
		List<Entry> entries = new ArrayList<>();
		for (JobInstance instance : jobRepository.getJobInstances(PinImportJobConfiguration.JOB_NAME, 0, SHOWN)) {
			for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
				entries.add(entry(execution, mine, Owner.of(principal)));
			}
		}
		entries.sort(Comparator.comparingLong(Entry::execution).reversed());
		model.addAttribute("entries", entries.size() > SHOWN ? entries.subList(0, SHOWN) : entries);
		model.addAttribute("mine", mine);
		return "history";
	}

	/** The result file of a run this person started from the console, from the job repository alone. */
	@GetMapping("/history/{execution}/result")
	ResponseEntity<FileSystemResource> result(@PathVariable long execution, Principal principal,
			@RequestParam(name = "format", required = false) String format) {
		JobExecution found = jobRepository.getJobExecution(execution);
		if (found == null || !startedBy(found, Owner.of(principal))) {
			throw NotFound.page();
		}
		return downloads.of(resultFile(found), format);
	}

	/** Only a console run of this person, whose result file is in the console's uploads (never a path elsewhere). */
	private boolean startedBy(JobExecution execution, String owner) {
		Path results = resultFile(execution);
		return (CONSOLE + owner).equals(execution.getJobParameters().getString(InputParameters.BY))
				&& results != null && uploads.holds(results);
	}

	private static Path resultFile(JobExecution execution) {
		String results = execution.getJobParameters().getString(InputParameters.RESULT_FILE);
		return results == null ? null : Path.of(results);
	}

	private Entry entry(JobExecution execution, List<LiveRun> mine, String owner) {
		String files = files(execution);
		LiveRun console = mine.stream()
			.filter(run -> files.contains(run.upload().file().toString()))
			.filter(run -> execution.getCreateTime() != null && !run.started()
				.isAfter(execution.getCreateTime().atZone(java.time.ZoneId.systemDefault()).toInstant()))
			.findFirst()
			.orElse(null);
		long rows = execution.getStepExecutions()
			.stream()
			.filter(step -> ROW_STEPS.contains(step.getStepName()))
			.mapToLong(StepExecution::getReadCount)
			.sum();
		JobParameter<?> result = execution.getJobParameters().getParameter(InputParameters.RESULT_FILE);
		String by = execution.getJobParameters().getString(InputParameters.BY);
		// runs of versions that did not record who: a console upload of this process, else the command line
		String who = by != null ? by : uploads.ownerOf(files).map(uploader -> CONSOLE + uploader).orElse("command line");
		return new HistoryPage.Entry(execution.getId(), files, result == null ? "" : String.valueOf(result.value()),
				when(execution.getStartTime()),
				when(execution.getEndTime()), execution.getStatus().name(), rows, who,
				console == null ? null : console.id(), startedBy(execution, owner));
	}

	/** The files the run named, from its job parameters (one input, or how many). */
	private static String files(JobExecution execution) {
		Map<String, String> named = new TreeMap<>();
		for (JobParameter<?> parameter : execution.getJobParameters().parameters()) {
			String name = parameter.name();
			if (name.equals("input.file") || name.equals("inputs")) {
				named.put(name, String.valueOf(parameter.value()));
			}
		}
		if (named.containsKey("inputs")) {
			return named.get("inputs") + " inputs";
		}
		return String.join(", ", named.values());
	}

	private static String when(LocalDateTime time) {
		return time == null ? "" : WHEN.format(time);
	}
}

package com.pinbatch.console;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.pinbatch.job.InputParameters;
import com.pinbatch.job.PinImportJobConfiguration;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The sends of an upload as the job repository knows them, so a console started since knows them too, however the
 * upload's page is reached: whether its last send was cut short by a stop (the console stopped with it, or was
 * killed; Send goes on where it stopped), or completed (Send again sends nothing twice).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadSends {

	/** As many runs back as the history shows: an older send is not looked for. */
	static final int LOOKED_BACK = 100;

	private final JobRepository jobRepository;

	private final ConsoleRuns runs;

	UploadSends(JobRepository jobRepository, ConsoleRuns runs) {
		this.jobRepository = jobRepository;
		this.runs = runs;
	}

	/**
	 * The rule: a run that did not complete, and whose state a page of this console does not tell instead (its run
	 * going on, or in the history the run's own page, which leads to going on).
	 */
	static boolean isCutShort(JobExecution execution, boolean toldOnItsRunPage) {
		return execution.getStatus() != BatchStatus.COMPLETED && !toldOnItsRunPage;
	}

	/**
	 * How the last send of an upload stands.
	 *
	 * @param cutShort  a stop cut it short: Send goes on where it stopped
	 * @param completed it completed: its rows are decided, its pins on Zernio
	 * @param withStop  its person stopped it with Stop
	 * @param why       why it stopped otherwise, when this console ran it: the run's own line; null when the console
	 *                  stopped with it (it has started again since)
	 * @param runId     the page of this console's run of it that ended last; null: none
	 */
	record Last(boolean cutShort, boolean completed, boolean withStop, String why, String runId) {
	}

	/** How the last send of {@code upload} stands, from one look at the job repository; neither for none. */
	Last last(Upload upload) {
		// newest first: the send of this console that ended last, unless one goes on (its page tells)
		List<LiveRun> here = runs.of(upload.owner())
			.stream()
			.filter(run -> !run.followUp() && run.upload().id().equals(upload.id()))
			.toList();
		boolean going = here.stream().anyMatch(LiveRun::running);
		LiveRun ended = here.isEmpty() || going ? null : here.get(0);
		boolean withStop = ended != null && ended.stopAsked();
		String why = ended == null || withStop ? null : ended.ended().reason();
		// a send of this console that ended short is told here too, with its own reason (before: only its run's page
		// said so, and its upload's page, where "Go on" leads, offered Send as if nothing had been sent); one that
		// had sent every row when it stopped has nothing to go on with: its run's Follow up learns the rest
		boolean rowsLeft = ended == null || ended.ended().rowsLeft();
		return lastSend(upload)
			.map(last -> new Last(isCutShort(last, going) && rowsLeft, last.getStatus() == BatchStatus.COMPLETED,
					withStop, why, ended == null ? null : ended.id()))
			.orElse(new Last(false, false, false, null, null));
	}

	private Optional<JobExecution> lastSend(Upload upload) {
		String file = upload.file().toString();
		return jobRepository.getJobInstances(PinImportJobConfiguration.JOB_NAME, 0, LOOKED_BACK)
			.stream()
			.map(jobRepository::getJobExecutions)
			.flatMap(List::stream)
			.filter(execution -> file.equals(execution.getJobParameters().getString(InputParameters.INPUT_FILE)))
			.filter(execution -> !InputParameters.of(execution.getJobParameters()).dryRun()) // the reviews
			// a send of the file as it is chosen now: one of another sheet, or not spread, sent other rows
			.filter(execution -> asChosen(InputParameters.of(execution.getJobParameters()), upload))
			.max(Comparator.comparingLong(JobExecution::getId));
	}

	private static boolean asChosen(InputParameters sent, Upload upload) {
		return Objects.equals(sent.sheet(), upload.sheet()) && sent.spread() == upload.spread();
	}
}

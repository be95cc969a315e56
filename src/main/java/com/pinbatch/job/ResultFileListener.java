package com.pinbatch.job;

import com.pinbatch.input.InputChangedException;
import com.pinbatch.result.ResultFileBuilder;
import com.pinbatch.result.StatusTally;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * However the job ends (completed, failed, stopped), it writes the input's complete result file: one line per row,
 * rows without an outcome {@code PENDING}, so a user always has the file to look at and to resume from (unless the
 * input was saved again since the run read it: see {@link InputAsPlanned}). Its totals go to the job's execution
 * context (see {@link ResultTotals}). A dry run's step wrote the file already.
 */
class ResultFileListener implements JobExecutionListener {

	private static final Logger LOG = LoggerFactory.getLogger(ResultFileListener.class);

	private final ResultFileBuilder resultFiles;

	private final InputSetup setup;

	private final JobRepository jobRepository;

	ResultFileListener(ResultFileBuilder resultFiles, InputSetup setup, JobRepository jobRepository) {
		this.resultFiles = resultFiles;
		this.setup = setup;
		this.jobRepository = jobRepository;
	}

	/** A restart starts from its last execution's context: the totals of that execution's result file go. */
	@Override
	public void beforeJob(JobExecution job) {
		ResultTotals.clear(job.getExecutionContext());
	}

	@Override
	public void afterJob(JobExecution job) {
		boolean changed = InputAsPlanned.changed(job);
		if (changed && job.getStatus() == BatchStatus.COMPLETED) {
			// every row was sent (or checked), but saved again after its last chunk the file lists other rows: with
			// no result file to show for it, the run is not done, and says why as a stop during the sending would
			job.setStatus(BatchStatus.FAILED);
			job.setExitStatus(ExitStatus.FAILED);
			job.addFailureException(new InputChangedException(InputParameters.of(job.getJobParameters()).input()));
		}
		try {
			if (!ResultTotals.present(job.getExecutionContext())) {
				InputParameters input = InputParameters.of(job.getJobParameters());
				// an input saved again would pair other rows with these outcomes: the earlier result file stays
				StatusTally tally = changed
						? InputAsPlanned.withRestPending(resultFiles.stored(input.runKey()), job.getExecutionContext())
						: resultFiles.write(input.input(), setup.inputOptions(input, setup.mapping(input)),
								input.runKey(), input.results(), true, input.onSandbox());
				ResultTotals.put(job.getExecutionContext(), tally, null);
			}
			jobRepository.updateExecutionContext(job);
		}
		catch (RuntimeException ex) {
			// a full disk or an unreachable repository: the front end, finding no totals, writes the file again and
			// says in one line why it cannot; a stack trace here would only repeat it
			LOG.debug("the job's result file was not written", ex);
		}
	}
}

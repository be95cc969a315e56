package com.pinbatch.schema;

import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Makes a job instance whose last run was interrupted restartable, so that the same command goes on where it stopped.
 * A run whose process is gone is still STARTED: {@link JobOperator#recover} marks it FAILED. A run that lost the job
 * repository's database in the middle of a chunk (an outage longer than a restart) is UNKNOWN: Spring Batch then
 * refuses every restart of the instance for good ("manual intervention is probably necessary"), since the chunk's
 * transaction may have been half applied. pinbatch's steps hold no such transaction: each row's outcome is stored by a
 * statement of its own before the step counts it, and a send is marked before it leaves (so a row read again is
 * found done, or looked up on Zernio, never sent twice). Such a run is marked FAILED too, and restarts as any other.
 * So is a step left STARTED in a run that ended (a stop marks the run STOPPED at once; a process halted or killed
 * before the step saw it leaves the step so): Spring Batch would take the instance for running for good.
 */
@Component
public class InterruptedExecutions {

	private static final Logger LOG = LoggerFactory.getLogger(InterruptedExecutions.class);

	static final String RECOVERED = "pinbatch: the job repository's database went away during this execution";

	static final String HALTED = "pinbatch: the process ended during this step";

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	InterruptedExecutions(JobOperator jobOperator, JobRepository jobRepository) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
	}

	/**
	 * Marks {@code last}, the last execution of its job instance, and any earlier one left UNKNOWN, FAILED, so that the
	 * instance restarts. To be called while holding what keeps other processes off the instance (its lease, or the
	 * data folder).
	 */
	public void makeRestartable(JobExecution last) {
		if (last.isRunning()) {
			// the process that ran it is gone: Spring Batch's own recovery marks it failed
			jobOperator.recover(last);
		}
		for (JobExecution listed : jobRepository.getJobExecutions(last.getJobInstance())) {
			JobExecution execution = jobRepository.getJobExecution(listed.getId()); // with its steps
			boolean unknown = execution.getStatus() == BatchStatus.UNKNOWN;
			for (StepExecution step : execution.getStepExecutions()) {
				boolean halted = !execution.isRunning() && step.getStatus().isRunning();
				if (step.getStatus() == BatchStatus.UNKNOWN || halted) {
					LOG.info("step {} of job execution {} was left {}: marked FAILED, to restart it",
							step.getStepName(), execution.getId(), step.getStatus());
					step.setStatus(BatchStatus.FAILED);
					step.setExitStatus(ExitStatus.FAILED.addExitDescription(halted ? HALTED : RECOVERED));
					if (step.getEndTime() == null) {
						step.setEndTime(LocalDateTime.now());
					}
					jobRepository.update(step);
					unknown |= !halted;
				}
			}
			if (unknown) {
				LOG.info("job execution {} was left UNKNOWN by a database outage: marked FAILED, to restart it",
						execution.getId());
				execution.setStatus(BatchStatus.FAILED);
				execution.setExitStatus(ExitStatus.FAILED.addExitDescription(RECOVERED));
				if (execution.getEndTime() == null) {
					execution.setEndTime(LocalDateTime.now());
				}
				jobRepository.update(execution);
			}
		}
	}
}

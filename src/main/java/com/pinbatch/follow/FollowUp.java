package com.pinbatch.follow;

import java.nio.file.Path;

import com.pinbatch.input.InputFileException;
import com.pinbatch.schema.InterruptedExecutions;
import com.pinbatch.schema.JobParameterLimit;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Launches the follow-up job through the {@link JobOperator}: a new job instance for each follow-up, except that a
 * follow-up of the same file that stopped half-way (killed, Zernio down) is restarted, so it goes on within the
 * bounds it had.
 */
@Component
public class FollowUp {

	/** How the job ended, and what it came to (null when it did not end normally). */
	public record Launched(JobExecution execution, FollowUpOutcome outcome) {
	}

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job followUpJob;

	private final FollowUpConnections connections;

	private final InterruptedExecutions interrupted;

	FollowUp(JobOperator jobOperator, JobRepository jobRepository, Job followUpJob, FollowUpConnections connections,
			InterruptedExecutions interrupted) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.followUpJob = followUpJob;
		this.connections = connections;
		this.interrupted = interrupted;
	}

	/**
	 * @param file      the result file to follow up
	 * @param target    where to write it (the same file, or {@code --results})
	 * @param apiTarget where to ask: {@code sandbox} or {@code zernio}
	 */
	public Launched run(Path file, Path target, String apiTarget) throws Exception {
		String from = file.toAbsolutePath().normalize().toString();
		String to = target.toAbsolutePath().normalize().toString();
		String tooLong = JobParameterLimit.refusal("--follow-up", from);
		tooLong = tooLong != null ? tooLong : JobParameterLimit.refusal("--results", to);
		if (tooLong != null) {
			throw new InputFileException(file.getFileName() + ": " + tooLong);
		}
		JobParameters parameters = unfinished(from, to, apiTarget);
		if (parameters == null) {
			parameters = new JobParametersBuilder().addString(FollowUpJobConfiguration.FILE, from)
				.addString(FollowUpJobConfiguration.RESULTS, to)
				.addString(FollowUpJobConfiguration.TARGET, apiTarget)
				.addLong(FollowUpJobConfiguration.RUN, connections.clock(apiTarget).millis())
				.toJobParameters();
		}
		JobExecution execution = jobOperator.start(followUpJob, parameters);
		return new Launched(execution, execution.getStatus() == BatchStatus.COMPLETED
				? FollowUpOutcome.of(execution.getExecutionContext()).orElse(null) : null);
	}

	/** The parameters of the last follow-up when it was of the same file and place and did not complete; else null. */
	private JobParameters unfinished(String from, String to, String apiTarget) throws Exception {
		JobInstance last = jobRepository.getLastJobInstance(FollowUpJobConfiguration.JOB_NAME);
		JobExecution execution = last == null ? null : jobRepository.getLastJobExecution(last);
		if (execution == null || execution.getStatus() == BatchStatus.COMPLETED
				|| execution.getStatus() == BatchStatus.ABANDONED) {
			return null;
		}
		JobParameters parameters = execution.getJobParameters();
		if (!from.equals(parameters.getString(FollowUpJobConfiguration.FILE))
				|| !to.equals(parameters.getString(FollowUpJobConfiguration.RESULTS))
				|| !apiTarget.equals(parameters.getString(FollowUpJobConfiguration.TARGET))) {
			return null;
		}
		interrupted.makeRestartable(execution); // this process holds the data folder
		return parameters;
	}
}

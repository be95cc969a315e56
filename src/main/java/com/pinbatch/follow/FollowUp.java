package com.pinbatch.follow;

import java.nio.file.Path;
import java.time.Clock;

import com.pinbatch.input.InputFileException;
import com.pinbatch.schema.InterruptedExecutions;
import com.pinbatch.schema.JobParameterLimit;
import com.pinbatch.zernio.ZernioClient;

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
	public record Launched(JobExecution execution, FollowUpSession.Outcome outcome) {
	}

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job followUpJob;

	private final FollowUpSession session;

	private final InterruptedExecutions interrupted;

	FollowUp(JobOperator jobOperator, JobRepository jobRepository, Job followUpJob, FollowUpSession session,
			InterruptedExecutions interrupted) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.followUpJob = followUpJob;
		this.session = session;
		this.interrupted = interrupted;
	}

	/**
	 * @param file   the result file to follow up
	 * @param target where to write it (the same file, or {@code --results})
	 * @param client the command's paced Zernio client
	 * @param clock  the time of the world the client talks to (decides which scheduled pins are due)
	 */
	public Launched run(Path file, Path target, ZernioClient client, Clock clock) throws Exception {
		String from = file.toAbsolutePath().normalize().toString();
		String to = target.toAbsolutePath().normalize().toString();
		String tooLong = JobParameterLimit.refusal("--follow-up", from);
		tooLong = tooLong != null ? tooLong : JobParameterLimit.refusal("--results", to);
		if (tooLong != null) {
			throw new InputFileException(file.getFileName() + ": " + tooLong);
		}
		JobParameters parameters = unfinished(from, to);
		if (parameters == null) {
			parameters = new JobParametersBuilder().addString(FollowUpJobConfiguration.FILE, from)
				.addString(FollowUpJobConfiguration.RESULTS, to)
				.addLong(FollowUpJobConfiguration.RUN, clock.millis())
				.toJobParameters();
		}
		session.open(client, clock);
		try {
			JobExecution execution = jobOperator.start(followUpJob, parameters);
			return new Launched(execution,
					execution.getStatus() == BatchStatus.COMPLETED ? session.outcome() : null);
		}
		finally {
			session.close();
		}
	}

	/** The parameters of the last follow-up when it was of the same file and did not complete; else null. */
	private JobParameters unfinished(String from, String to) throws Exception {
		JobInstance last = jobRepository.getLastJobInstance(FollowUpJobConfiguration.JOB_NAME);
		JobExecution execution = last == null ? null : jobRepository.getLastJobExecution(last);
		if (execution == null || execution.getStatus() == BatchStatus.COMPLETED
				|| execution.getStatus() == BatchStatus.ABANDONED) {
			return null;
		}
		JobParameters parameters = execution.getJobParameters();
		if (!from.equals(parameters.getString(FollowUpJobConfiguration.FILE))
				|| !to.equals(parameters.getString(FollowUpJobConfiguration.RESULTS))) {
			return null;
		}
		interrupted.makeRestartable(execution); // this process holds the data folder
		return parameters;
	}
}

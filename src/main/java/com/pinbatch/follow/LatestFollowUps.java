package com.pinbatch.follow;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.pinbatch.result.RowStatus;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The newest finished follow-up that wrote each result file, as the job repository holds them: a run's file says
 * what that follow-up learnt since, not what the run knew when it ended.
 */
public final class LatestFollowUps {

	/** A follow-up that wrote a result file: when it ended, and that file's rows by status then. */
	public record Latest(LocalDateTime ended, Map<RowStatus, Long> counts) {
	}

	private final Map<Path, Latest> byResultFile;

	private LatestFollowUps(Map<Path, Latest> byResultFile) {
		this.byResultFile = byResultFile;
	}

	/** @param lookedBack how many of the newest follow-up jobs to look at */
	public static LatestFollowUps of(JobRepository repository, int lookedBack) {
		Map<Path, Latest> latest = new HashMap<>();
		for (JobInstance instance : repository.getJobInstances(FollowUpJobConfiguration.JOB_NAME, 0, lookedBack)) {
			for (JobExecution execution : repository.getJobExecutions(instance)) {
				Optional<Path> written = normalised(execution.getJobParameters()
					.getString(FollowUpJobConfiguration.RESULTS));
				Optional<FollowUpOutcome> outcome = FollowUpOutcome.of(execution.getExecutionContext());
				if (written.isPresent() && outcome.isPresent() && execution.getEndTime() != null) {
					latest.merge(written.get(), new Latest(execution.getEndTime(), outcome.get().counts()),
							(one, other) -> one.ended().isAfter(other.ended()) ? one : other);
				}
			}
		}
		return new LatestFollowUps(latest);
	}

	/** The newest follow-up that wrote this result file after {@code after}, if any. */
	public Optional<Latest> of(String resultFile, LocalDateTime after) {
		return normalised(resultFile).map(byResultFile::get).filter(latest -> after != null
				&& latest.ended().isAfter(after));
	}

	private static Optional<Path> normalised(String file) {
		if (file == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Path.of(file).toAbsolutePath().normalize());
		}
		catch (InvalidPathException notAPath) {
			return Optional.empty();
		}
	}
}

package com.pinbatch.run;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import com.pinbatch.job.RunKey;
import com.pinbatch.lease.RunLease;
import com.pinbatch.result.RowResultStore;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the job repository tidy ({@code --prune-older-than=DAYS}): deletes the job instances whose last activity is
 * older than the cut-off through Spring Batch's own {@link JobRepository} (their executions, steps and contexts go
 * with them), and the row outcomes pinbatch stored under their run key. One transaction. A pruned input is a new
 * run the next time it is given (its run lease row goes too): pinbatch no longer remembers what it sent for it. Any front end may offer it.
 */
@Component
public class JobRepositoryPruner {

	private final JobRepository jobRepository;

	private final TransactionTemplate transaction;

	private final RowResultStore store;

	private final RunLease runLease;

	JobRepositoryPruner(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RowResultStore store, RunLease runLease) {
		this.jobRepository = jobRepository;
		this.transaction = new TransactionTemplate(transactionManager);
		this.store = store;
		this.runLease = runLease;
	}

	/**
	 * What a prune removed.
	 *
	 * @param keptRunning runs old enough to go that a live process runs now: kept (their last activity is the last
	 *                    step's, which may be long ago while a chunk is sent at a small rate tier)
	 */
	public record Pruned(int runs, int unfinishedRuns, int executions, int rowOutcomes, int keptRunning) {
	}

	/** @param dryRun count what would go, deleting nothing */
	public Pruned prune(int days, boolean dryRun) {
		// Spring Batch writes its timestamps in the JVM's local time
		LocalDateTime cutoff = LocalDateTime.now().minusDays(days);
		return transaction.execute(status -> {
			int runs = 0;
			int unfinished = 0;
			int executions = 0;
			int outcomes = 0;
			int running = 0;
			for (String jobName : jobRepository.getJobNames()) {
				for (JobInstance instance : jobRepository.findJobInstances(jobName)) {
					List<JobExecution> ofInstance = jobRepository.getJobExecutions(instance);
					if (ofInstance.stream().anyMatch(execution -> !lastActivity(execution).isBefore(cutoff))) {
						continue;
					}
					Set<String> runKeys = new LinkedHashSet<>();
					ofInstance.forEach(
							execution -> runKeys.add(execution.getJobParameters().getString(RunKey.PARAMETER)));
					runKeys.remove(null);
					if (runKeys.stream().anyMatch(runLease::isRunning)) {
						running++; // deleting it would lose what it stored, under it
						continue;
					}
					runs++;
					executions += ofInstance.size();
					if (ofInstance.stream().noneMatch(execution -> execution.getStatus() == BatchStatus.COMPLETED)) {
						unfinished++;
					}
					if (dryRun) {
						outcomes += runKeys.stream().mapToLong(this::storedOutcomes).sum();
					}
					else {
						jobRepository.deleteJobInstance(instance);
						// an input's job instance is the only one with its run key
						outcomes += store.delete(runKeys);
						runLease.forget(runKeys, Instant.now());
					}
				}
			}
			return new Pruned(runs, unfinished, executions, outcomes, running);
		});
	}

	private long storedOutcomes(String runKey) {
		return store.countByStatus(runKey).values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * The last time anything happened to the execution: an unfinished one has no end time, and a finished one is
	 * updated when a later command names its input again (it stays in use).
	 */
	private static LocalDateTime lastActivity(JobExecution execution) {
		return Stream.of(execution.getEndTime(), execution.getLastUpdated(), execution.getStartTime(),
				execution.getCreateTime()).filter(Objects::nonNull).max(LocalDateTime::compareTo)
			.orElse(LocalDateTime.MIN);
	}
}

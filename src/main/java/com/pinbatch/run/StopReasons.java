package com.pinbatch.run;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.pinbatch.input.InputChangedException;
import com.pinbatch.input.InputFileException;
import com.pinbatch.stop.GracefulStop;
import com.pinbatch.throttle.SendingStoppedException;
import com.pinbatch.zernio.ZernioApiException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;

/** The one line that tells a user why an input's run did not complete, and what to do about it. */
final class StopReasons {

	private StopReasons() {
	}

	/** Why a run stopped with {@code failure} before or while its jobs ran. */
	static String of(Exception failure, boolean stopRequested) {
		if (stopRequested) {
			return GracefulStop.STOPPED;
		}
		if (saysWhyItself(failure)) {
			return failure.getMessage();
		}
		if (failure instanceof JobExecutionAlreadyRunningException) {
			// Spring Batch's message is the whole execution, parameters and all
			return "the job repository holds this input's job as running still (another host's run of it?): nothing"
					+ " was sent; run the same command again once that run has ended";
		}
		return RepositoryTrouble.describe(failure).orElse("the run stopped: " + failure.getMessage());
	}

	/** What a follow-up says when stopped on request. */
	static final String FOLLOW_UP_STOPPED = "stopped on request; nothing was created: run the same command again to go on";

	/** Null when the job completed; otherwise why it did not. */
	static String of(JobExecution execution, boolean stopRequested) {
		return of(execution, stopRequested ? GracefulStop.STOPPED : null, StopReasons::saysWhyItself, "the run");
	}

	/**
	 * The same for a follow-up job, which creates nothing, so going on is always safe; a result file it could not
	 * read or write says why itself.
	 */
	static String ofFollowUp(JobExecution execution, boolean stopRequested) {
		return of(execution, stopRequested ? FOLLOW_UP_STOPPED : null,
				cause -> saysWhyItself(cause) || cause instanceof InputFileException, "the follow-up");
	}

	private static String of(JobExecution execution, String stoppedOnRequest, Predicate<Throwable> saysWhy,
			String what) {
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return null;
		}
		if (stoppedOnRequest != null) {
			return stoppedOnRequest;
		}
		List<Throwable> failures = execution.getAllFailureExceptions();
		if (failures.isEmpty()) {
			return what + " stopped before the end (" + execution.getStatus()
					+ "); run the same command again to resume";
		}
		// the cause says why: key rejected, Zernio down, the input saved again, the repository
		for (Throwable failure : failures) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (saysWhy.test(cause)) {
					return cause.getMessage();
				}
			}
		}
		for (Throwable failure : failures) {
			Optional<String> repository = RepositoryTrouble.describe(failure);
			if (repository.isPresent()) {
				return repository.get();
			}
		}
		Throwable failure = failures.stream()
			.filter(candidate -> !(candidate instanceof JobExecutionException))
			.findFirst()
			.orElse(failures.get(0));
		return what + " failed unexpectedly (" + failure + "); run the same command again to resume";
	}

	/**
	 * The stop's line as the user reads it beside the run's counts: a stop once every row was decided came while the
	 * run learnt what became of its pins, and leaves no row PENDING. Asked for, it says so; Zernio gone meanwhile
	 * (its own words name only the request that failed) gets what to do.
	 */
	static String said(String reason, boolean anyPending) {
		if (anyPending || reason == null) {
			return reason;
		}
		if (GracefulStop.STOPPED.equals(reason)) {
			return GracefulStop.STOPPED_FOLLOWING;
		}
		return reason.contains("run the same command") ? reason : reason + " — while learning what became of the"
				+ " pins (no row is PENDING): run the same command again once Zernio answers, to learn the rest";
	}

	/**
	 * Stops whose message is already the user's line, with what to do: the key rejected, the sending given up, Zernio
	 * down, the input saved again during its run.
	 */
	private static boolean saysWhyItself(Throwable failure) {
		return failure instanceof SendingStoppedException || failure instanceof ZernioApiException
				|| failure instanceof InputChangedException;
	}
}

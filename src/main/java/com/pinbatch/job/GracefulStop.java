package com.pinbatch.job;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import com.pinbatch.throttle.SendingStoppedException;
import com.pinbatch.zernio.RateLimitInfo;
import com.pinbatch.zernio.RequestGate;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Stops the running job cleanly when the process is asked to end (SIGTERM, Ctrl-C): Spring Batch stops after the
 * chunk in flight, and the sends still waiting (for a rate limit or a retry) are interrupted so that chunk ends
 * promptly. Outcomes already known are stored; the rest stay PENDING for the next run.
 * <p>
 * A stop asked for before the job starts (during start-up, planning or the look-ups) is remembered: each phase
 * before the job {@link #throwIfRequested checks it}, the look-ups' {@link #guard gate} lets nothing more out, and
 * the job is stopped as soon as it begins.
 */
public class GracefulStop implements JobExecutionListener {

	/** Why a run that was asked to stop ended: the same words whichever phase it was in. */
	public static final String STOPPED = "stopped on request; rows not reached are PENDING: run the same command"
			+ " again to resume";

	private final JobOperator jobOperator;

	private final ExecutorService senders;

	/** The job executions running now: one per input being processed. */
	private final Set<JobExecution> running = ConcurrentHashMap.newKeySet();

	private volatile boolean requested;

	public GracefulStop(JobOperator jobOperator, ExecutorService senders) {
		this.jobOperator = jobOperator;
		this.senders = senders;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		running.add(jobExecution);
		if (requested) {
			stopRunning();
		}
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		running.remove(jobExecution);
	}

	public boolean wasRequested() {
		return requested;
	}

	/** @throws SendingStoppedException when a stop was asked for: the phase about to begin must not */
	public void throwIfRequested() {
		if (requested) {
			throw new SendingStoppedException(SendingStoppedException.Reason.INTERRUPTED, STOPPED);
		}
	}

	/**
	 * {@code gate} for the Zernio calls other than creates (look-ups, upload slots, searches): once a stop is asked
	 * for, no further call goes out, including one that was waiting for its turn.
	 */
	public RequestGate guard(RequestGate gate) {
		return new RequestGate() {

			@Override
			public void enter() throws InterruptedException {
				throwIfRequested();
				gate.enter();
				throwIfRequested();
			}

			@Override
			public void answered(RateLimitInfo rateLimit) {
				gate.answered(rateLimit);
			}

			@Override
			public boolean retryAfterRateLimit(RateLimitInfo rateLimit, int attempts) {
				return !requested && gate.retryAfterRateLimit(rateLimit, attempts);
			}

			@Override
			public boolean retryAfterFailure(RateLimitInfo rateLimit, int attempts) throws InterruptedException {
				return !requested && gate.retryAfterFailure(rateLimit, attempts);
			}
		};
	}

	/** Called from the shutdown hook thread, or when this process lost an input's lease. */
	public void request() {
		requested = true;
		stopRunning();
		senders.shutdownNow();
	}

	private void stopRunning() {
		for (JobExecution execution : running) {
			try {
				jobOperator.stop(execution);
			}
			catch (Exception ex) {
				// already finishing: nothing to stop
			}
		}
	}
}

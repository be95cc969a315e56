package com.pinbatch.job;

import java.util.concurrent.ExecutorService;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Stops the running job cleanly when the process is asked to end (SIGTERM, Ctrl-C): Spring Batch stops after the
 * chunk in flight, and the sends still waiting (for a rate limit or a retry) are interrupted so that chunk ends
 * promptly. Outcomes already known are stored; the rest stay PENDING for the next run.
 */
public class GracefulStop implements JobExecutionListener {

	private final JobOperator jobOperator;

	private final ExecutorService senders;

	private volatile JobExecution running;

	private volatile boolean requested;

	public GracefulStop(JobOperator jobOperator, ExecutorService senders) {
		this.jobOperator = jobOperator;
		this.senders = senders;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		running = jobExecution;
		if (requested) {
			stopRunning();
		}
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		running = null;
	}

	public boolean wasRequested() {
		return requested;
	}

	/** Called from the shutdown hook thread. */
	public void request() {
		requested = true;
		stopRunning();
		senders.shutdownNow();
	}

	private void stopRunning() {
		JobExecution execution = running;
		if (execution == null) {
			return;
		}
		try {
			jobOperator.stop(execution);
		}
		catch (Exception ex) {
			// already finishing: nothing to stop
		}
	}
}

package com.pinbatch.stop;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import com.pinbatch.concurrent.Pause;
import com.pinbatch.throttle.SendingStoppedException;
import com.pinbatch.zernio.RateLimitInfo;
import com.pinbatch.zernio.RequestGate;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
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
 * <p>
 * One input's run can also be stopped alone ({@link #stopRun}), when this process lost that input's lease: its job
 * stops the same way, its sends still waiting are cancelled, and the other inputs' jobs and the shared sending
 * threads go on (a long-lived console keeps sending for its later runs).
 */
public class GracefulStop implements JobExecutionListener {

	/** Why a run that was asked to stop ended: the same words whichever phase it was in. */
	public static final String STOPPED = "stopped on request; rows not reached are PENDING: run the same command"
			+ " again to resume";

	/** {@link #STOPPED} once every row was sent or decided: only the pins' outcomes were still to learn. */
	public static final String STOPPED_FOLLOWING = "stopped on request while learning what became of the pins (no row"
			+ " is PENDING): run the same command again to learn the rest";

	private final JobOperator jobOperator;

	private final ExecutorService senders;

	/** The job parameter that names an input's run; a job without it (a follow-up) is stopped only with the rest. */
	private final String runKeyParameter;

	/** The job executions running now: one per input being processed. */
	private final Set<JobExecution> running = ConcurrentHashMap.newKeySet();

	private volatile boolean requested;

	/**
	 * Threads waiting for their turn at the gate of the calls other than creates (a step's look-ups, waiting out a
	 * 429's Retry-After): a stop interrupts them, as it does the sending threads.
	 */
	private final Set<Thread> waitingAtTheGate = ConcurrentHashMap.newKeySet();

	/** Held to interrupt a waiting thread, and by the thread to stop waiting: no interruption comes after its wait. */
	private final Object gateLock = new Object();

	/** Runs stopped on their own, by run key, with the one line that says why. */
	private final Map<String, String> stoppedRuns = new ConcurrentHashMap<>();

	public GracefulStop(JobOperator jobOperator, ExecutorService senders, String runKeyParameter) {
		this.jobOperator = jobOperator;
		this.senders = senders;
		this.runKeyParameter = runKeyParameter;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		running.add(jobExecution);
		if (requested || isStopped(runKey(jobExecution))) {
			stopQuietly(jobExecution);
		}
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		running.remove(jobExecution);
	}

	public boolean wasRequested() {
		return requested;
	}

	/**
	 * What a step throws for {@code stop}: a stop asked for (SIGTERM, Ctrl-C, a lost lease) becomes Spring Batch's
	 * interruption, so that the step and its job end {@code STOPPED}, as after {@link JobOperator#stop}, not
	 * {@code FAILED}; the one line that says why stays its cause. A key rejected or Zernio down is a failure: as it is.
	 */
	public static Exception asStepEnd(SendingStoppedException stop) {
		if (stop.reason() != SendingStoppedException.Reason.INTERRUPTED) {
			return stop;
		}
		JobInterruptedException interruption = new JobInterruptedException(stop.getMessage());
		interruption.initCause(stop);
		return interruption;
	}

	/** @throws SendingStoppedException when a stop was asked for: the phase about to begin must not */
	public void throwIfRequested() {
		if (requested) {
			throw new SendingStoppedException(SendingStoppedException.Reason.INTERRUPTED, STOPPED);
		}
	}

	/** @throws SendingStoppedException when the process or this run was asked to stop */
	public void throwIfRequested(String runKey) {
		throwIfRequested();
		String reason = stoppedRuns.get(runKey);
		if (reason != null) {
			throw new SendingStoppedException(SendingStoppedException.Reason.INTERRUPTED, reason);
		}
	}

	/** Whether the process or this run was asked to stop. */
	public boolean isRequested(String runKey) {
		return requested || isStopped(runKey);
	}

	private boolean isStopped(String runKey) {
		return runKey != null && stoppedRuns.containsKey(runKey);
	}

	/** Why this run was stopped on its own; null when it was not. */
	public String reasonFor(String runKey) {
		return stoppedRuns.get(runKey);
	}

	/**
	 * Stops one input's run, now or as soon as its job begins, and says {@code reason} for it; the other runs and the
	 * sending threads are not touched. The run's sends still waiting for their turn are cancelled by its writer.
	 */
	public void stopRun(String runKey, String reason) {
		stoppedRuns.putIfAbsent(runKey, reason);
		for (JobExecution execution : running) {
			if (runKey.equals(runKey(execution))) {
				stopQuietly(execution);
			}
		}
	}

	/** Forgets a run's stop once its request has ended: the same input may be run again by this process. */
	public void forgetRun(String runKey) {
		stoppedRuns.remove(runKey);
	}

	/**
	 * {@code gate} for the Zernio calls other than creates (look-ups, upload slots, searches): once a stop is asked
	 * for, no further call goes out, including one that was waiting for its turn.
	 */
	public RequestGate guard(RequestGate gate) {
		return new RequestGate() {

			@Override
			public void enter() throws InterruptedException {
				waitingAtTheGate(gate::enter);
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
				if (requested) {
					return false;
				}
				boolean[] again = new boolean[1];
				waitingAtTheGate(() -> again[0] = gate.retryAfterFailure(rateLimit, attempts));
				return again[0];
			}
		};
	}

	/**
	 * A wait that a stop ends: the follow step's between its rounds (up to 30 s, which a stop had to sit out).
	 *
	 * @throws SendingStoppedException when a stop is asked for before or during the wait
	 */
	public Pause pause() {
		return duration -> waitingAtTheGate(() -> Thread.sleep(duration.toMillis()));
	}

	private interface Wait {
		void run() throws InterruptedException;
	}

	/**
	 * Waits at the gate where a stop can end the wait: before, a step waiting out a 429 of several minutes held the
	 * process past its grace period, and a halted process left its step STARTED.
	 */
	private void waitingAtTheGate(Wait wait) throws InterruptedException {
		throwIfRequested();
		Thread thread = Thread.currentThread();
		waitingAtTheGate.add(thread);
		try {
			throwIfRequested(); // a stop asked for while this thread came in
			wait.run();
		}
		catch (InterruptedException interrupted) {
			if (requested) {
				throwIfRequested(); // the stop's own words, the step ends STOPPED
			}
			throw interrupted;
		}
		finally {
			synchronized (gateLock) {
				waitingAtTheGate.remove(thread);
			}
			if (requested) {
				Thread.interrupted(); // an interruption meant for the wait only
			}
		}
		throwIfRequested();
	}

	/** Called from the shutdown hook thread, or when this process lost an input's lease. */
	public void request() {
		requested = true;
		synchronized (gateLock) {
			waitingAtTheGate.forEach(Thread::interrupt);
		}
		stopRunning();
		senders.shutdownNow();
	}

	private void stopRunning() {
		running.forEach(this::stopQuietly);
	}

	/**
	 * Stops the job through a copy of its execution read from the repository, as a stop from another process does:
	 * the job's own thread updates the execution it holds, and two threads updating one execution object raced on its
	 * version ("Attempt to update job execution id=1 with wrong version (1), where current version is 2": a run whose
	 * lease was lost said the job repository failed). The job learns of the stop from the repository at its next
	 * update, and its waits are interrupted here.
	 */
	@SuppressWarnings("deprecation") // stop(long) is the operator's own way to stop by id, reading a fresh copy
	private void stopQuietly(JobExecution execution) {
		try {
			jobOperator.stop(execution.getId());
		}
		catch (Exception ex) {
			// already finishing: nothing to stop
		}
	}

	/** The input's run key; null for a job of another kind (a follow-up). */
	private String runKey(JobExecution execution) {
		return execution.getJobParameters().getString(runKeyParameter);
	}
}

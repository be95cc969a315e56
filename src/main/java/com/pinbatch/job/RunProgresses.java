package com.pinbatch.job;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.pinbatch.result.RowStatus;
import com.pinbatch.throttle.ThrottleListener;

/**
 * The progress of each launch going on in this process, found by its inputs' run keys: a long-lived process (the web
 * console) checks one file while it sends another, and each counts its own rows. Holds of the shared pace are every
 * launch's news.
 */
public class RunProgresses implements ThrottleListener {

	private final Clock clock;

	private final Map<String, RunProgress> byRunKey = new ConcurrentHashMap<>();

	private final Set<RunProgress> going = ConcurrentHashMap.newKeySet();

	public RunProgresses(Clock clock) {
		this.clock = clock;
	}

	/**
	 * A launch begins: one progress for its inputs, counted together.
	 *
	 * @param totalRows   the data rows of its inputs
	 * @param earlierRuns outcomes stored by earlier runs of the same inputs (a resume), counted as done already
	 */
	public RunProgress start(Collection<String> runKeys, long totalRows, Map<RowStatus, Long> earlierRuns) {
		RunProgress progress = new RunProgress(clock);
		progress.start(totalRows, earlierRuns);
		progress.expectPlans(runKeys.size());
		going.add(progress);
		runKeys.forEach(runKey -> byRunKey.put(runKey, progress));
		return progress;
	}

	/** The launch has ended: its progress is heard no more. */
	public void end(RunProgress progress) {
		going.remove(progress);
		byRunKey.values().removeIf(progress::equals);
	}

	/** The progress of the launch that runs this input; one nobody reads when no launcher started it (a test's job). */
	public RunProgress of(String runKey) {
		RunProgress progress = byRunKey.get(runKey);
		return progress != null ? progress : new RunProgress(clock);
	}

	@Override
	public void onHeldUntil(Instant until) {
		going.forEach(progress -> progress.onHeldUntil(until));
	}
}

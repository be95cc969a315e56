package com.pinbatch.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

import com.pinbatch.job.RunProgress;
import com.pinbatch.result.RowStatus;
import com.pinbatch.run.ExitCode;
import com.pinbatch.text.Formats;

/**
 * Where a run stands, as the watch page shows it.
 *
 * @param state Running, Finished, Stopped (before its end: Zernio down, the console closed, the key rejected), or
 *              getting ready (reading the file, or waiting for the file sent before it)
 */
record Progress(boolean running, String state, long done, long total, int percent, Map<String, Long> counts,
		String pinsPerMinute, String timeLeft) {

	static final String WAITING = "Getting ready: reading the file, or waiting for the file sent before it";

	/** Every row sent, the run waits for Pinterest: without it, "14 of 14 rows, about 1 s left" stayed for minutes. */
	static final String FOLLOWING = "Running: every row is sent; waiting for Pinterest to publish the pins (CREATED"
			+ " turns PUBLISHED, or FAILED with Pinterest's reason)";

	static Progress of(LiveRun run) {
		RunProgress.Snapshot now = run.progress();
		LiveRun.Ended ended = run.ended();
		if (now == null) {
			Map<String, Long> counts = ended == null || ended.counts() == null ? Map.of()
					: byStatus(status -> ended.counts().getOrDefault(status, 0L));
			long done = counts.values().stream().mapToLong(Long::longValue).sum();
			// not sending yet: reading the file and looking up its boards, or waiting, as the console sends one file at a time
			return new Progress(ended == null, ended == null ? WAITING : state(ended), done, done,
					ended == null ? 0 : 100, counts, "", "");
		}
		Map<String, Long> counts = byStatus(now::count);
		long total = Math.max(now.total(), now.done());
		Duration left = now.eta();
		boolean following = ended == null && total > 0 && now.done() >= total;
		return new Progress(ended == null, following ? FOLLOWING : state(ended), now.done(), total,
				total == 0 ? 100 : (int) (100 * now.done() / total), counts,
				Formats.plain("%.0f", now.pinsPerMinute()),
				ended != null || following ? "" : left == null ? "working out the time left" : about(left) + " left");
	}

	/** Whether every row is sent and the run waits to learn what became of the pins. */
	public boolean following() {
		return FOLLOWING.equals(state);
	}

	/**
	 * This progress with {@code counts} instead: an ended run's rows as its result file now has them (a follow-up
	 * since may have learnt their outcomes; before, the page kept the counts of the run's end beside the rows of the
	 * file).
	 */
	Progress withCounts(Map<RowStatus, Long> rows) {
		return new Progress(running, state, done, total, percent, byStatus(status -> rows.getOrDefault(status, 0L)),
				pinsPerMinute, timeLeft);
	}

	/**
	 * Whether a follow-up may learn something now of rows so counted: a pin still publishing (CREATED, DUPLICATE), or
	 * one SCHEDULED whose time has come; pins scheduled for later have nothing to tell until then (before, Follow up
	 * was offered for pins scheduled months ahead, and found "0 rows to ask Zernio about").
	 *
	 * @param firstScheduled when the first SCHEDULED row publishes; null: not known
	 */
	static boolean followable(Map<String, Long> counts, Instant firstScheduled, Instant now) {
		boolean publishing = Arrays.stream(RowStatus.values())
			.anyMatch(status -> status.mayChange() && status != RowStatus.SCHEDULED
					&& counts.containsKey(status.name()));
		return publishing || counts.containsKey(RowStatus.SCHEDULED.name())
				&& (firstScheduled == null || !firstScheduled.isAfter(now));
	}

	/** The statuses that have rows, in the order of the statuses (as the history and the summary give them). */
	private static Map<String, Long> byStatus(ToLongFunction<RowStatus> rows) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (RowStatus status : RowStatus.values()) {
			long count = rows.applyAsLong(status);
			if (count > 0) {
				counts.put(status.name(), count);
			}
		}
		return counts;
	}

	private static String state(LiveRun.Ended ended) {
		return ended == null ? "Running" : ended.exitCode() == ExitCode.STOPPED.code() ? "Stopped" : "Finished";
	}

	private static String about(Duration left) {
		if (left.toMinutes() >= 1) {
			return "about " + left.toMinutes() + " min " + left.toSecondsPart() + " s";
		}
		return "about " + Math.max(1, left.toSeconds()) + " s";
	}
}

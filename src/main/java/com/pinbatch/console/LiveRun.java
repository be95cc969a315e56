package com.pinbatch.console;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.pinbatch.job.RunProgress;
import com.pinbatch.result.RowStatus;

/**
 * A run the console started, while it runs and after: what it said, its live counts, and what it came to. Read by
 * the watch page while the run's own thread writes it.
 */
final class LiveRun {

	/** What the run came to once it ended. */
	record Ended(int exitCode, String reason, Path resultFile, Map<RowStatus, Long> counts) {

		/** Whether the run stopped before some of its rows: its upload's Send goes on with them. */
		public boolean rowsLeft() {
			return counts.getOrDefault(RowStatus.PENDING, 0L) > 0;
		}

		/** Whether Zernio refused the console's key: no Send or retry here goes further until it has another. */
		public boolean keyRefused() {
			return KeyRefusal.says(reason);
		}
	}

	private final String id;

	private final Upload upload;

	private final boolean followUp;

	private final Instant started = Instant.now();

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private volatile RunProgress progress;

	private volatile RunProgress.Snapshot lastReading;

	private volatile Ended ended;

	private volatile String runKey;

	/** Until its turn comes: the console sends one file at a time. */
	private volatile boolean waiting = true;

	/** Its person pressed Stop: it sends no more pins, or does not start if its turn has not come. */
	private volatile boolean stopAsked;

	/** @param followUp a follow-up of an earlier run's result file, rather than a send */
	LiveRun(String id, Upload upload, boolean followUp) {
		this.id = id;
		this.upload = upload;
		this.followUp = followUp;
	}

	public boolean followUp() {
		return followUp;
	}

	ConsoleRuns.Started asStarted() {
		return new ConsoleRuns.Started(this, false);
	}

	public String id() {
		return id;
	}

	public Upload upload() {
		return upload;
	}

	Instant started() {
		return started;
	}

	/** Whether it still waits for the console's run before it. */
	boolean waiting() {
		return waiting;
	}

	/** Its turn has come. */
	void turn() {
		waiting = false;
	}

	/** Whether Stop was pressed for it. */
	public boolean stopAsked() {
		return stopAsked;
	}

	void askStop() {
		stopAsked = true;
	}

	public List<String> lines() {
		return List.copyOf(lines);
	}

	void say(String line) {
		lines.add(line);
	}

	/**
	 * Where its sends stand: the process's counters while it sends, their last reading once it has sent (the
	 * counters then go on to the next run); null until sending begins.
	 */
	RunProgress.Snapshot progress() {
		RunProgress counters = progress;
		return counters != null ? counters.snapshot() : lastReading;
	}

	void sending(RunProgress counters) {
		this.progress = counters;
	}

	/** Sending is over: keeps the counters' last reading as this run's own. */
	void sent() {
		RunProgress counters = progress;
		if (counters != null) {
			lastReading = counters.snapshot();
			progress = null;
		}
	}

	/** Its input's run key, under which the job stores each row's outcome; null until its job starts. */
	String runKey() {
		return runKey;
	}

	void running(String key) {
		this.runKey = key;
	}

	/** Null while it runs. */
	Ended ended() {
		return ended;
	}

	void end(Ended outcome) {
		this.ended = outcome;
	}

	boolean running() {
		return ended == null;
	}
}

package com.pinbatch.run;

import com.pinbatch.job.RunProgress;

/**
 * What a run has to tell while it runs, for the front end to show as it sees fit: the command line prints the lines
 * on standard output and error and draws the progress line; another front end may keep them.
 */
public interface RunListener {

	/** A line about the run (how an input was read, notes, the plan, what is processed or resumed). */
	void info(String line);

	/** A line about a problem: why the run was refused or stopped, a look-up that cannot be made. */
	void problem(String line);

	/**
	 * The sends begin; {@code progress} counts outcomes as they come. The returned handle is closed when they end
	 * (also when they stop or fail).
	 */
	default AutoCloseable sending(RunProgress progress) {
		return () -> {
		};
	}

	/** An input's job is about to start; its outcomes are stored under {@code runKey} as they come. */
	default void running(String runKey) {
	}

	/** A listener that drops everything. */
	RunListener SILENT = new RunListener() {

		@Override
		public void info(String line) {
		}

		@Override
		public void problem(String line) {
		}
	};
}

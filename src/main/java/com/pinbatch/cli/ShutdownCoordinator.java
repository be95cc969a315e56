package com.pinbatch.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.pinbatch.run.ExitCode;

/**
 * Turns SIGTERM and Ctrl-C into a clean stop: the hook asks the running job to stop, then waits for the command to
 * write its result file and summary, and ends the process with the command's exit code (1 for a stopped run)
 * instead of the JVM's 143.
 */
final class ShutdownCoordinator {

	private static final long GRACE_SECONDS = 60;

	private static final CountDownLatch finished = new CountDownLatch(1);

	/** Counted down once the command can take a stop in hand: a stop during start-up gets its grace from then. */
	private static final CountDownLatch stopTaken = new CountDownLatch(1);

	private static volatile boolean shuttingDown;

	private static volatile Runnable stopAction = () -> {
	};

	private static volatile String stopLine = "pinbatch: stopping...";

	private static volatile int exitCode = ExitCode.STOPPED.code();

	private ShutdownCoordinator() {
	}

	static void install() {
		Runtime.getRuntime().addShutdownHook(new Thread(ShutdownCoordinator::onSignal, "pinbatch-stop"));
	}

	/** What a stop does from now on; a stop asked for before (during start-up) is done at once, not lost. */
	static void onStop(Runnable action) {
		onStop(action, "pinbatch: stopping: sending no more rows, and writing the result file...");
	}

	/** The same, saying {@code line} when the stop comes. */
	static void onStop(Runnable action, String line) {
		stopLine = line;
		stopAction = action;
		stopTaken.countDown();
		if (shuttingDown) {
			action.run();
		}
	}

	/** Ends the process: normally through System.exit, but during a shutdown the hook ends it. */
	static void exit(int code) {
		exitCode = code;
		boolean signalled = shuttingDown;
		finished.countDown();
		if (!signalled) {
			System.exit(code);
		}
	}

	private static void onSignal() {
		shuttingDown = true;
		if (finished.getCount() == 0) {
			return;
		}
		TerminalStatusLine live = TerminalStatusLine.current();
		if (live != null) {
			live.clear(); // the progress line is on standard output: the stop's line must not be written into it
		}
		System.err.println(stopLine);
		stopAction.run();
		try {
			long startUpEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
			while (stopTaken.getCount() > 0 && System.nanoTime() < startUpEnds
					&& !finished.await(100, TimeUnit.MILLISECONDS)) {
				// still starting: the stop is done once the command is ready, and its grace starts then
			}
			finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Runtime.getRuntime().halt(exitCode);
	}
}

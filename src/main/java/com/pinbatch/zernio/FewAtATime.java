package com.pinbatch.zernio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.pinbatch.concurrent.DaemonThreads;

/** Runs Zernio calls side by side on a few threads of their own, and stops at the first failure. */
final class FewAtATime {

	private FewAtATime() {
	}

	/**
	 * Returns when every task has run; rethrows the first failure (in task order), after which the tasks not yet
	 * run are dropped: a failed look-up stops the run anyway.
	 */
	static void run(List<Runnable> tasks, int atOnce, String threadName) {
		if (tasks.isEmpty()) {
			return;
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(atOnce, tasks.size()),
				DaemonThreads.named(threadName));
		try {
			List<Future<?>> running = new ArrayList<>();
			tasks.forEach(task -> running.add(pool.submit(task)));
			for (Future<?> task : running) {
				task.get();
			}
		}
		catch (ExecutionException failed) {
			if (failed.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw new IllegalStateException(failed.getCause());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new ZernioApiException("interrupted while looking up accounts and boards", interrupted);
		}
		finally {
			pool.shutdownNow();
		}
	}
}

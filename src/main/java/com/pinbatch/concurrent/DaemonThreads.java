package com.pinbatch.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of pinbatch's own pools: daemons, so that a pool left running (an aborted run, a slow host) never keeps
 * the process alive after the command ends, and named {@code NAME-1}, {@code NAME-2}, ... for thread dumps and logs.
 */
public final class DaemonThreads {

	private DaemonThreads() {
	}

	public static ThreadFactory named(String name) {
		AtomicInteger count = new AtomicInteger();
		return task -> {
			Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}

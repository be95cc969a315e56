package com.pinbatch.concurrent;

import java.time.Duration;

/** A wait of a given length: the thread's sleep, one a stop can end, or a test's that moves a fake clock. */
@FunctionalInterface
public interface Pause {

	void sleep(Duration duration) throws InterruptedException;

	/** The thread's own sleep. */
	static Pause thread() {
		return duration -> Thread.sleep(duration.toMillis());
	}
}

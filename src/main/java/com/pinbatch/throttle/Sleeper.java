package com.pinbatch.throttle;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits; injected so tests can let time pass without waiting. Must throw when the thread is interrupted. */
@FunctionalInterface
public interface Sleeper {

	Sleeper REAL = howLong -> TimeUnit.NANOSECONDS.sleep(howLong.toNanos());

	void sleep(Duration howLong) throws InterruptedException;
}

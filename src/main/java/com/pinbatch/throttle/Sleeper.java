package com.pinbatch.throttle;

import java.time.Duration;

/** Waits; injected so tests can let time pass without waiting. Must throw when the thread is interrupted. */
@FunctionalInterface
public interface Sleeper {

	Sleeper REAL = new RealTime();

	void sleep(Duration howLong) throws InterruptedException;

	/**
	 * A doorbell for the thread that asks for it. By default a timed wait is a sleep on this sleeper that a ring does
	 * not end early, and a wait for a ring parks the thread in real time: a test's time that moves when it is slept
	 * on then still moves, and threads waiting their turn still wake when rung.
	 */
	default Doorbell doorbell() {
		Sleeper time = this;
		return new ParkingDoorbell() {

			@Override
			public void sleep(Duration howLong) throws InterruptedException {
				time.sleep(howLong);
			}
		};
	}

	/**
	 * Where one thread waits until another rings: a ring that comes before the wait ends the next wait at once. A wait
	 * may also end early for no reason, so the waiter checks what it waits for again.
	 */
	interface Doorbell {

		/** Waits until rung; {@code atMost} is a safety net, in case a ring never comes. */
		void awaitRing(Duration atMost) throws InterruptedException;

		/** Waits this long, or less if rung. */
		void sleep(Duration howLong) throws InterruptedException;

		void ring();
	}
}

package com.pinbatch.throttle;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Parks the thread that asked for it, in real time; a ring unparks it. Only that thread may wait on it. */
class ParkingDoorbell implements Sleeper.Doorbell {

	private final Thread owner = Thread.currentThread();

	@Override
	public void awaitRing(Duration atMost) throws InterruptedException {
		park(atMost);
	}

	@Override
	public void sleep(Duration howLong) throws InterruptedException {
		park(howLong);
	}

	@Override
	public void ring() {
		LockSupport.unpark(owner);
	}

	private void park(Duration atMost) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		LockSupport.parkNanos(this, Math.max(0, atMost.toNanos()));
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
	}
}

package com.pinbatch.throttle;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits in real time; its doorbells park their thread, so a ring ends a timed wait early too. */
final class RealTime implements Sleeper {

	@Override
	public void sleep(Duration howLong) throws InterruptedException {
		TimeUnit.NANOSECONDS.sleep(howLong.toNanos());
	}

	@Override
	public Doorbell doorbell() {
		return new ParkingDoorbell();
	}
}

package com.pinbatch.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class WaitingLineTests {

	private final WaitingLine line = new WaitingLine(Sleeper.REAL);

	private final List<String> turns = new CopyOnWriteArrayList<>();

	@Test
	void threadsTakeTheirTurnInTheOrderTheyCame() throws Exception {
		Sleeper.Doorbell first = line.join();
		Thread second = waitInLine("second");
		Thread third = waitInLine("third");

		line.leave(first);
		second.join(TimeUnit.SECONDS.toMillis(30));
		third.join(TimeUnit.SECONDS.toMillis(30));

		assertThat(turns).containsExactly("second", "third");
	}

	@Test
	void aThreadStoppedWhileWaitingLeavesTheLineToThoseBehindIt() throws Exception {
		Sleeper.Doorbell first = line.join();
		Thread stopped = waitInLine("stopped");
		Thread behind = waitInLine("behind");

		stopped.interrupt();
		stopped.join(TimeUnit.SECONDS.toMillis(30));
		line.leave(first);
		behind.join(TimeUnit.SECONDS.toMillis(30));

		assertThat(turns).containsExactly("stopped: interrupted", "behind");
	}

	@Test
	void theFirstInLineIsNudgedOutOfItsWait() throws Exception {
		CountDownLatch waiting = new CountDownLatch(1);
		Thread first = new Thread(() -> {
			try {
				Sleeper.Doorbell place = line.join();
				waiting.countDown();
				place.sleep(Duration.ofHours(1));
				turns.add("nudged");
				line.leave(place);
			}
			catch (InterruptedException e) {
				turns.add("interrupted");
			}
		});
		first.start();
		assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
		awaitParked(first);

		line.nudgeFirst();
		first.join(TimeUnit.SECONDS.toMillis(30));

		assertThat(turns).containsExactly("nudged");
	}

	/** Starts a thread that joins the line, notes its turn and leaves; returns once it waits in line. */
	private Thread waitInLine(String name) throws InterruptedException {
		Thread thread = new Thread(() -> {
			try {
				Sleeper.Doorbell place = line.join();
				turns.add(name);
				line.leave(place);
			}
			catch (InterruptedException e) {
				turns.add(name + ": interrupted");
			}
		});
		thread.start();
		awaitParked(thread);
		return thread;
	}

	private static void awaitParked(Thread thread) throws InterruptedException {
		while (thread.getState() != Thread.State.TIMED_WAITING) {
			assertThat(thread.isAlive()).as("still waiting").isTrue();
			Thread.sleep(1);
		}
	}
}

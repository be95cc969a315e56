package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The crash and restart scenarios on the default job repository: an HSQLDB file in the data folder, plus two that
 * run here only. On PostgreSQL, killNineOnOneHostThenAnotherHost is this kill -9 scenario with another data folder
 * (there the data folder holds only the run lock), and a second run on the same data folder is refused by the data
 * folder's lock before any job repository is opened, the same code whatever the database.
 */
class CrashRestartProcessIT extends CrashRestartScenarios {

	@Override
	List<String> repositoryArguments() {
		return List.of();
	}

	@Test
	void killNineBetweenServerCreateAndCommitThenSameCommandFinishesWithoutDuplicates() throws Exception {
		// given: the process dies by SIGKILL right after the server stored the 35th post, before it could answer
		Path input = pins(ROWS);
		killWhenPostCount(35, Process::destroyForcibly);

		// when
		int crashed = runToEnd(input, "first");
		boolean databaseLockLeft = Files.exists(dir.resolve("data/jobrepo.lck"));
		sandbox.onPostCreated(post -> {
		});
		int resumed = runToEnd(input, "second");

		// then
		assertThat(crashed).as("killed by SIGKILL").isEqualTo(137);
		// the data folder's own lock went with the process; HSQLDB's lock file, left behind, held the next start
		// silent until its heartbeat was 10 s old
		assertThat(databaseLockLeft).as("a lock the restart must wait out").isFalse();
		assertThat(resumed).as(log("second")).isZero();
		assertEveryRowExactlyOnce(input);
	}

	@Test
	void secondRunOnTheSameDataIsRefusedAtOnce() throws Exception {
		// given: a first run that is busy sending
		Path input = pins(ROWS);
		AtomicInteger seen = new AtomicInteger();
		Object firstPost = new Object();
		CountDownLatch secondEndedLatch = new CountDownLatch(1);
		sandbox.onPostCreated(post -> {
			if (seen.incrementAndGet() == 1) {
				synchronized (firstPost) {
					firstPost.notifyAll();
				}
			}
			// the first run stays busy until the second has ended, however long the second takes to start
			try {
				secondEndedLatch.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		Process first = start(input, "first");
		synchronized (firstPost) {
			while (seen.get() == 0 && first.isAlive()) {
				firstPost.wait(100);
			}
		}

		// when
		Process second = start(input, "second");
		boolean secondEnded = second.waitFor(30, TimeUnit.SECONDS);
		boolean firstStillRunning = first.isAlive();
		secondEndedLatch.countDown();

		// then
		assertThat(secondEnded).as(log("second")).isTrue();
		assertThat(second.exitValue()).as(log("second")).isEqualTo(2);
		assertThat(log("second")).contains("another pinbatch run");
		assertThat(firstStillRunning).isTrue();
		first.destroyForcibly().waitFor();
	}
}

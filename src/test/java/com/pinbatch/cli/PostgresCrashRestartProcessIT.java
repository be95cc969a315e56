package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.pinbatch.lease.PostgresTestDatabase;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The crash and restart scenarios with the job repository on a real PostgreSQL server (a fresh database per test,
 * created on it by the first run), plus what only a shared repository allows: a run resumed from another host.
 * Skipped, with the reason, where no server is available.
 */
class PostgresCrashRestartProcessIT extends CrashRestartScenarios {

	private PostgresTestDatabase database;

	@Override
	void openRepository() {
		database = PostgresTestDatabase.create();
	}

	@Override
	void closeRepository() throws Exception {
		if (database != null) {
			database.close();
		}
	}

	@Override
	List<String> repositoryArguments() {
		return List.of("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password());
	}

	@Test
	void killNineOnOneHostThenAnotherHostFinishesWithoutDuplicates() throws Exception {
		// given: host A dies by SIGKILL right after the server stored the 35th post, before it could answer
		Path input = pins(ROWS);
		killWhenPostCount(35, Process::destroyForcibly);

		// when: host B (its own data folder, only the database shared) runs the same command
		int crashed = runToEnd(input, "host-a", dir.resolve("host-a"));
		sandbox.onPostCreated(post -> {
		});
		int resumed = runToEnd(input, "host-b", dir.resolve("host-b"));

		// then
		assertThat(crashed).as("killed by SIGKILL").isEqualTo(137);
		assertThat(resumed).as(log("host-b")).isZero();
		assertThat(log("host-b")).contains("resuming");
		assertEveryRowExactlyOnce(input);
	}

	@Disabled("needs PinbatchCommand to take the com.pinbatch.lease.RunLease before starting the job (issue 6)")
	@Test
	void secondHostOnAnInputRunningElsewhereIsRefusedAtOnce() throws Exception {
		// given: host A busy sending
		Path input = pins(ROWS);
		AtomicInteger seen = new AtomicInteger();
		sandbox.onPostCreated(post -> {
			seen.incrementAndGet();
			sleepQuietly(200);
		});
		Process first = start(input, "host-a", dir.resolve("host-a"));
		while (seen.get() == 0 && first.isAlive()) {
			sleepQuietly(50);
		}

		// when
		Process second = start(input, "host-b", dir.resolve("host-b"));
		boolean secondEnded = second.waitFor(30, TimeUnit.SECONDS);

		// then: refused, naming the process that holds the run; the first run goes on
		assertThat(secondEnded).isTrue();
		assertThat(second.exitValue()).as(log("host-b")).isEqualTo(2);
		assertThat(log("host-b")).contains("pid " + first.pid());
		assertThat(first.isAlive()).isTrue();
	}
}

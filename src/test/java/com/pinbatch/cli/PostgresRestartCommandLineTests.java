package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.pinbatch.lease.PostgresDatabasePerTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared PostgreSQL job repository restarted (or failed over) in the middle of a run: every connection pinbatch
 * holds is ended at once. Skipped, with the reason, where no server is available.
 */
class PostgresRestartCommandLineTests extends SandboxedCommandLine {

	@RegisterExtension
	final PostgresDatabasePerTest database = new PostgresDatabasePerTest();

	@Test
	void aRunWhoseDatabaseRestartsWhileItSendsFinishesWithEveryRowOnceAndExitZero() throws IOException {
		// given: 20 pins sent one at a time, and the database's connections all ended when Zernio has created the
		// tenth (while the run waits for Zernio's answer: a statement in flight at that moment fails, as it would)
		Path input = shelfPins(20);
		AtomicInteger created = new AtomicInteger();
		sandbox.onPostCreated(post -> {
			if (created.incrementAndGet() == 10) {
				endEveryConnection();
			}
		});

		// when
		CommandLineRun run = run("--input=" + input, "--pinbatch.concurrency=1");

		// then: the run goes on with new connections (before: exit 1, "the job repository failed (Connection is
		// closed)", once every row was sent, the chunk's connection having gone with the restart)
		assertThat(run.exitCode()).as(run.toString()).isZero();
		List<Map<String, String>> results = ResultRows.read(dir.resolve("pins.results.csv"));
		assertThat(results).hasSize(20).allSatisfy(row -> assertThat(row.get("status")).isIn("PUBLISHED", "CREATED"));
		assertThat(creates()).hasSize(20);
		assertThat(sandbox.postCount()).isEqualTo(20);
	}

	@Override
	CommandLineRun run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(database.get().commandLineArguments());
		return super.run(all.toArray(String[]::new));
	}

	/** What a restart does to the clients: every other connection to the database is ended. */
	private void endEveryConnection() {
		try (Connection admin = database.get().dataSource().getConnection();
				Statement statement = admin.createStatement()) {
			statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
					+ " WHERE datname = current_database() AND pid <> pg_backend_pid()");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

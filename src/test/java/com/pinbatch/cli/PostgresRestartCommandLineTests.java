package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.pinbatch.lease.PostgresDatabasePerTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The shared PostgreSQL job repository restarted (or failed over) in the middle of a run: every connection pinbatch
 * holds is ended at once. Skipped, with the reason, where no server is available.
 */
@ExtendWith(OutputCaptureExtension.class)
class PostgresRestartCommandLineTests extends SandboxedCommandLine {

	@RegisterExtension
	final PostgresDatabasePerTest database = new PostgresDatabasePerTest();

	@Test
	void aRunWhoseDatabaseRestartsWhileItSendsFinishesWithEveryRowOnceAndExitZero() throws IOException {
		// given: 20 pins sent one at a time, and the database's connections all ended when Zernio has created the
		// tenth (while the run waits for Zernio's answer: a statement in flight at that moment fails, as it would)
		Path input = shelfPins(20);
		onTenthCreate(this::endEveryConnection);

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

	@Test
	void aRunWhoseDatabaseGoesDownStopsWithOneLineAndTheSameCommandFinishesItOnceItIsBack(CapturedOutput logged)
			throws Exception {
		// given: 20 pins, and the database down (every connection ended, new ones refused) once Zernio has created
		// the tenth
		Path input = shelfPins(20);
		onTenthCreate(() -> {
			allowConnections(false);
			endEveryConnection();
		});

		// when
		// (a connection is waited for 1 s, not 30: the run's stop takes as many waits as it has statements left)
		CommandLineRun stopped = run("--input=" + input, "--pinbatch.concurrency=1",
				"--spring.datasource.hikari.connection-timeout=1000");
		allowConnections(true);
		// a stopped process ends, and a run on its host then takes its lease over at once; this one stopped in the
		// test's process, which goes on: its lease is made to have run out instead
		leaseRunsOut();
		CommandLineRun resumed = run("--input=" + input);

		// then: a stop in one line, a defined exit code, no stack trace; the same command then finishes, no pin twice
		assertStoppedSayingTheDatabaseIsGoneThenFinished(stopped, resumed);
		// nor the pool's and the chunk's own reports of the lost connections, which pinbatch's line sums up (before:
		// warnings of HikariPool and ProxyConnection, a TransactionTemplate error, with stack traces)
		assertThat(logged.getAll()).doesNotContain("\tat ", "Hikari", "ProxyConnection", "TransactionTemplate");
	}

	@Test
	@Timeout(300) // a guard, not a measure: before, the run waited for the silent database for ever
	void aRunWhoseDatabaseFallsSilentStopsWithOneLineAndTheSameCommandFinishesIt() throws Exception {
		// given: 20 pins, and the database reached through a relay that falls silent once Zernio has created the
		// tenth: no answer, no error, every connection left open (a failed-over primary gone from the network)
		Path input = shelfPins(20);
		CommandLineRun stopped;
		try (FreezingTcpProxy relay = new FreezingTcpProxy(databaseHost(), databasePort())) {
			onTenthCreate(relay::freeze);

			// when
			// (a connection is waited for, and checked, 1 s, not 30 and 5: the stop takes a few of those waits)
			stopped = super.run(throughRelay(relay, "--input=" + input, "--pinbatch.concurrency=1",
					"--spring.datasource.hikari.connection-timeout=1000",
					"--spring.datasource.hikari.validation-timeout=1000"));
		}
		// the relay closed: the silent connections' sessions end on the server, as the old primary's went with it
		leaseRunsOut();
		CommandLineRun resumed = run("--input=" + input);

		// then: a stop in one line, a defined exit code, no stack trace; the same command then finishes, no pin twice
		assertStoppedSayingTheDatabaseIsGoneThenFinished(stopped, resumed);
	}

	/** The 20 pins' run stopped in one line that says the database is gone; the same command then sent the rest. */
	private void assertStoppedSayingTheDatabaseIsGoneThenFinished(CommandLineRun stopped, CommandLineRun resumed) {
		assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
		assertThat(stopped.err()).contains("pinbatch: the job repository's database cannot be reached, or stopped"
				+ " answering (", "check that it is up", "run the same command again").doesNotContain("\tat ",
						"Exception");
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).hasSize(20)
			.allSatisfy(row -> assertThat(row.get("status")).isIn("PUBLISHED", "CREATED", "DUPLICATE"));
		assertThat(sandbox.postCount()).isEqualTo(20);
	}

	/** The database's settings with its address replaced by the relay's. */
	private String[] throughRelay(FreezingTcpProxy relay, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		database.get().commandLineArguments().stream()
			.map(setting -> setting.replace("//" + databaseHost() + ":" + databasePort() + "/",
					"//127.0.0.1:" + relay.port() + "/"))
			.forEach(all::add);
		return all.toArray(String[]::new);
	}

	private String databaseHost() {
		return database.get().url().replaceFirst("jdbc:postgresql://([^:/]+).*", "$1");
	}

	private int databasePort() {
		String port = database.get().url().replaceFirst("jdbc:postgresql://[^:/]+(:(\\d+))?/.*", "$2");
		return port.isEmpty() ? 5432 : Integer.parseInt(port);
	}

	/** Does {@code what} when Zernio has created the tenth pin, before it answers. */
	private void onTenthCreate(Runnable what) {
		AtomicInteger created = new AtomicInteger();
		sandbox.onPostCreated(post -> {
			if (created.incrementAndGet() == 10) {
				what.run();
			}
		});
	}

	@Override
	CommandLineRun run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(database.get().commandLineArguments());
		return super.run(all.toArray(String[]::new));
	}

	/** Whether the database takes new connections (its owner, the test's role, may say). */
	private void allowConnections(boolean allowed) {
		admin("ALTER DATABASE " + databaseName() + " WITH ALLOW_CONNECTIONS " + allowed);
	}

	/** Runs a statement through the database the test databases are made from (this one may refuse connections). */
	private void admin(String sql) {
		try (Connection admin = DriverManager.getConnection(System.getenv("PINBATCH_TEST_POSTGRES_URL"),
				database.get().user(), database.get().password());
				Statement statement = admin.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void leaseRunsOut() throws SQLException {
		try (Connection db = database.get().dataSource().getConnection(); Statement statement = db.createStatement()) {
			statement.execute("UPDATE PINBATCH_RUN_LOCK SET LOCK_UNTIL = CURRENT_TIMESTAMP - INTERVAL '1 second'");
		}
	}

	private String databaseName() {
		return database.get().url().replaceFirst(".*/([^/?]+).*", "$1");
	}

	/** What a restart does to the clients: every connection to the database is ended. */
	private void endEveryConnection() {
		admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + databaseName() + "'");
	}
}

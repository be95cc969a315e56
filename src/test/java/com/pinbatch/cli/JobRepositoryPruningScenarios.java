package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.ZernioSandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --prune-older-than=DAYS} on a real job repository: an old run goes, with every Spring Batch row and the row
 * outcomes stored under its run key; a recent one stays untouched. Subclasses choose the repository.
 */
abstract class JobRepositoryPruningScenarios {

	private static final String[] TABLES = { "BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_JOB_EXECUTION_PARAMS",
			"BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_STEP_EXECUTION_CONTEXT",
			"PINBATCH_ROW_RESULT", "PINBATCH_RUN_LOCK" };

	@TempDir
	Path dir;

	ZernioSandbox sandbox;

	/** The command-line settings that point a run at the repository. */
	abstract List<String> repositoryArguments();

	/** A connection to the repository the runs use. */
	abstract Connection open() throws SQLException;

	@BeforeEach
	void start() throws Exception {
		// a ceiling ten times Zernio's: the client follows it, so each request waits 10 ms, not 100
		sandbox = ZernioSandbox.start(SandboxSettings.defaults().withRequestsPerMinute(6000));
		System.setProperty("zernio.api-key", ZernioSandbox.API_KEY);
	}

	@AfterEach
	void stop() throws Exception {
		if (sandbox != null) { // null when the repository was not available and the test was skipped
			sandbox.close();
		}
		System.clearProperty("zernio.api-key");
	}

	@Test
	void prunesOnlyTheRunsOlderThanTheCutOff() throws Exception {
		// given two runs, one of them from 40 days ago
		run("--input=" + write("old.csv", "Old pin"));
		run("--input=" + write("new.csv", "New pin"));
		String oldKey = runKeyOf("old.csv");
		age(oldKey, 40);

		// when
		CommandLineRun prune = run("--prune-older-than=30");

		// then
		assertThat(prune.exitCode()).as(prune.toString()).isZero();
		assertThat(prune.out()).contains("pruned 1 job run(s)").contains("1 job execution(s), 1 stored row outcome(s)");
		try (Connection db = open()) {
			for (String table : TABLES) {
				assertThat(count(db, table)).as(table).isPositive();
			}
			assertThat(count(db, "BATCH_JOB_INSTANCE")).isEqualTo(1);
			assertThat(rowsOf(db, oldKey)).isZero();
			assertThat(rowsOf(db, runKeyOf(db, "new.csv"))).isEqualTo(1);
		}
	}

	@Test
	void pruningEverythingLeavesEmptyTablesAndTheInputIsANewRunAgain() throws Exception {
		// given
		Path input = write("pins.csv", "A pin");
		run("--input=" + input);

		// when
		CommandLineRun prune = run("--prune-older-than=0");
		CommandLineRun again = run("--input=" + input);

		// then
		assertThat(prune.out()).contains("pruned 1 job run(s)");
		assertThat(again.out()).as(again.toString()).contains("processing").doesNotContain("already processed");
		CommandLineRun pruneAgain = run("--prune-older-than=0");
		assertThat(pruneAgain.out()).contains("pruned 1 job run(s)");
		try (Connection db = open()) {
			for (String table : TABLES) {
				assertThat(count(db, table)).as(table).isZero();
			}
		}
	}

	@Test
	void aDryRunDeletesNothingAndSaysWhatAPruneWouldDelete() throws Exception {
		// given
		Path input = write("pins.csv", "A pin");
		run("--input=" + input);

		// when
		CommandLineRun dryRun = run("--prune-older-than=0", "--dry-run");
		CommandLineRun again = run("--input=" + input);

		// then: everything is still there, and the input is still known as processed
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(dryRun.out()).contains("dry run, nothing deleted: would prune 1 job run(s)")
			.contains("1 job execution(s), 1 stored row outcome(s)");
		try (Connection db = open()) {
			for (String table : TABLES) {
				assertThat(count(db, table)).as(table).isPositive();
			}
		}
		assertThat(again.out()).as(again.toString()).contains("already processed");
		assertThat(sandbox.postCount()).isEqualTo(1);
	}

	/**
	 * A file left in a nightly folder is named every night and sent once: it stays processed as long as runs name
	 * it. Before: its job instance aged from its one execution, a weekly prune deleted it, and the next night sent
	 * every pin again.
	 */
	@Test
	void anInputStillNamedByTheNightlyRunsIsKeptAndPrunedOnceNoRunNamesIt() throws Exception {
		// given: an input sent 40 days ago, named again last night with a new one (so not sent again)
		Path old = write("old.csv", "Old pin");
		run("--input=" + old);
		String oldKey = runKeyOf("old.csv");
		age(oldKey, 40);
		CommandLineRun both = run("--input=" + old, "--input=" + write("new.csv", "New pin"));
		assertThat(both.out()).as(both.toString()).contains("old.csv was already processed");

		// when
		CommandLineRun prune = run("--prune-older-than=30");
		CommandLineRun tonight = run("--input=" + old);

		// then: it is kept, still processed, nothing sent twice
		assertThat(prune.out()).as(prune.toString()).contains("pruned 0 job run(s)");
		assertThat(tonight.exitCode()).as(tonight.toString()).isZero();
		assertThat(tonight.out()).contains("old.csv was already processed");
		assertThat(sandbox.postCount()).isEqualTo(2);
		try (Connection db = open()) {
			assertThat(rowsOf(db, oldKey)).isEqualTo(1);
		}

		// and once no run has named it for 40 days, a prune removes it with its outcomes
		age(oldKey, 40);
		CommandLineRun later = run("--prune-older-than=30");
		assertThat(later.out()).as(later.toString()).contains("pruned 1 job run(s)")
			.contains("1 job execution(s), 1 stored row outcome(s)");
		try (Connection db = open()) {
			assertThat(rowsOf(db, oldKey)).isZero();
		}
	}

	/** Before: a prune that succeeded left the summary of the last command in place, perhaps a failure. */
	@Test
	void aPruneWritesItsSummaryOverTheLastOne() throws Exception {
		run("--input=" + write("pins.csv", "A pin"));
		Path summary = Files.writeString(dir.resolve("weekly.json"), "{\"exitCode\":2,\"reason\":\"last week\"}");

		CommandLineRun prune = run("--prune-older-than=30", "--summary=" + summary);

		assertThat(prune.exitCode()).as(prune.toString()).isZero();
		assertThat(Files.readString(summary)).contains("\"exitCode\" : 0").doesNotContain("last week");
	}

	@Test
	void pruningTakesNoInput() throws IOException {
		CommandLineRun run = run("--prune-older-than=30", "--input=" + write("x.csv", "x"));

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--prune-older-than");
	}

	CommandLineRun run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(repositoryArguments());
		return CommandLineRun.run(dir.resolve("data"), sandbox.baseUrl(), all.toArray(String[]::new));
	}

	Path write(String name, String title) throws IOException {
		return Files.writeString(dir.resolve(name), "title,media_url,board,account\n" + title
				+ ",https://images.example.com/" + name + ".jpg,Kitchen Ideas,acme-home\n", StandardCharsets.UTF_8);
	}

	private String runKeyOf(String inputName) throws SQLException {
		try (Connection db = open()) {
			return runKeyOf(db, inputName);
		}
	}

	private static String runKeyOf(Connection db, String inputName) throws SQLException {
		try (PreparedStatement query = db.prepareStatement("""
				SELECT K.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS K JOIN BATCH_JOB_EXECUTION_PARAMS F
				ON F.JOB_EXECUTION_ID = K.JOB_EXECUTION_ID
				WHERE K.PARAMETER_NAME = 'run.key' AND F.PARAMETER_NAME = 'input.file' AND F.PARAMETER_VALUE LIKE ?""")) {
			query.setString(1, "%" + inputName);
			try (ResultSet rs = query.executeQuery()) {
				assertThat(rs.next()).as("a run of " + inputName).isTrue();
				return rs.getString(1);
			}
		}
	}

	/** Moves a run's timestamps into the past, as if it had run {@code days} ago. */
	private void age(String runKey, int days) throws SQLException {
		Timestamp then = Timestamp.valueOf(LocalDateTime.now().minusDays(days));
		try (Connection db = open(); PreparedStatement update = db.prepareStatement("""
				UPDATE BATCH_JOB_EXECUTION SET CREATE_TIME = ?, START_TIME = ?, END_TIME = ?, LAST_UPDATED = ?
				WHERE JOB_EXECUTION_ID IN (SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION_PARAMS
				  WHERE PARAMETER_NAME = 'run.key' AND PARAMETER_VALUE = ?)""")) {
			for (int i = 1; i <= 4; i++) {
				update.setTimestamp(i, then);
			}
			update.setString(5, runKey);
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
	}

	static long count(Connection db, String table) throws SQLException {
		try (Statement statement = db.createStatement();
				ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static long rowsOf(Connection db, String runKey) throws SQLException {
		try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM PINBATCH_ROW_RESULT WHERE RUN_KEY = ?")) {
			query.setString(1, runKey);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}
}

package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A job repository written by a version before the migrations: its tables are there, some without the later
 * columns, and no migration history. pinbatch starts on it, completes the tables and keeps what they hold.
 */
class JobRepositoryUpgradeCommandLineTests extends SandboxedCommandLine {

	@Test
	void aRepositoryOfTheVersionBeforeMigrationsIsCompletedAndKeepsItsRows() throws IOException {
		// given: the tables as the previous version created them, with rows in them
		JdbcTemplate before = repository();
		before.execute("""
				CREATE TABLE PINBATCH_ROW_RESULT (RUN_KEY VARCHAR(64) NOT NULL, ROW_NUMBER BIGINT NOT NULL,
				  STATUS VARCHAR(16) NOT NULL, POST_ID VARCHAR(100), ERROR_CODE VARCHAR(100),
				  ERROR_MESSAGE VARCHAR(4000), ATTEMPTS INT NOT NULL, REQUEST_ID VARCHAR(64), FINISHED_AT_MS BIGINT,
				  SENT_AT_MS BIGINT, ACCOUNT VARCHAR(200), PRIMARY KEY (RUN_KEY, ROW_NUMBER))""");
		before.execute("""
				CREATE TABLE PINBATCH_RUN_INPUT (RUN_KEY VARCHAR(64) NOT NULL, INPUT_KEY VARCHAR(64) NOT NULL,
				  INPUT_FILE VARCHAR(2000), FINISHED_AT TIMESTAMP, JOB_EXECUTION_ID BIGINT,
				  PRIMARY KEY (RUN_KEY, INPUT_KEY))""");
		before.execute("""
				CREATE TABLE PINBATCH_MEDIA_UPLOAD (CONTENT_SHA256 VARCHAR(64) NOT NULL PRIMARY KEY,
				  PUBLIC_URL VARCHAR(2000) NOT NULL, UPLOADED_AT_MS BIGINT NOT NULL)""");
		before.execute("""
				CREATE TABLE PINBATCH_RUN_LEASE (RUN_KEY VARCHAR(64) NOT NULL PRIMARY KEY, OWNER VARCHAR(300) NOT NULL,
				  ACQUIRED_AT_MS BIGINT NOT NULL, HEARTBEAT_AT_MS BIGINT NOT NULL)""");
		before.update("INSERT INTO PINBATCH_ROW_RESULT (RUN_KEY, ROW_NUMBER, STATUS, ATTEMPTS) VALUES ('old', 2,"
				+ " 'CREATED', 1)");
		before.update("INSERT INTO PINBATCH_MEDIA_UPLOAD VALUES ('abc', 'https://media.example.com/abc.jpg', 0)");
		before.execute("SHUTDOWN");
		Path input = Files.writeString(dir.resolve("pins.csv"),
				"title,media_url,board,account\nA pin,https://images.example.com/a.jpg,Kitchen Ideas,acme-home\n",
				StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + input);

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(creates()).hasSize(1);
		JdbcTemplate after = repository();
		try {
			assertThat(after.queryForList("SELECT \"version\" FROM \"flyway_schema_history\""
					+ " ORDER BY \"installed_rank\"", String.class)).startsWith("0", "1", "2");
			List<Map<String, Object>> old = after.queryForList(
					"SELECT STATUS, PIN_URL, PUBLISH_AT_MS FROM PINBATCH_ROW_RESULT WHERE RUN_KEY = 'old'");
			assertThat(old).singleElement().satisfies(row -> assertThat(row.get("STATUS")).isEqualTo("CREATED"));
			assertThat(after.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME ="
					+ " 'PINBATCH_RUN_INPUT'", Integer.class)).as("the table no version reads").isZero();
			assertThat(after.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME ="
					+ " 'PINBATCH_RUN_LEASE'", Integer.class)).as("the hand-written lease's table").isZero();
			assertThat(after.queryForObject("SELECT PUBLIC_URL FROM PINBATCH_MEDIA_UPLOAD WHERE CONTENT_SHA256 = 'abc'",
					String.class)).isEqualTo("https://media.example.com/abc.jpg");
		}
		finally {
			after.execute("SHUTDOWN");
		}
	}

	/** The data folder's HSQLDB database, as pinbatch opens it (the folder the runs of this class use). */
	private JdbcTemplate repository() throws IOException {
		Files.createDirectories(dir.resolve("data"));
		JDBCDataSource dataSource = new JDBCDataSource();
		dataSource.setUrl("jdbc:hsqldb:file:" + dir.resolve("data").resolve("jobrepo") + ";hsqldb.tx=mvcc;"
				+ "hsqldb.default_table_type=cached");
		dataSource.setUser("SA");
		dataSource.setPassword("");
		return new JdbcTemplate(dataSource);
	}
}

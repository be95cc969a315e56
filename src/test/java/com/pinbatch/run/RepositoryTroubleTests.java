package com.pinbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * The one line a run ends with when the job repository fails: a full disk under the data folder (as HSQLDB and the
 * file system report it) is named as such, and no SQL statement reaches the user.
 */
class RepositoryTroubleTests {

	private static final String UPDATE = "UPDATE BATCH_JOB_EXECUTION SET START_TIME = ?, END_TIME = ? WHERE"
			+ " JOB_EXECUTION_ID = ? AND VERSION = ?";

	@Test
	void aFullDiskIsSaidInOneLineWithoutTheSql() {
		Throwable hsqldb = new IllegalStateException("job failed", new UncategorizedSQLException(
				"PreparedStatementCallback", UPDATE, new SQLException("Data File size limit is reached", "S1000")));
		Throwable fileSystem = new DataAccessResourceFailureException("could not write",
				new IOException("No space left on device"));
		Throwable postgres = new UncategorizedSQLException("insert", "INSERT INTO PINBATCH_ROW_RESULT VALUES (?)",
				new SQLException("could not write to file", "53100"));

		for (Throwable failure : new Throwable[] { hsqldb, fileSystem, postgres }) {
			String line = RepositoryTrouble.describe(failure).orElseThrow();
			assertThat(line).as(failure.toString()).contains("disk", "is full", "run the same command again")
				.doesNotContain("SQL", "UPDATE", "INSERT").hasLineCount(1);
		}
	}

	@Test
	void aDatabaseGoneIsSaidAsSuchWithWhatToCheck() {
		// as PostgreSQL's driver reports a connection a silent database's pool closed, and one refused; as the pool
		// reports its wait for a connection running out (before: "the job repository failed (This connection has
		// been closed.)", which left the user to guess)
		Throwable closed = new UncategorizedSQLException("PreparedStatementCallback", UPDATE,
				new SQLException("This connection has been closed.", "08003"));
		Throwable refused = new DataAccessResourceFailureException("could not get a connection",
				new SQLException("Connection to 10.0.0.5:5432 refused.", "08001"));
		Throwable poolWait = new DataAccessResourceFailureException("could not get a connection",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"
						+ " after 30000ms."));

		for (Throwable failure : new Throwable[] { closed, refused, poolWait }) {
			String line = RepositoryTrouble.describe(failure).orElseThrow();
			assertThat(line).as(failure.toString())
				.startsWith("the job repository's database cannot be reached, or stopped answering (")
				.endsWith("): check that it is up and reachable from this machine, then run the same command again to"
						+ " resume")
				.doesNotContain("UPDATE");
		}
	}

	@Test
	void anotherDatabaseFailureIsOneLineWithoutTheSqlAndOthersAreNotItsBusiness() {
		Throwable failure = new UncategorizedSQLException("PreparedStatementCallback", UPDATE,
				new SQLException("value too long for type character varying(100)", "22001"));

		assertThat(RepositoryTrouble.describe(failure)).hasValueSatisfying(line -> assertThat(line)
			.isEqualTo("the job repository failed (value too long for type character varying(100)); run the same"
					+ " command again to resume"));
		assertThat(RepositoryTrouble.describe(new IllegalStateException("other"))).isEmpty();
	}
}

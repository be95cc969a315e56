package com.pinbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;

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
	void anotherDatabaseFailureIsOneLineWithoutTheSqlAndOthersAreNotItsBusiness() {
		Throwable failure = new UncategorizedSQLException("PreparedStatementCallback", UPDATE,
				new SQLException("connection is broken", "08003"));

		assertThat(RepositoryTrouble.describe(failure)).hasValueSatisfying(line -> assertThat(line)
			.contains("job repository failed (connection is broken)").doesNotContain("UPDATE"));
		assertThat(RepositoryTrouble.describe(new IllegalStateException("other"))).isEmpty();
	}
}

package com.pinbatch.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import com.pinbatch.lease.PostgresTestDatabase;

/**
 * Pruning on a real PostgreSQL server (a fresh database per test). Skipped, with the reason, where no server is
 * available.
 */
class PostgresJobRepositoryPruningTests extends JobRepositoryPruningScenarios {

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
		return database.commandLineArguments();
	}

	@Override
	Connection open() throws SQLException {
		return database.dataSource().getConnection();
	}
}

package com.pinbatch.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import com.pinbatch.lease.PostgresDatabasePerTest;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pruning on a real PostgreSQL server (a fresh database per test). Skipped, with the reason, where no server is
 * available.
 */
class PostgresJobRepositoryPruningTests extends JobRepositoryPruningScenarios {

	@RegisterExtension
	final PostgresDatabasePerTest database = new PostgresDatabasePerTest();

	@Override
	List<String> repositoryArguments() {
		return database.get().commandLineArguments();
	}

	@Override
	Connection open() throws SQLException {
		return database.get().dataSource().getConnection();
	}
}

package com.pinbatch.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.pinbatch.lease.PostgresTestDatabase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The growing sheet with the job repository on a real PostgreSQL server (a fresh database per test), as several hosts
 * share it. Skipped, with the reason, where no server is available.
 */
class PostgresSheetSavedAgainCommandLineTests extends SheetSavedAgainCommandLineTests {

	private PostgresTestDatabase database;

	@BeforeEach
	void openRepository() {
		database = PostgresTestDatabase.create();
	}

	@AfterEach
	void closeRepository() throws Exception {
		if (database != null) {
			database.close();
		}
	}

	@Override
	Connection repository() throws SQLException {
		return database.dataSource().getConnection();
	}

	@Override
	CommandLineRun run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(database.commandLineArguments());
		return super.run(all.toArray(String[]::new));
	}
}

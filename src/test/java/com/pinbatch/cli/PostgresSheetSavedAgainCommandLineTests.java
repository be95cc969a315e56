package com.pinbatch.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.pinbatch.lease.PostgresDatabasePerTest;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The growing sheet with the job repository on a real PostgreSQL server (a fresh database per test), as several hosts
 * share it. Skipped, with the reason, where no server is available.
 */
class PostgresSheetSavedAgainCommandLineTests extends SheetSavedAgainCommandLineTests {

	@RegisterExtension
	final PostgresDatabasePerTest database = new PostgresDatabasePerTest();

	@Override
	Connection repository() throws SQLException {
		return database.get().dataSource().getConnection();
	}

	@Override
	CommandLineRun run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(database.get().commandLineArguments());
		return super.run(all.toArray(String[]::new));
	}
}

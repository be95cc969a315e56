package com.pinbatch.lease;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link PostgresTestDatabase} for each test of a class that registers this as a field
 * ({@code @RegisterExtension}): created before the test's own set-up, dropped after its clean-up (once the processes
 * and connections it started have ended). Without a server, each test is skipped with the reason.
 */
public final class PostgresDatabasePerTest implements BeforeEachCallback, AfterEachCallback {

	private PostgresTestDatabase database;

	@Override
	public void beforeEach(ExtensionContext context) {
		database = PostgresTestDatabase.create();
	}

	@Override
	public void afterEach(ExtensionContext context) throws Exception {
		if (database != null) {
			database.close();
			database = null;
		}
	}

	/** The current test's database. */
	public PostgresTestDatabase get() {
		return database;
	}
}

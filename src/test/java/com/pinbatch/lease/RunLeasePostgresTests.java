package com.pinbatch.lease;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The lease on a real PostgreSQL server, in a database of its own; skipped when none is available. */
class RunLeasePostgresTests extends RunLeaseScenarios {

	private PostgresTestDatabase database;

	private final List<SingleConnectionDataSource> connections = new ArrayList<>();

	@Override
	void openDatabase() {
		database = PostgresTestDatabase.create();
	}

	@Override
	void closeDatabase() throws Exception {
		connections.forEach(SingleConnectionDataSource::destroy);
		if (database != null) {
			database.close();
		}
	}

	/** One connection per "host", kept open: a new PostgreSQL connection per statement would dominate the test time. */
	@Override
	DataSource sharedDatabase() {
		SingleConnectionDataSource connection = new SingleConnectionDataSource(database.url(), database.user(),
				database.password(), true);
		connections.add(connection);
		return connection;
	}
}

package com.pinbatch.result;

import com.pinbatch.lease.PostgresDatabasePerTest;
import com.pinbatch.schema.PinbatchSchema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The row outcome store's statements that differ on PostgreSQL (a shared repository), against a real server. */
class RowResultStorePostgresTests {

	@RegisterExtension
	final PostgresDatabasePerTest database = new PostgresDatabasePerTest();

	@Test
	void aPostsPublishRetriesKeepTheirGreatestCountAndGoWithTheirRunsWhenPruned() {
		PinbatchSchema.migrate(database.get().dataSource());
		RowResultStoreTests.publishRetriesKeepTheirGreatestCount(new RowResultStore(database.get().dataSource()));
	}
}

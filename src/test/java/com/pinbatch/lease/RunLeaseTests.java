package com.pinbatch.lease;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The lease on HSQLDB, the default job repository: an in-memory database shared by two data sources. */
class RunLeaseTests extends RunLeaseScenarios {

	private final String url = "jdbc:hsqldb:mem:lease_" + UUID.randomUUID() + ";hsqldb.tx=mvcc";

	@Override
	DataSource sharedDatabase() {
		return new DriverManagerDataSource(url, "SA", "");
	}
}

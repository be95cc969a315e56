package com.pinbatch.cli;

import java.util.List;

import com.pinbatch.lease.PostgresDatabasePerTest;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The crash and restart scenarios with the job repository on a real PostgreSQL server (a fresh database per test,
 * created on it by the first run); what only a shared repository allows is in PostgresSeveralHostsProcessIT.
 * Skipped, with the reason, where no server is available.
 */
class PostgresCrashRestartProcessIT extends CrashRestartScenarios {

	@RegisterExtension
	final PostgresDatabasePerTest database = new PostgresDatabasePerTest();

	@Override
	List<String> repositoryArguments() {
		return PostgresSeveralHostsProcessIT.repositoryArguments(database);
	}
}

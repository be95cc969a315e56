package com.pinbatch.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** Pruning on the default job repository: the HSQLDB file under the data folder. */
class JobRepositoryPruningTests extends JobRepositoryPruningScenarios {

	@Override
	List<String> repositoryArguments() {
		return List.of();
	}

	@Override
	Connection open() throws SQLException {
		return DriverManager.getConnection("jdbc:hsqldb:file:" + dir.resolve("data/jobrepo") + ";shutdown=true", "SA", "");
	}
}

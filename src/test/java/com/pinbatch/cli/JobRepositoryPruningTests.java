package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;

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

	@Test
	void pruningAFolderThatHoldsNoJobRepositoryIsRefusedInsteadOfReportedDone() {
		// given: a data folder mistyped in the crontab's prune line
		Path mistyped = dir.resolve("dta");

		// when
		CommandLineRun prune = CommandLineRun.run(mistyped, null, "--prune-older-than=30");

		// then: said, and no empty repository made there
		assertThat(prune.exitCode()).as(prune.toString()).isEqualTo(2);
		assertThat(prune.err().strip()).isEqualTo("pinbatch: there is no job repository in " + mistyped
				+ " to prune; give the --pinbatch.data-dir your runs use (default " + DataFolder.byDefault() + ")");
		assertThat(mistyped).doesNotExist();
	}
}

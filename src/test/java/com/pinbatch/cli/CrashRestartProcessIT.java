package com.pinbatch.cli;

import java.util.List;

/** The crash and restart scenarios on the default job repository: an HSQLDB file in the data folder. */
class CrashRestartProcessIT extends CrashRestartScenarios {

	@Override
	List<String> repositoryArguments() {
		return List.of();
	}
}

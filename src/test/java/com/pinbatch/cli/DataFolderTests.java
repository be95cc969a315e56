package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Where the job repository goes when no setting names a folder: the user's home, however the system gives it. */
class DataFolderTests {

	@Test
	void aUserIdTheSystemDoesNotListKeepsItsDataInTheHomeVariable() {
		// a container run with --user 1000, Kubernetes' arbitrary ids: Java's user.home is "?" (before: the data
		// folder was "?/.pinbatch/data" under the working folder, another job repository for each folder)
		assertThat(DataFolder.byDefault("?", "/home/app")).isEqualTo(Path.of("/home/app/.pinbatch/data"));
		assertThat(DataFolder.byDefault("/home/maria", "/somewhere/else"))
			.isEqualTo(Path.of("/home/maria/.pinbatch/data"));
	}

	@Test
	void noHomeFolderAtAllNamesNone() {
		assertThat(DataFolder.byDefault("?", null)).isNull();
		assertThat(DataFolder.byDefault("?", "")).isNull();
		assertThat(DataFolder.byDefault(null, "relative/home")).isNull();
	}
}

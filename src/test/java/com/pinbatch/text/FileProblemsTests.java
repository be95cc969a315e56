package com.pinbatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProblemsTests {

	@Test
	void aRefusedFileIsSaidAsWhatWentWrongNotAsTheTemporaryFilesName() {
		// Java's message of a refused file is only its name: a temporary one the user never named
		IOException refused = new AccessDeniedException("/srv/reports/nightly.json1181716138.tmp");

		assertThat(FileProblems.reason(new UncheckedIOException(refused))).isEqualTo("permission denied");
	}

	@Test
	void aFullDiskIsSaidInTheSystemsWords() {
		IOException full = new FileSystemException("/srv/out/.pins.results.csv.partial.csv", null,
				"No space left on device");

		assertThat(FileProblems.reason(full)).isEqualTo("No space left on device");
	}

	@Test
	void aNewFileRefusedInAFolderThatIsThereIsNotSaidToBeMissing(@TempDir Path folder) {
		// /proc, say: the folder is there, and refuses new files as "no such file"
		IOException refused = new NoSuchFileException(folder.resolve(".pinbatch-write-check-1.tmp").toString());

		assertThat(FileProblems.reason(refused)).isEqualTo("files cannot be created there");
		assertThat(FileProblems.reason(new NoSuchFileException("/no/such/folder/x.tmp")))
			.isEqualTo("no such file or folder");
	}

	@Test
	void anyOtherFailureKeepsItsMessage() {
		assertThat(FileProblems.reason(new IOException("Stale file handle"))).isEqualTo("Stale file handle");
		assertThat(FileProblems.reason(new IOException())).isEqualTo("IOException");
	}
}

package com.pinbatch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a folder given as --input stands for. */
class InputFilesTests {

	@TempDir
	Path inbox;

	@Test
	void aFolderStandsForItsSpreadsheetsNotItsResultFilesOrLockFiles() throws IOException {
		Files.writeString(inbox.resolve("b.xlsx"), "");
		Files.writeString(inbox.resolve("a.csv"), "");
		Files.writeString(inbox.resolve("a.results.csv"), "");
		Files.writeString(inbox.resolve("~$b.xlsx"), "");
		Files.writeString(inbox.resolve("notes.txt"), "");

		assertThat(InputFiles.expand(List.of(inbox))).extracting(file -> file.getFileName().toString())
			.containsExactly("a.csv", "b.xlsx");
	}

	@Test
	void aFileWhoseNameTheSystemCouldNotReadIsRefusedWithWhatToDo() throws IOException {
		// how a JVM started without a UTF-8 language setting (cron's default) lists "Café.csv"
		Files.writeString(inbox.resolve("a.csv"), "");
		Files.writeString(inbox.resolve("Caf\uFFFD\uFFFD.csv"), "");

		assertThatThrownBy(() -> InputFiles.expand(List.of(inbox))).isInstanceOf(RunRefusedException.class)
			.hasMessage("the folder " + inbox + " holds Caf\uFFFD\uFFFD.csv, whose name cannot be opened: this"
					+ " system's language setting (LANG unset or C, as under cron) lets Java open only file names in"
					+ " plain ASCII: set LANG=C.UTF-8 (in a crontab, on a line of its own above the job), or rename"
					+ " the file");
	}
}

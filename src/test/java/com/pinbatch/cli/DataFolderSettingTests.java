package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** pinbatch.data-dir is a setting like any other: a config file moves the job repository, not only the command line. */
class DataFolderSettingTests extends SandboxedCommandLine {

	@Test
	void aConfigFileMovesTheDataFolder() throws IOException {
		Path folder = dir.resolve("from-config");
		Path config = Files.writeString(dir.resolve("pinbatch.yml"), "pinbatch:\n  data-dir: " + folder + "\n",
				StandardCharsets.UTF_8);
		Path input = Files.writeString(dir.resolve("pins.csv"),
				"title,media_url,board,account\nA pin,https://images.example.com/a.jpg,Kitchen Ideas,acme-home\n",
				StandardCharsets.UTF_8);

		// no --pinbatch.data-dir on the command line
		CommandLineRun run = CommandLineRun.run(null, sandbox.baseUrl(), "--input=" + input,
				"--spring.config.additional-location=file:" + config);

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("data folder (job repository, run lock): " + folder);
		assertThat(folder).isDirectory();
		assertThat(Files.list(folder).map(path -> path.getFileName().toString()))
			.anyMatch(name -> name.startsWith("jobrepo"));
	}

	/** Before: made with the umask's permissions, so every local user could read the rows and posts kept there. */
	@Test
	void aDataFolderMadeByARunIsItsUsersAlone() throws IOException {
		Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
		Path folder = dir.resolve("home").resolve(".pinbatch").resolve("data");
		Path input = Files.writeString(dir.resolve("pins.csv"),
				"title,media_url,board,account\nA pin,https://images.example.com/a.jpg,Kitchen Ideas,acme-home\n",
				StandardCharsets.UTF_8);

		CommandLineRun run = CommandLineRun.run(folder, sandbox.baseUrl(), "--input=" + input);

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
	}

	@Test
	void aDataFolderWhoseNameTheSystemCannotReadIsRefusedWithWhatToDo() throws IOException {
		// how a JVM started without a UTF-8 language setting (cron's default) reads "Données" on its command line
		Path folder = dir.resolve("Donn\uFFFD\uFFFDes");
		Path input = Files.writeString(dir.resolve("pins.csv"),
				"title,media_url,board,account\nA pin,https://images.example.com/a.jpg,Kitchen Ideas,acme-home\n",
				StandardCharsets.UTF_8);

		CommandLineRun run = CommandLineRun.run(null, sandbox.baseUrl(), "--input=" + input,
				"--pinbatch.data-dir=" + folder);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).contains("--pinbatch.data-dir=" + folder + " cannot be opened: this system's language"
				+ " setting (LANG unset or C, as under cron)");
		assertThat(folder).doesNotExist();
	}
}

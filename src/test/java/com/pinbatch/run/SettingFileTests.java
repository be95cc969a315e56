package com.pinbatch.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Before: a configuration file anyone could write was read as the user's own, the key sent where it said. */
class SettingFileTests {

	@TempDir
	Path dir;

	@Test
	void aFileOthersCanWriteIsNamedSo() throws IOException {
		Path file = Files.writeString(dir.resolve("application.properties"), "zernio.base-url=https://x.example\n");

		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(SettingFile.othersCanChange(file)).as("the user's own file").isEmpty();
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		assertThat(SettingFile.othersCanChange(file)).isEmpty();
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--rw-"));
		assertThat(SettingFile.othersCanChange(file)).contains("every user can write it");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
		assertThat(SettingFile.othersCanChange(file)).hasValueSatisfying(
				why -> assertThat(why).startsWith("its group (").endsWith(") can write it"));
	}
}

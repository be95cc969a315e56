package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uploads a console keeps under its data folder, as a console started again over the same folder finds them. */
class UploadsTests {

	@TempDir
	Path dataFolder;

	@Test
	void anUploadIsFoundWithItsChoicesByTheConsoleStartedAgainAndOnlyForItsOwner() throws IOException {
		Upload choices = new Upload(null, "maria", null, null, null, "Pins", "acme-home", "Kitchen Ideas",
				ZoneId.of("Europe/Berlin"), "dd.MM.yyyy", "windows-1252", "title: Titel\n", true, false);
		Upload stored = new Uploads(dataFolder).store(new ByteArrayInputStream("title\nA\n".getBytes(
				StandardCharsets.UTF_8)), "../März pins.csv", choices);

		Uploads afterRestart = new Uploads(dataFolder);

		assertThat(afterRestart.find(stored.id(), "maria")).contains(stored);
		assertThat(afterRestart.find(stored.id(), "tom")).isEmpty();
		assertThat(afterRestart.ofFile(stored.file(), "maria")).contains(stored);
		assertThat(afterRestart.find("0123456789abcdef01234567", "maria")).isEmpty();
	}

	@Test
	void onlyAnUploadsOwnFolderIsEverReadBack() throws IOException {
		Path outside = Files.createDirectories(dataFolder.resolve("console/elsewhere"));
		Files.writeString(outside.resolve(".upload.json"), "{\"owner\":\"maria\",\"file\":\"x.csv\",\"name\":\"x.csv\","
				+ "\"uploaded\":\"2026-12-04T10:00:00Z\",\"spread\":false,\"retry\":false}");
		Uploads uploads = new Uploads(dataFolder);

		assertThat(uploads.find("../elsewhere", "maria")).isEmpty();
		assertThat(uploads.find("elsewhere", "maria")).isEmpty();
		assertThat(uploads.ofFile(outside.resolve("x.csv"), "maria")).isEmpty();
	}
}

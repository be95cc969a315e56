package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary a monitor reads: last night's goes once this command's options are checked, so that a command killed
 * on its way (kill -9, a reboot) leaves none rather than one saying the last night went well.
 */
class SummaryFileTests {

	@TempDir
	Path dir;

	@Test
	void theEarlierSummaryGoesButNothingElseNamedThere() throws IOException {
		Path nightly = Files.writeString(dir.resolve("nightly.json"), "{\"exitCode\":0}");
		Path folder = Files.createDirectories(dir.resolve("reports.json"));
		Path target = Files.writeString(dir.resolve("elsewhere.txt"), "keep me");
		Path link = Files.createSymbolicLink(dir.resolve("linked.json"), target);

		SummaryFile.removeEarlier(nightly);
		SummaryFile.removeEarlier(folder);
		SummaryFile.removeEarlier(link);
		SummaryFile.removeEarlier(null);

		assertThat(nightly).doesNotExist();
		assertThat(folder).isDirectory(); // the checks refuse it in one line, as before
		assertThat(Files.isSymbolicLink(link)).isTrue(); // replaced, not followed, when the summary is written
		assertThat(Files.readString(target)).isEqualTo("keep me");
	}
}

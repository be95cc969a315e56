package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Downloading a result file from the console. */
class ResultDownloadTests {

	@TempDir
	Path dir;

	@Test
	void aFileNamedWithAccentsAndEmojiDownloadsUnderItsName() throws IOException {
		Path results = Files.writeString(dir.resolve("Frühling Kampagne 春 🎉.results.csv"), "\uFEFFtitle,row\r\nA,2\r\n",
				StandardCharsets.UTF_8);

		ResponseEntity<byte[]> download = ResultDownload.of(results, null);

		// a header value the server sends as it is, ISO-8859-1 (before: not, so it dropped the header, and the name)
		String header = download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
		assertThat(header.chars()).allMatch(c -> c >= 0x20 && c <= 0xff);
		assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("Frühling Kampagne 春 🎉.results.csv");
	}
}

package com.pinbatch.console;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import com.pinbatch.pin.ColumnMapping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --report=FILE.html}: one self-contained page, every cell as text, nothing fetched but thumbnails. */
class HtmlReportTests {

	@TempDir
	Path dir;

	@Test
	void theReportIsOneFileWithEveryRowItsStatusMessageAndThumbnailAndNothingToRun() throws Exception {
		Path results = dir.resolve("pins.results.csv");
		Files.writeString(results, "title,media_url,board,link,row,status,post_id,pin_url,publish_at_utc,error_code,"
				+ "error_message,attempts,request_id,finished_at\n"
				+ "Pantry Rack,https://images.example.com/a.jpg,Kitchen,https://acme.example/a,2,PUBLISHED,p1,"
				+ "https://www.pinterest.com/pin/1/,2027-06-01T08:00:00Z,,,1,r1,2026-12-02T16:00:00Z\n"
				+ "\"<script>alert(1)</script>\",https://images.example.com/b.jpg\" onerror=\"x,Kitchen,"
				+ "http://acme.example/b,3,INVALID,,,,link_not_https,\"link 'http://acme.example/b' does not use https\","
				+ "0,,2026-12-02T16:00:00Z\n", StandardCharsets.UTF_8);
		Path html = dir.resolve("report.html");

		HtmlReport.write(html, List.of(new HtmlReport.Input("pins.csv", results)), ColumnMapping.defaults(),
				ZoneId.of("Europe/Berlin"), List.of("plan: acme-home: 1 pin, within caps"));

		String page = Files.readString(html);
		assertThat(page).contains("<style>", "Pantry Rack", "PUBLISHED", "Tue 1 Jun 2027, 10:00 Europe/Berlin",
				"1 PUBLISHED", "1 INVALID", "does not use https", "plan: acme-home: 1 pin, within caps",
				"&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(page).doesNotContain("<script", "<link", "onerror=\"x");
		// each pin's thumbnail, from its https address only (a cell's quote stays inside the address)
		assertThat(page).contains("<img src=\"https://images.example.com/a.jpg\"", "img-src https:",
				"<img src=\"https://images.example.com/b.jpg&quot; onerror=&quot;x\"");
		assertThat(page.split("<img ", -1)).hasSize(3);
		assertThat(page).contains("<code>http://acme.example/b</code>"); // the cell to fix
	}
	@Test
	void aThumbnailIsNotFetchedFromTheViewersOwnMachineOrNetwork() throws Exception {
		// given: media addresses a cell could name to make whoever opens the report request them (before: each an
		// <img>, fetched by the viewer's browser: a cloud's metadata, a router's page, this machine in octal)
		Path results = dir.resolve("pins.results.csv");
		StringBuilder csv = new StringBuilder("title,media_url,board,row,status,post_id,pin_url,publish_at_utc,"
				+ "error_code,error_message,attempts,request_id,finished_at\n");
		List<String> media = List.of("https://169.254.169.254/latest/meta-data/x.jpg",
				"https://192.168.1.1/cgi-bin/reboot.jpg?confirm=1", "https://localhost:9443/admin/delete?all=1&x.jpg",
				"https://0177.0.0.1/x.jpg", "https://user@[::1]/x.jpg", "https://images.example.com/ok.jpg");
		for (int i = 0; i < media.size(); i++) {
			csv.append("Pin ").append(i).append(',').append(media.get(i)).append(",Kitchen,").append(i + 2)
				.append(",VALID,,,,,,0,,2026-12-02T16:00:00Z\n");
		}
		Files.writeString(results, csv, StandardCharsets.UTF_8);
		Path html = dir.resolve("report.html");

		// when
		HtmlReport.write(html, List.of(new HtmlReport.Input("pins.csv", results)), ColumnMapping.defaults(),
				ZoneId.of("UTC"), List.of());

		// then: only the public name's image
		String page = Files.readString(html);
		assertThat(page.split("<img ", -1)).hasSize(2);
		assertThat(page).contains("<img src=\"https://images.example.com/ok.jpg\"");
	}

	/** Before: the report was written through a link someone planted at its name (a nightly report's shared folder). */
	@Test
	void aLinkAtTheReportsNameIsReplacedNotWrittenThrough() throws Exception {
		Path results = Files.writeString(dir.resolve("pins.results.csv"), "title,row,status,post_id,pin_url,"
				+ "publish_at_utc,error_code,error_message,attempts,request_id,finished_at\n"
				+ "Pantry Rack,2,VALID,,,,,,0,,2026-12-02T16:00:00Z\n", StandardCharsets.UTF_8);
		Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
		Path html = Files.createSymbolicLink(dir.resolve("nightly.html"), victim);

		HtmlReport.write(html, List.of(new HtmlReport.Input("pins.csv", results)), ColumnMapping.defaults(),
				ZoneId.of("UTC"), List.of());

		assertThat(Files.readString(victim)).isEqualTo("keep me");
		assertThat(Files.isSymbolicLink(html)).isFalse();
		assertThat(Files.readString(html)).contains("Pantry Rack");
		try (var left = Files.list(dir)) {
			assertThat(left.map(file -> file.getFileName().toString())).as("no temporary file left")
				.containsExactlyInAnyOrder("pins.results.csv", "victim.txt", "nightly.html");
		}
	}
}

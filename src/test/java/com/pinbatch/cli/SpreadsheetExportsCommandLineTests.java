package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files saved the way spreadsheet programs save them (code pages, UTF-16 "Unicode Text", semicolons and dotted
 * dates, title rows), end to end: what reached the sandbox, the line saying what was assumed, and the result file
 * as a spreadsheet reopens it.
 */
class SpreadsheetExportsCommandLineTests extends SandboxedCommandLine {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String HEADER = "title,description,media_url,board,link,account";

	private static final String ROW = "Crème brûlée shelves,“Open” shelves for 5 €,"
			+ "https://images.example.com/k.jpg,Kitchen Ideas,https://www.acme-home.example/k,acme-home";

	@Test
	void excelCsvInWindows1252IsReadAsSuchAndSaysSo() throws IOException {
		// given: Excel on Windows, "CSV (Comma delimited)": code page 1252, CRLF
		Path input = write("pins.csv", HEADER + "\r\n" + ROW + "\r\n", Charset.forName("windows-1252"));

		// when
		CommandLineRun run = run("--input=" + input);

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("input: " + input + " is not UTF-8; read as windows-1252 (sample: \"Crème\");"
				+ " if that looks wrong, give --encoding=NAME");
		assertSentAsWritten();
		assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("title", "Crème brûlée shelves")
				.containsEntry("description", "“Open” shelves for 5 €")
				.containsEntry("status", "CREATED"));
	}

	@Test
	void excelUnicodeTextIsUtf16LittleEndianWithTabs() throws IOException {
		// given: Excel's "Unicode Text": UTF-16LE with a byte order mark, tab-separated
		String text = "\uFEFF" + HEADER.replace(',', '\t') + "\r\n" + ROW.replace(',', '\t') + "\r\n";
		Path input = write("pins.txt", text, StandardCharsets.UTF_16LE);

		// when
		CommandLineRun run = run("--input=" + input);

		// then: read as it is, no guess to report
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).doesNotContain("input: ");
		assertSentAsWritten();
		assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("title", "Crème brûlée shelves"));
	}

	@Test
	void encodingOptionReadsAMacRomanFileTheDetectorWouldMisread() throws IOException {
		// given: Mac Excel's "CSV (Macintosh)"; the euro sign is not in Mac Roman's older tables, so leave it out
		Path input = write("pins.csv", HEADER + "\r" + ROW.replace(" €", "") + "\r", Charset.forName("x-MacRoman"));

		// when
		CommandLineRun run = run("--input=" + input, "--encoding=x-MacRoman");

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).doesNotContain("is not UTF-8");
		JsonNode body = JSON.readTree(creates().get(0).body());
		assertThat(body.get("platforms").get(0).get("platformSpecificData").get("title").asString())
			.isEqualTo("Crème brûlée shelves");
	}

	@Test
	void unknownEncodingNameIsAUsageError() throws IOException {
		Path input = write("pins.csv", HEADER + "\n" + ROW + "\n", StandardCharsets.UTF_8);

		CommandLineRun run = run("--input=" + input, "--encoding=klingon");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--encoding=klingon is not a character encoding");
		assertThat(creates()).isEmpty();
	}

	@Test
	void binaryFileStaysAnInputError() throws IOException {
		Path input = dir.resolve("photo.csv");
		byte[] noise = new byte[4096];
		for (int i = 0; i < noise.length; i++) {
			noise[i] = (byte) (1 + (i * 37) % 250);
		}
		Files.write(input, noise);

		CommandLineRun run = run("--input=" + input);

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains(input + ": is not a CSV or XLSX file");
		assertThat(creates()).isEmpty();
	}

	/** The one create carries the row's text exactly, whatever the file's encoding was. */
	private void assertSentAsWritten() {
		assertThat(creates()).hasSize(1);
		JsonNode body = JSON.readTree(creates().get(0).body());
		assertThat(body.get("content").asString()).isEqualTo("“Open” shelves for 5 €");
		assertThat(body.get("platforms").get(0).get("platformSpecificData").get("title").asString())
			.isEqualTo("Crème brûlée shelves");
	}

	private Path write(String name, String text, Charset charset) throws IOException {
		Path file = dir.resolve(name);
		Files.write(file, text.getBytes(charset));
		return file;
	}
}

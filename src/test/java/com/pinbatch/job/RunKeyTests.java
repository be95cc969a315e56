package com.pinbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import com.pinbatch.input.InputDigest;
import com.pinbatch.input.InputOptions;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.ValidationSettings;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The run key names the job instance that says "already processed" and derives every request id: taking the content
 * hash during the input's check (instead of a read of its own) must give the very key an earlier version gave, for
 * every kind of file, or a finished run would be sent again.
 */
class RunKeyTests {

	private static final String PINS = "title,description,media_url,board\r\n"
			+ "Café,Crème brûlée,https://img.example.com/a.jpg,Kitchen Ideas\r\n"
			+ "Two,\"quoted, with comma\",https://img.example.com/b.jpg,Kitchen Ideas\r\n";

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "utf-8", "utf-8-bom", "utf-16-bom", "windows-1252", "semicolons-title-row",
			"trailing-blank-lines", "workbook" })
	void aKeyFromTheDigestTheSurveyTookIsTheKeyFromReadingTheFile(String kind) throws IOException {
		// given
		Path file = write(kind);

		// when
		ColumnMapping mapping = ColumnMapping.defaults();
		InputDigest digest = InputDigest.sha256();
		InputInspector.Survey survey = InputInspector.inspect(file,
				new InputOptions(null, null, null, mapping::namesColumns), mapping,
				new ValidationSettings(ZoneOffset.UTC, Clock.systemUTC(), null, null, dir, null), true,
				(row, draft) -> {
				}, digest);

		// then
		String fromCheck = RunKey.ofParsed(file, digest).text("sheet").text("sandbox").build();
		String fromFile = RunKey.builder().file(file).text("sheet").text("sandbox").build();
		assertThat(survey.rows()).isEqualTo(2);
		assertThat(fromCheck).isEqualTo(fromFile);
		assertThat(digest.covers(file)).as("read once: the survey's parse saw every byte")
			.isEqualTo(!kind.equals("workbook"));
	}

	private Path write(String kind) throws IOException {
		Path file = dir.resolve(kind + (kind.equals("workbook") ? ".xlsx" : ".csv"));
		switch (kind) {
			case "utf-8" -> Files.writeString(file, PINS, StandardCharsets.UTF_8);
			case "utf-8-bom" -> Files.writeString(file, "\uFEFF" + PINS, StandardCharsets.UTF_8);
			case "utf-16-bom" -> Files.write(file, PINS.getBytes(StandardCharsets.UTF_16)); // Java writes the mark
			case "windows-1252" -> Files.write(file, PINS.getBytes(Charset.forName("windows-1252")));
			case "semicolons-title-row" -> Files.writeString(file,
					"Pins for spring\r\n\r\n" + PINS.replace("\"quoted, with comma\"", "quoted and plain").replace(',', ';'),
					StandardCharsets.UTF_8);
			case "trailing-blank-lines" -> Files.writeString(file, PINS + "\r\n\r\n  \r\n", StandardCharsets.UTF_8);
			default -> {
				try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
					var sheet = workbook.createSheet("Pins");
					String[][] rows = { { "title", "description", "media_url", "board" },
							{ "Café", "Crème brûlée", "https://img.example.com/a.jpg", "Kitchen Ideas" },
							{ "Two", "plain", "https://img.example.com/b.jpg", "Kitchen Ideas" } };
					for (int r = 0; r < rows.length; r++) {
						var row = sheet.createRow(r);
						for (int c = 0; c < rows[r].length; c++) {
							row.createCell(c).setCellValue(rows[r][c]);
						}
					}
					workbook.write(out);
				}
			}
		}
		return file;
	}
}

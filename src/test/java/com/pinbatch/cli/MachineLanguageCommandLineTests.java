package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.pinbatch.sandbox.SandboxSettings;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The same sheet gives the same pins and the same result file whatever language the machine is set to: cron and
 * servers run in many (Turkish lower-cases {@code I} to a dotless {@code ı}, Arabic and Persian write their own
 * digits, Thai counts Buddhist years), and none of it may leak into a header match, a date, a number or a payload.
 */
class MachineLanguageCommandLineTests extends SandboxedCommandLine {

	private static final List<String> LANGUAGES = List.of("en-US", "tr-TR", "ar-EG", "fa-IR", "hi-IN-u-nu-deva",
			"th-TH-u-ca-buddhist-nu-thai", "ja-JP-u-ca-japanese", "de-DE");

	/** Result columns that differ from run to run whatever the language: the sandbox's ids and the times. */
	private static final List<String> PER_RUN = List.of("post_id", "pin_url", "finished_at");

	@Test
	void theSameSheetGivesTheSamePinsAndResultFileInEveryLanguage() throws IOException {
		// given: upper-case headers, dates in several written forms, a video's key frame, an over-long title
		Path input = Files.writeString(dir.resolve("pins.csv"), """
				TITLE,DESCRIPTION,MEDIA_URL,BOARD,ACCOUNT,PUBLISH_AT,LINK,KEYWORDS,COVER_IMAGE_URL,COVER_KEYFRAME_S
				Idea 1,İstanbul kitchen ideas,https://images.example.com/1.jpg,Kitchen Ideas,acme-home,\
				"Mar 3, 2030 9:30 PM",https://www.acme-home.example/i,"ISLAND, IDEAS",,
				Idea 2,Second idea,https://images.example.com/2.mp4,Kitchen Ideas,acme-home,3 mars 2030 14h30,,,,3
				Idea 3,Third idea,https://images.example.com/3.jpg,Small Spaces,acme-home,2030年3月1日 下午9:30,,,,
				%s,Too long,https://images.example.com/4.jpg,Small Spaces,acme-home,2030-03-04 09:00,,,,
				""".formatted("I".repeat(120)), StandardCharsets.UTF_8);

		// when
		Runs runs = inEveryLanguage(input);

		// then
		List<Map<String, String>> english = runs.results().get("en-US");
		assertThat(english).as(english.toString()).extracting(row -> row.get("status"))
			.containsExactly("SCHEDULED", "SCHEDULED", "SCHEDULED", "INVALID");
		assertThat(english).extracting(row -> row.get("publish_at_utc")).containsExactly("2030-03-03T18:30:00Z",
				"2030-03-03T11:30:00Z", "2030-03-01T18:30:00Z", "2030-03-04T06:00:00Z");
		assertThat(english.get(3).get("error_code")).isEqualTo("title_too_long");
		runs.allAlike();
	}

	@Test
	void theSameWorkbookGivesTheSamePinsInEveryLanguage() throws IOException {
		// given: a real date cell shown with its month's name, a key frame in a number cell, a formatted number
		Path workbook = dir.resolve("pins.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet pins = book.createSheet("Pins");
			CellStyle named = book.createCellStyle();
			named.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("d mmm yyyy h:mm AM/PM"));
			Row header = pins.createRow(0);
			List<String> columns = List.of("TITLE", "MEDIA_URL", "BOARD", "ACCOUNT", "PUBLISH_AT", "COVER_KEYFRAME_S",
					"DESCRIPTION");
			for (int i = 0; i < columns.size(); i++) {
				header.createCell(i).setCellValue(columns.get(i));
			}
			Row row = pins.createRow(1);
			row.createCell(0).setCellValue("Idea 1");
			row.createCell(1).setCellValue("https://images.example.com/1.mp4");
			row.createCell(2).setCellValue("Kitchen Ideas");
			row.createCell(3).setCellValue("acme-home");
			row.createCell(4).setCellValue(LocalDateTime.of(2030, 3, 3, 21, 30));
			row.getCell(4).setCellStyle(named);
			row.createCell(5).setCellValue(3);
			CellStyle money = book.createCellStyle();
			money.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
			row.createCell(6).setCellValue(1234.5);
			row.getCell(6).setCellStyle(money);
			try (OutputStream out = Files.newOutputStream(workbook)) {
				book.write(out);
			}
		}

		// when
		Runs runs = inEveryLanguage(workbook);

		// then
		assertThat(runs.results().get("en-US")).extracting(row -> row.get("status")).containsExactly("SCHEDULED");
		assertThat(runs.results().get("en-US")).extracting(row -> row.get("publish_at_utc"))
			.containsExactly("2030-03-03T18:30:00Z");
		assertThat(runs.results().get("en-US")).extracting(row -> row.get("DESCRIPTION")).containsExactly("1,234.50");
		runs.allAlike();
	}

	/** Each language's result lines (less what differs from run to run) and create requests. */
	private record Runs(Map<String, List<Map<String, String>>> results, Map<String, List<String>> creates) {

		void allAlike() {
			results.forEach((language, rows) -> assertThat(rows).as(language).isEqualTo(results.get("en-US")));
			// the same requests (sent side by side, so in any order)
			creates.forEach((language, bodies) -> assertThat(bodies).as(language)
				.containsExactlyInAnyOrderElementsOf(creates.get("en-US")));
		}
	}

	/** Runs the input once in each language, each with its own job repository and a fresh sandbox. */
	private Runs inEveryLanguage(Path input) throws IOException {
		Locale before = Locale.getDefault();
		Map<String, List<Map<String, String>>> resultsByLanguage = new LinkedHashMap<>();
		Map<String, List<String>> createsByLanguage = new LinkedHashMap<>();
		try {
			for (String language : LANGUAGES) {
				Locale.setDefault(Locale.forLanguageTag(language));
				restartSandbox(SandboxSettings.defaults().withRequestsPerMinute(6000));
				Path results = dir.resolve(language + ".results.csv");

				CommandLineRun run = runIn(dir.resolve("data-" + language), "--input=" + input,
						"--results=" + results, "--timezone=Europe/Istanbul");

				assertThat(run.exitCode()).as(language + "\n" + run).isIn(0, 3);
				List<Map<String, String>> rows = new ArrayList<>();
				for (Map<String, String> row : ResultRows.read(results)) {
					Map<String, String> kept = new LinkedHashMap<>(row);
					PER_RUN.forEach(kept::remove);
					rows.add(kept);
				}
				resultsByLanguage.put(language, rows);
				createsByLanguage.put(language, creates().stream().map(request -> request.body()).toList());
			}
		}
		finally {
			Locale.setDefault(before);
		}
		return new Runs(resultsByLanguage, createsByLanguage);
	}
}

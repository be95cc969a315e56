package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The command line's words in an upload's lines, as the console says them. */
class UploadTests {

	private static final Path FILE = Path.of("/srv/console/uploads/0123/calendar.xlsx");

	private final Upload upload = new Upload("0123", "local", FILE, "calendar.xlsx", Instant.EPOCH, null, null, null,
			ZoneId.of("UTC"), null, null, null, false, false);

	@Test
	void theOptionThatReadsAnotherSheetIsTheReviewPagesChoiceOfSheet() {
		assertThat(upload.shown(FILE + ": sheet 'April 2027' also has pin columns and rows and is not read (a run"
				+ " reads one sheet, here 'March'): give '--sheet=April 2027' to send its pins"))
			.isEqualTo("calendar.xlsx: sheet 'April 2027' also has pin columns and rows and is not read (a run reads"
					+ " one sheet, here 'March'): choose it with Read this sheet to send its pins");
	}

	/** Before: "it frees up at 2026-12-08T21:48Z", "is 2024-01-05T14:00:00Z (UTC)", to a user in New York. */
	@Test
	void timesInUtcAreGivenInTheUploadsZone() {
		Upload inNewYork = new Upload("0123", "local", FILE, "calendar.xlsx", Instant.EPOCH, null, null, null,
				ZoneId.of("America/New_York"), null, null, null, false, false);

		assertThat(inNewYork.shown("publish_at '1/5/2024 9:00' is 2024-01-05T14:00:00Z (UTC), which is in the past;"
				+ " account acme-home reached its 25 pins per hour cap; it frees up at 2026-12-08T21:48Z"))
			.isEqualTo("publish_at '1/5/2024 9:00' is Fri 5 Jan 2024, 09:00 America/New_York, which is in the past;"
					+ " account acme-home reached its 25 pins per hour cap; it frees up at Tue 8 Dec 2026, 16:48"
					+ " America/New_York");
	}

	/** Before: "they would fail account_cap_reached; --spread schedules them in free slots". */
	@Test
	void thePlansAdviceForRowsOverCapsIsTheReviewsButton() {
		assertThat(upload.shown("plan: acme-home: 60 pins, 35 over the 25 pins per hour cap (row 27 is the first):"
				+ " they would fail account_cap_reached; --spread schedules them in free slots"))
			.isEqualTo("plan: acme-home: 60 pins, 35 over the 25 pins per hour cap (row 27 is the first): they would"
					+ " fail; Spread publish times schedules them in free slots");
	}

	/** Before: the command line's --date-format, a local file's path (an upload has none) and the run's key. */
	@Test
	void optionsFilesAndKeysOfTheCommandLineAreNotGivenAsAdvice() {
		assertThat(upload.shown("publish_at 'March 1st' is not a date this tool reads — write it like 2027-03-01"
				+ " 09:30, or pass the column's own form as --date-format (a java.time pattern, e.g. \"d MMMM yyyy"
				+ " HH:mm\" for 1 March 2027 09:30); times without an offset are in UTC"))
			.isEqualTo("publish_at 'March 1st' is not a date this tool reads — write it like 2027-03-01 09:30, or"
					+ " write the column's own form in the Date format box of the upload form and upload the file"
					+ " again (e.g. \"d MMMM yyyy HH:mm\" for 1 March 2027 09:30); times without an offset are in UTC");
		assertThat(upload.shown("media_url 'images.example.com/a.jpg' has no https:// in front — write it like"
				+ " https://images.example.com/a.jpg, or give a local file's path"))
			.isEqualTo("media_url 'images.example.com/a.jpg' has no https:// in front — write it like"
					+ " https://images.example.com/a.jpg");
		assertThat(upload.shown("processing " + FILE + " (3 rows, run 61adf8c39de19fc2d3fec9fc42c37596)"))
			.isEqualTo("processing calendar.xlsx (3 rows)");
		assertThat(upload.shown("plan: accounts and boards looked up before the first pin: 4 Pinterest accounts, the"
				+ " boards of 1 (2 requests to Zernio)")).isEqualTo("plan: accounts and boards looked up before the"
						+ " first pin: 4 Pinterest accounts, the boards of 1");
		assertThat(upload.shown(FILE + ": is not UTF-8 text and its encoding could not be recognised; give it with"
				+ " --encoding=NAME (e.g. --encoding=windows-1252), or save it as UTF-8"))
			.isEqualTo("calendar.xlsx: is not UTF-8 text and its encoding could not be recognised; give it in the"
					+ " Encoding box of the upload form (e.g. windows-1252) and upload the file again, or save it as"
					+ " UTF-8");
		// a row without a board, in the form's words (before: "no --board default was given", helper walk-through)
		assertThat(upload.shown("Board is empty and no --board default was given — fill in a board name or id"))
			.isEqualTo("Board is empty and no Board was given on the upload form — fill in a board name or id");
		// the encoding the review found, which the person may know better (before: "give --encoding=NAME")
		assertThat(upload.shown(FILE + " is not UTF-8; read as windows-1252 (e.g. 'Café'); if that looks wrong, give"
				+ " --encoding=NAME")).isEqualTo("calendar.xlsx is not UTF-8; read as windows-1252 (e.g. 'Café'); if"
						+ " that looks wrong, give the file's encoding in the Encoding box of the upload form and upload"
						+ " the file again");
	}

	@Test
	void aForgedSheetNameOfAMillionCharactersIsReworded() {
		String name = "x'\\''y ".repeat(150_000);

		assertThat(upload.shown("give '--sheet=" + name + "' to send its pins"))
			.isEqualTo("choose it with Read this sheet to send its pins");
	}
}

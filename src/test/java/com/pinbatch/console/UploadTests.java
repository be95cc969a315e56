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

	@Test
	void aForgedSheetNameOfAMillionCharactersIsReworded() {
		String name = "x'\\''y ".repeat(150_000);

		assertThat(upload.shown("give '--sheet=" + name + "' to send its pins"))
			.isEqualTo("choose it with Read this sheet to send its pins");
	}
}

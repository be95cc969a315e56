package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.pinbatch.input.InputRow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What pinbatch says of a file's headers against the mapping a run uses. */
class MappingAdviceTests {

	@TempDir
	Path dir;

	@Test
	void aHeaderWrappedOverTwoLinesIsNamedOnOne() {
		// a workbook's header cell with a line break in it (before: each note and message naming it took two lines)
		List<String> headers = List.of("title", "media_url", "board", "Go live\n(dd/mm/yyyy)");
		BoundColumns columns = ColumnMapping.defaults().bind(headers);

		assertThat(MappingAdvice.notUsed(columns)).hasValue("not used: Go live (dd/mm/yyyy) — if it holds a pin field,"
				+ " map it with --mapping");
		assertThat(BoundColumns.shown("Publish date \r\n (dd/mm/yyyy hh:mm)"))
			.isEqualTo("Publish date (dd/mm/yyyy hh:mm)");
	}

	@Test
	void headersReadByTheirNameBeforeANoteAreNamed() {
		ColumnMapping mapping = ColumnMapping.defaults();
		BoundColumns columns = mapping.bind(List.of("Title (max 100 characters)", "Image", "Board", "Link (old)"));

		assertThat(MappingAdvice.readByName(columns, mapping)).contains("read by the name before their note:"
				+ " 'Title (max 100 characters)' as title, 'Link (old)' as link — if one is not the column to use,"
				+ " rename it");
		assertThat(MappingAdvice.readByName(mapping.bind(List.of("Title", "Image", "Board")), mapping)).isEmpty();
	}

	@Test
	void aCalendarsHeaderThatNamesAnotherTimeZoneThanTheRunsIsTold() {
		Instant now = Instant.parse("2026-12-06T12:00:00Z");
		BoundColumns est = ColumnMapping.defaults().bind(List.of("Title", "Image", "Board", "Date", "Time (EST)"));

		assertThat(MappingAdvice.zoneInHeader(est, ZoneOffset.UTC, now)).contains("'Time (EST)' names the time zone"
				+ " EST, but times without an offset are read in UTC: give --timezone=America/New_York if EST is"
				+ " meant");
		assertThat(MappingAdvice.zoneInHeader(est, ZoneId.of("America/New_York"), now)).isEmpty();
		// German calendars write MEZ (and MESZ in summer) for CET
		BoundColumns mez = ColumnMapping.defaults().bind(List.of("Titel", "Bild", "Pinnwand", "Datum",
				"Uhrzeit (MEZ)"));
		assertThat(MappingAdvice.zoneInHeader(mez, ZoneOffset.UTC, now)).contains("'Uhrzeit (MEZ)' names the time"
				+ " zone MEZ, but times without an offset are read in UTC: give --timezone=Europe/Berlin if MEZ is"
				+ " meant");
		assertThat(MappingAdvice.zoneInHeader(ColumnMapping.defaults().bind(List.of("Title", "Image", "Board",
				"Date [Europe/Berlin]")), ZoneId.of("Europe/Paris"), now)).as("the same clocks").isEmpty();
		assertThat(MappingAdvice.zoneInHeader(ColumnMapping.defaults().bind(List.of("Title", "Image", "Board",
				"Date", "Time (24h)")), ZoneOffset.UTC, now)).as("no zone").isEmpty();
	}

	@Test
	void aFieldTheMappingFileNamesUnderAHeaderTheFileLacksIsSaid() throws IOException {
		// before: nothing said, and every row's alt text empty
		ColumnMapping mapping = ColumnMapping.fromYaml(Files.writeString(dir.resolve("mapping.yml"),
				"alt_text: [\"Bildtext\"]\n"));
		BoundColumns columns = mapping.bind(List.of("title", "media_url", "board", "Beschriftung"));

		assertThat(MappingAdvice.unmatched(columns, mapping)).hasValue("the mapping file names alt_text (Bildtext),"
				+ " but no header of this file is that: the field is empty in every row; check the header or the"
				+ " mapping");
		assertThat(MappingAdvice.unmatched(mapping.bind(List.of("title", "Bildtext")), mapping)).isEmpty();
		assertThat(MappingAdvice.unmatched(columns, ColumnMapping.defaults())).isEmpty();
	}

	@Test
	void aRequiredFieldTheMappingFileNamesUnderAHeaderTheFileLacksSaysSoInItsRefusal() throws IOException {
		ColumnMapping mapping = ColumnMapping.fromYaml(Files.writeString(dir.resolve("mapping.yml"),
				"media_url: [\"Foto\"]\n"));
		BoundColumns columns = mapping.bind(List.of("title", "Photo", "board"));

		MappingException refused = catchThrowableOfType(MappingException.class,
				() -> MappingAdvice.requireColumns(columns, mapping, false));

		// before: "no column gives media_url ... map your headers with --mapping=FILE", to a user who had
		assertThat(refused).hasMessageStartingWith("no column gives media_url (the mapping file names Foto, which is"
				+ " no header of this file)");
	}

	@Test
	void twoColumnsWithFallbackNamesOfTheMediaAreRefusedWithTheMappingLineForOneNotAGuessAtAnotherField() {
		ColumnMapping mapping = ColumnMapping.defaults();
		BoundColumns columns = mapping.bind(List.of("Title", "Photo URL", "Picture", "Board"));

		MappingException refused = catchThrowableOfType(MappingException.class,
				() -> MappingAdvice.requireColumns(columns, mapping, false));

		// before: link: ["Photo URL"] (close to link_url), a field the file did not lack
		assertThat(refused.suggestedMapping()).containsExactly(
				"media_url: [\"Photo URL\"]   # did you mean media_url for 'Photo URL'?");
	}

	@Test
	void aFieldsOwnNameThatAMappingFileLeftOutIsSuggestedForThatField() throws IOException {
		// given: a mapping file that gives title other headers, and a file whose title column is headed "title"
		ColumnMapping mapping = ColumnMapping.of(Files.writeString(dir.resolve("mapping.yml"), "title: [Headline]\n"));
		BoundColumns columns = mapping.bind(List.of("title", "media_url", "board"));

		// when
		MappingException refused = catchThrowableOfType(MappingException.class,
				() -> MappingAdvice.requireColumns(columns, mapping, false));

		// then: before, publish_time: ["title"] (two letters from "time")
		assertThat(refused.suggestedMapping())
			.containsExactly("title: [\"title\"]   # did you mean title for 'title'?");
	}

	@Test
	void aHeaderCloseToAFieldsNameWhoseCellsCannotHoldItIsNotGuessedAndTheOneLeftIsOfferedForTheMissingField() {
		// given: a file whose board column is headed "Where", two letters from publish_time's "when"
		ColumnMapping mapping = ColumnMapping.defaults();
		List<String> headers = List.of("Pin name", "Picture", "Where");
		BoundColumns columns = mapping.bind(headers);
		List<InputRow> firstRows = List.of(
				new InputRow(2, headers, List.of("Spring beds", "https://example.com/a.jpg", "acme-garden/ideas")),
				new InputRow(3, headers, List.of("Herbs", "https://example.com/b.jpg", "acme-garden/herbs")));

		// when
		MappingException refused = catchThrowableOfType(MappingException.class,
				() -> MappingAdvice.requireColumns(columns, mapping, false, () -> firstRows));

		// then: before, publish_time: ["Where"] and board commented out, which pasted led to the same refusal
		assertThat(refused.suggestedMapping()).containsExactly(
				"board: [\"Where\"]   # did you mean board for 'Where'?");
	}

	/** "Picture link" holds the picture: before, it was guessed as the link, the name its other word is closest to. */
	@Test
	void aHeaderNamingAPictureIsGuessedAsTheMediaWhateverElseItSays() {
		ColumnMapping mapping = ColumnMapping.defaults();
		List<String> headers = List.of("Pin name", "Picture link", "Board");
		BoundColumns columns = mapping.bind(headers);
		List<InputRow> firstRows = List.of(
				new InputRow(2, headers, List.of("Spring beds", "https://example.com/a.jpg", "Garden")));

		MappingException refused = catchThrowableOfType(MappingException.class,
				() -> MappingAdvice.requireColumns(columns, mapping, false, () -> firstRows));

		assertThat(refused.suggestedMapping()).contains(
				"media_url: [\"Picture link\"]   # did you mean media_url for 'Picture link'?")
			.noneMatch(line -> line.startsWith("link:"));
	}

	@Test
	void aHeaderCloseToATimeIsStillGuessedWhenItsCellsHoldTimes() {
		ColumnMapping mapping = ColumnMapping.defaults();
		List<String> headers = List.of("Picture", "Board", "Heuer");
		BoundColumns columns = mapping.bind(headers);
		List<InputRow> firstRows = List.of(new InputRow(2, headers, List.of("a.jpg", "ideas", "2026-12-24 18:00")));

		MappingException refused = catchThrowableOfType(MappingException.class,
				() -> MappingAdvice.requireColumns(columns, mapping, false, () -> firstRows));

		// a file without a title column: the time's guess stands beside the line to fill in
		assertThat(refused.suggestedMapping()).containsExactly(
				"publish_time: [\"Heuer\"]   # did you mean publish_time for 'Heuer'?",
				"# title: [\"HEADER\"]   # the header of the column that holds the title");
	}

	@Test
	void aShortHeaderIsNotGuessedAsAFieldTwoLettersAway() {
		ColumnMapping mapping = ColumnMapping.defaults();
		BoundColumns columns = mapping.bind(List.of("Name", "Text", "Picture"));

		MappingException refused = catchThrowableOfType(MappingException.class,
				() -> MappingAdvice.requireColumns(columns, mapping, false));

		// before: publish_at: ["Name"] (two letters from "date"), pasted as it was given and taken
		assertThat(refused.suggestedMapping()).noneMatch(line -> line.startsWith("publish_at"));
	}
}

package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.pinbatch.input.InputRow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A schedule under a header no field reads: its pins would go out at once, so the file is refused before sending. */
class UnreadPublishDatesTests {

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

	private static final ValidationSettings SETTINGS = new ValidationSettings(ZoneOffset.UTC, NOW, null, null, null,
			null);

	@TempDir
	Path dir;

	@Test
	void aColumnOfDatesToComeUnderAnUnknownHeaderIsNamedWithItsFirstDateToCome() {
		// given: a scheduling tool's export, its dates under "Send at" (before: read by no field, published at once)
		Optional<String> refusal = refusal(ColumnMapping.defaults(), List.of("title", "media_url", "board", "Send at"),
				List.of("One", "https://images.example.com/1.jpg", "Kitchen", "2026-11-20 10:00"),
				List.of("Two", "https://images.example.com/2.jpg", "Kitchen", "25/12/2031 10:00"));

		// then
		assertThat(refusal).hasValue("column D ('Send at') holds dates to come (row 3: '25/12/2031 10:00'), but no"
				+ " column is read as publish_at, so every pin would be published at once; nothing was sent — if it"
				+ " says when to publish, rename its header publish_at (or give --mapping=FILE, FILE holding the line"
				+ " publish_at: [\"Send at\"]); to publish the pins at once, give --mapping=FILE with the line"
				+ " publish_at: []");
	}

	@Test
	void aTimeColumnAloneHoldingWholeDatesIsNamedToo() {
		assertThat(refusal(ColumnMapping.defaults(), List.of("title", "media_url", "board", "Time"),
				List.of("One", "https://images.example.com/1.jpg", "Kitchen", "Dec 25, 2031 9:00 AM")))
			.hasValueSatisfying(line -> assertThat(line).startsWith("column D ('Time') holds dates to come"));
	}

	@Test
	void pastDatesNotesAndNumbersAreATeamsOwnColumns() {
		// a date each row was added on, a note that starts with a date, a count of clicks
		assertThat(refusal(ColumnMapping.defaults(), List.of("title", "media_url", "board", "Added on", "Notes",
				"Clicks"),
				List.of("One", "https://images.example.com/1.jpg", "Kitchen", "2026-11-01", "2031-01-05", "48000"),
				List.of("Two", "https://images.example.com/2.jpg", "Kitchen", "2026-11-02", "call Bob", "52000")))
			.isEmpty();
	}

	@Test
	void aFileThatSaysWhenToPublishKeepsItsOtherDates() {
		// an offer's end beside the publish date
		assertThat(refusal(ColumnMapping.defaults(), List.of("title", "media_url", "board", "publish_at",
				"Offer ends"),
				List.of("One", "https://images.example.com/1.jpg", "Kitchen", "", "2031-01-31")))
			.isEmpty();
	}

	@Test
	void aMappingFileThatNamesNoColumnForPublishAtPublishesAtOnceAsItSays() throws IOException {
		ColumnMapping none = ColumnMapping.fromYaml(Files.writeString(dir.resolve("m.yml"), "publish_at: []\n"));

		assertThat(refusal(none, List.of("title", "media_url", "board", "Send at"),
				List.of("One", "https://images.example.com/1.jpg", "Kitchen", "2031-12-25 10:00")))
			.isEmpty();
	}

	@Test
	void aCalendarThatGrewIsReadToItsEndAndANoteOrAZoneAmongItsDatesDoesNotHideIt() {
		// twenty past months on top, then a date to come; a "TBD", a zone's abbreviation, a mistyped weekday among
		// them (before: only the first twenty cells were looked at, all of them had to read as dates)
		List<String> headers = List.of("title", "media_url", "board", "Send at");
		List<List<String>> rows = new ArrayList<>();
		for (int month = 1; month <= 20; month++) {
			String date = month == 3 ? "TBD" : month == 4 ? "2025-04-05 10:00 EST" : month == 5
					? "Mon, 6 May 2025 10:00" : "2025-%02d-01 10:00".formatted(Math.min(month, 12));
			rows.add(List.of("Pin " + month, "https://images.example.com/" + month + ".jpg", "Kitchen", date));
		}
		rows.add(List.of("Next", "https://images.example.com/next.jpg", "Kitchen", "2031-01-05 10:00"));

		assertThat(refusal(ColumnMapping.defaults(), headers, rows))
			.hasValueSatisfying(line -> assertThat(line).contains("(row 22: '2031-01-05 10:00')"));
	}

	@Test
	void aMappingThatNamesAnotherColumnForPublishAtOrUndatedPinsNotPublishedAtOnceAreStillOrNoLongerAsked()
			throws IOException {
		List<String> headers = List.of("title", "media_url", "board", "Send at");
		List<String> row = List.of("One", "https://images.example.com/1.jpg", "Kitchen", "2031-12-25 10:00");
		ColumnMapping other = ColumnMapping.fromYaml(Files.writeString(dir.resolve("o.yml"),
				"publish_at: [Post date]\n"));

		// a mapping naming a header this file has not: still refused (before: that switched the check off)
		assertThat(refusal(other, headers, row)).isPresent();
		// drafts or Zernio's queue: nothing is published at once
		UnreadPublishDates drafts = new UnreadPublishDates(ColumnMapping.defaults().bind(headers),
				ColumnMapping.defaults(), SETTINGS, false);
		drafts.accept(new InputRow(2, headers, row));
		assertThat(drafts.refusal()).isEmpty();
	}

	@SafeVarargs
	private static Optional<String> refusal(ColumnMapping mapping, List<String> headers, List<String>... rows) {
		return refusal(mapping, headers, Arrays.asList(rows));
	}

	private static Optional<String> refusal(ColumnMapping mapping, List<String> headers, List<List<String>> rows) {
		UnreadPublishDates dates = new UnreadPublishDates(mapping.bind(headers), mapping, SETTINGS, true);
		long rowNumber = 2;
		for (List<String> row : rows) {
			dates.accept(new InputRow(rowNumber++, headers, row));
		}
		return dates.refusal();
	}
}

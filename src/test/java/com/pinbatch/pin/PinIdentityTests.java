package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.pinbatch.input.InputRow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PinIdentityTests {

	private static final List<String> HEADERS = List.of("title", "description", "media_url", "board", "link",
			"account", "publish_at", "alt_text", "cover_image_url", "cover_keyframe_s", "keywords", "timezone");

	private static final List<String> PIN = List.of("Shelf", "Open shelving in oak",
			"https://images.example.com/shelf.jpg", "Kitchen Ideas", "https://shop.example.com/shelf", "acme-home",
			"2027-01-05 09:00", "An oak shelf", "", "", "kitchen, oak", "");

	private static final Path INBOX = Path.of("/srv/pinbatch/inbox");

	@Test
	void theSamePinInAnotherRowWithColumnsMovedAndAddedHasTheSameIdentity() {
		// given: the row as it was sent, and the same pin two rows lower in a sheet with a notes column in front
		List<String> movedHeaders = new ArrayList<>(HEADERS);
		List<String> movedValues = new ArrayList<>(PIN);
		movedHeaders.add(0, "notes");
		movedValues.add(0, "sent on Monday");

		// then
		assertThat(identity().of(draft(4, movedHeaders, movedValues))).isEqualTo(identity().of(draft(2, HEADERS, PIN)));
	}

	@Test
	void theAccountAndBoardCountAsZernioSeesThemWithTheCommandLinesDefaults() {
		String sent = identity().of(draft(2, HEADERS, PIN));

		assertThat(identity().of(draft(2, HEADERS, with(PIN, "account", "@Acme-Home")))).isEqualTo(sent);
		assertThat(identity().of(draft(2, HEADERS, with(PIN, "board", "KITCHEN IDEAS")))).isEqualTo(sent);
		// a row that names no account or board, run with --account and --board naming the same
		PinIdentity withDefaults = new PinIdentity(settings(ZoneOffset.UTC, "acme-home", "Kitchen Ideas", INBOX),
				"NOW");
		assertThat(withDefaults.of(draft(2, HEADERS, with(with(PIN, "account", ""), "board", "")))).isEqualTo(sent);
	}

	@ParameterizedTest
	@EnumSource(value = PinField.class, names = "PUBLISH_TIME", mode = EnumSource.Mode.EXCLUDE)
	void anyPinFieldWrittenOtherwiseIsAnotherPin(PinField field) {
		String changed = field == PinField.COVER_KEYFRAME_S ? "1.5" : "other";

		assertThat(identity().of(draft(2, HEADERS, with(PIN, field.column(), changed))))
			.isNotEqualTo(identity().of(draft(2, HEADERS, PIN)));
	}

	@Test
	void aTimeKeptApartFromItsDateIsThePinOfTheDateAndTimeWrittenTogether() {
		List<String> calendarHeaders = new ArrayList<>(HEADERS);
		calendarHeaders.add("publish_time");
		String sent = identity().of(draft(2, HEADERS, PIN));

		assertThat(identity().of(draft(2, calendarHeaders, plus(with(PIN, "publish_at", "2027-01-05"), "09:00"))))
			.isEqualTo(sent);
		assertThat(identity().of(draft(2, calendarHeaders, plus(PIN, "")))).as("the time column empty")
			.isEqualTo(sent);
		assertThat(identity().of(draft(2, calendarHeaders, plus(with(PIN, "publish_at", "2027-01-05"), "10:00"))))
			.as("another time").isNotEqualTo(sent);
	}

	@Test
	void aRowDatedByAColumnEarlierVersionsDidNotReadIsLookedForUndatedToo() {
		// a content calendar's "Date" was not read before 2026-12: its rows were published at once, under the
		// identity of a row with no date (as here, where the column's header is one no version reads)
		List<String> unread = new ArrayList<>(HEADERS);
		unread.set(HEADERS.indexOf("publish_at"), "go live");
		List<String> calendar = new ArrayList<>(HEADERS);
		calendar.set(HEADERS.indexOf("publish_at"), "Date");
		String publishedAtOnce = identity().of(draft(2, unread, PIN));

		assertThat(identity().formerly(draft(2, calendar, PIN))).isEqualTo(publishedAtOnce);
		assertThat(identity().of(draft(2, calendar, PIN))).isEqualTo(identity().of(draft(2, HEADERS, PIN)));
		assertThat(identity().formerly(draft(2, HEADERS, PIN))).as("a date column read all along").isNull();
		assertThat(identity().formerly(draft(2, calendar, with(PIN, "publish_at", "")))).as("no date in it")
			.isEqualTo(identity().formerly(draft(2, HEADERS, with(PIN, "publish_at", ""))));
	}

	@Test
	void aRowWithAColumnReadByAFallbackNameIsLookedForWithoutItToo() {
		// "Website" was not read before 2026-12: such a sheet's pins were sent without a link, and its rows had the
		// identity of rows whose link column no version reads (as "go to" here)
		List<String> unread = new ArrayList<>(HEADERS);
		unread.set(HEADERS.indexOf("link"), "go to");
		List<String> website = new ArrayList<>(HEADERS);
		website.set(HEADERS.indexOf("link"), "Website");
		String sentWithoutLink = identity().of(draft(2, unread, PIN));

		assertThat(identity().formerly(draft(2, website, PIN))).isEqualTo(sentWithoutLink);
		assertThat(identity().of(draft(2, website, PIN))).isEqualTo(identity().of(draft(2, HEADERS, PIN)));
		assertThat(identity().formerly(draft(2, website, with(PIN, "link", "")))).as("no link in it").isNull();
	}

	private static List<String> plus(List<String> values, String value) {
		List<String> more = new ArrayList<>(values);
		more.add(value);
		return more;
	}

	@Test
	void aRowsTextCountsAsWrittenSoPinsEarlierVersionsCreatedKeepTheirIdentity() {
		// the pin is sent composed (NFC), but a row written decomposed (e and U+0300) keeps the identity that versions
		// which sent it so gave it: a sheet saved again after an upgrade must still find that pin, not send another
		String decomposed = identity().of(draft(2, HEADERS, with(PIN, "title", "Cre\u0300me shelf")));
		String composed = identity().of(draft(2, HEADERS, with(PIN, "title", "Cr\u00e8me shelf")));

		assertThat(decomposed).isNotEqualTo(composed);
		assertThat(draft(2, HEADERS, with(PIN, "title", "Cre\u0300me shelf")).get(PinField.TITLE))
			.isEqualTo("Cre\u0300me shelf");
	}

	@Test
	void whatChangesHowTheRowIsSentMakesItAnotherPin() {
		String sent = identity().of(draft(2, HEADERS, PIN));

		assertThat(new PinIdentity(settings(ZoneId.of("Europe/Berlin"), null, null, INBOX), "NOW")
			.of(draft(2, HEADERS, PIN))).as("its date read in another zone").isNotEqualTo(sent);
		assertThat(new PinIdentity(settings(ZoneOffset.UTC, null, null, INBOX), "DRAFT")
			.of(draft(2, HEADERS, with(PIN, "publish_at", ""))))
			.as("an empty date made a draft, not a pin published now")
			.isNotEqualTo(identity().of(draft(2, HEADERS, with(PIN, "publish_at", ""))));
	}

	@Test
	void aRowWithoutADateIsTheSamePinWhateverZoneAndDateFormatItsRunReadsDatesWith() {
		List<String> undated = with(PIN, "publish_at", "");
		String sent = identity().of(draft(2, HEADERS, undated));

		assertThat(new PinIdentity(new ValidationSettings(ZoneId.of("Europe/Berlin"), null, null, null, INBOX, null,
				null, "dd.MM.yyyy HH:mm", null), "NOW").of(draft(2, HEADERS, undated)))
			.as("a run that added --timezone and --date-format").isEqualTo(sent);
		// what earlier versions called it (their value, kept here), so that the pins they created are still found;
		// a row with a date kept its identity
		assertThat(identity().formerly(draft(2, HEADERS, undated))).isEqualTo("fb17f84f39f378275147cd6a9bb9dc9d");
		assertThat(identity().of(draft(2, HEADERS, PIN))).isEqualTo("88c28cbe807d2fa70d4d64390faa0be7");
		assertThat(identity().formerly(draft(2, HEADERS, PIN))).isNull();
		// a run with the command line's defaults (UTC, no date format) gave a row without a date the identity it has
		PinIdentity defaults = new PinIdentity(settings(ZoneId.of("UTC"), null, null, INBOX), "NOW");
		assertThat(defaults.formerly(draft(2, HEADERS, undated))).isNull();
		assertThat(defaults.of(draft(2, HEADERS, undated))).isEqualTo(sent);
	}

	@Test
	void itsContentIsTheSameWhenOnlyItsTimeChanged() {
		String sent = identity().content(draft(2, HEADERS, PIN));

		assertThat(identity().content(draft(5, HEADERS, with(PIN, "publish_at", "2031-01-01 10:00"))))
			.as("its date moved").isEqualTo(sent);
		assertThat(new PinIdentity(settings(ZoneId.of("Europe/Berlin"), null, null, INBOX), "DRAFT")
			.content(draft(2, HEADERS, PIN))).as("read in another zone, another meaning of no date").isEqualTo(sent);
		assertThat(identity().content(draft(2, HEADERS, with(PIN, "title", "Shelves")))).as("another title")
			.isNotEqualTo(sent);
		assertThat(sent).isNotEqualTo(identity().of(draft(2, HEADERS, PIN))).hasSize(32);
	}

	@Test
	void aLocalFileIsTheSameOnlyInTheSameFolder() {
		List<String> local = with(PIN, "media_url", "images/shelf.jpg");
		PinIdentity elsewhere = new PinIdentity(settings(ZoneOffset.UTC, null, null, Path.of("/home/ann/pins")), "NOW");

		assertThat(elsewhere.of(draft(2, HEADERS, local))).isNotEqualTo(identity().of(draft(2, HEADERS, local)));
		assertThat(elsewhere.of(draft(2, HEADERS, PIN))).as("a web address is the same from anywhere")
			.isEqualTo(identity().of(draft(2, HEADERS, PIN)));
	}

	private static PinIdentity identity() {
		return new PinIdentity(settings(ZoneOffset.UTC, null, null, INBOX), "NOW");
	}

	private static ValidationSettings settings(ZoneId zone, String account, String board, Path inputFolder) {
		return new ValidationSettings(zone, null, account, board, inputFolder, null, null, null, null);
	}

	private static List<String> with(List<String> values, String column, String value) {
		List<String> changed = new ArrayList<>(values);
		changed.set(HEADERS.indexOf(column), value);
		return changed;
	}

	private static PinDraft draft(long rowNumber, List<String> headers, List<String> values) {
		return ColumnMapping.defaults().bind(headers).draft(new InputRow(rowNumber, headers, values));
	}
}

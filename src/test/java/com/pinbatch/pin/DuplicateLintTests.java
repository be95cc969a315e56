package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import com.pinbatch.input.InputRow;

import org.junit.jupiter.api.Test;

class DuplicateLintTests {

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

	private static final List<String> HEADERS = List.of("Caption", "media_url", "account", "board", "link");

	private static final String SHELF = "https://images.example.com/kitchen/shelf.jpg";

	private static final String LAMP = "https://images.example.com/kitchen/lamp.jpg";

	@Test
	void sameAccountDescriptionAndMediaRepeatTheFirstRow() {
		DuplicateLint lint = lint(null, null);

		List<OptionalLong> found = acceptAll(lint,
				row(2, "Open shelving", SHELF, "acme-home", "Kitchen"),
				row(3, "Open shelving", SHELF, "acme-home", "Other board"),
				row(4, "Open shelving", SHELF, "acme-home", "Kitchen"));

		// the board and title are not part of Zernio's fingerprint
		assertThat(found).containsExactly(OptionalLong.empty(), OptionalLong.of(2), OptionalLong.of(2));
		assertThat(lint.earlierRow(4)).hasValue(2);
		assertThat(lint.earlierRow(2)).isEmpty();
		assertThat(lint.duplicateCount()).isEqualTo(2);
	}

	@Test
	void accountIsComparedWithoutCaseOrAtSignAndDefaultsToTheRunsAccount() {
		DuplicateLint lint = lint("Acme-Home", null);

		List<OptionalLong> found = acceptAll(lint,
				row(2, "Open shelving", SHELF, "acme-home", "Kitchen"),
				row(3, "Open shelving", SHELF, "@ACME-HOME", "Kitchen"),
				row(4, "Open shelving", SHELF, "", "Kitchen"),
				row(5, "Open shelving", SHELF, "acme-garden", "Kitchen"));

		assertThat(found).containsExactly(OptionalLong.empty(), OptionalLong.of(2), OptionalLong.of(2),
				OptionalLong.empty());
	}

	@Test
	void theSameImageWithItsHostWrittenInCapitalsRepeatsTheFirstRow() {
		DuplicateLint lint = lint(null, null);

		List<OptionalLong> found = acceptAll(lint,
				row(2, "Open shelving", "https://images.example.com/k/Dup-1.jpg", "acme-home", "Kitchen"),
				row(3, "Open shelving", "HTTPS://IMAGES.Example.COM/k/Dup-1.jpg", "acme-home", "Kitchen"),
				row(4, "Open shelving", "https://images.example.com/K/DUP-1.JPG", "acme-home", "Kitchen"));

		// a host is the same in any case; a path is not (a server may hold both files)
		assertThat(found).containsExactly(OptionalLong.empty(), OptionalLong.of(2), OptionalLong.empty());
	}

	@Test
	void linkFormulasThatPutTheirAddressTogetherAreNoLinkTheRowsShare() {
		DuplicateLint lint = lint(null, null);
		for (long row = 2; row <= 4; row++) {
			lint.accept(row(row, "Shelf", SHELF + "?" + row, "acme-home", "Kitchen", InputRow.LINK_PUT_TOGETHER));
		}

		// before: "link #LINK PUT TOGETHER is used by 3 rows", beside each row's own problem
		assertThat(lint.repeatedLinks()).isEmpty();
	}

	@Test
	void anyDifferenceInDescriptionOrMediaKeepsRowsApart() {
		DuplicateLint lint = lint(null, null);

		List<OptionalLong> found = acceptAll(lint,
				row(2, "Open shelving", SHELF, "acme-home", "Kitchen"),
				row(3, "Open shelving!", SHELF, "acme-home", "Kitchen"),
				row(4, "Open shelving", LAMP, "acme-home", "Kitchen"),
				row(5, "open shelving", SHELF, "acme-home", "Kitchen"),
				row(6, "", SHELF, "acme-home", "Kitchen"),
				row(7, "", SHELF, "acme-home", "Kitchen"));

		assertThat(found).containsExactly(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
				OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(6));
	}

	@Test
	void fieldsAreNotRunTogether() {
		DuplicateLint lint = lint(null, null);

		List<OptionalLong> found = acceptAll(lint,
				row(2, "Open shelving", "https://images.example.com/a.jpg", "acme-home", "Kitchen"),
				row(3, "Open shelvinghttps://images.example.com/a", ".jpg", "acme-home", "Kitchen"));

		assertThat(found).containsOnly(OptionalLong.empty());
	}

	@Test
	void withoutAnyAccountTheBoardStandsInForIt() {
		DuplicateLint lint = lint(null, "Kitchen");

		List<OptionalLong> found = acceptAll(lint,
				row(2, "Open shelving", SHELF, "", "Kitchen"),
				row(3, "Open shelving", SHELF, "", ""),
				row(4, "Open shelving", SHELF, "", "Balcony"));

		assertThat(found).containsExactly(OptionalLong.empty(), OptionalLong.of(2), OptionalLong.empty());
	}

	@Test
	void rowsWithoutMediaAreLeftToTheValidator() {
		DuplicateLint lint = lint(null, null);

		assertThat(acceptAll(lint, row(2, "Same", "", "acme-home", "Kitchen"), row(3, "Same", "", "acme-home",
				"Kitchen"))).containsOnly(OptionalLong.empty());
	}

	@Test
	void problemNamesTheEarlierRowAndTheDescriptionColumn() {
		DuplicateLint lint = lint(null, null);
		PinDraft first = row(7, "Open shelving", SHELF, "acme-home", "Kitchen");
		PinDraft second = row(9, "Open shelving", SHELF, "acme-home", "Kitchen");
		acceptAll(lint, first, second);

		ValidationProblem expected = new ValidationProblem("duplicate_in_file", "Caption", "same account, description"
				+ " and media as row 7; Zernio rejects the second within 24 hours — change the description or media, or"
				+ " remove the row");
		assertThat(lint.problem(second)).contains(expected);
		assertThat(lint.problem(first)).isEmpty();
		assertThat(DuplicateLint.duplicateProblem(second, 7)).isEqualTo(expected);
	}

	@Test
	void repeatedLinksAreCountedWithTheirFirstRows() {
		DuplicateLint lint = lint(null, null);
		String shelves = "https://www.acme-home.example/shelves";
		String lamps = "https://www.acme-home.example/lamps";

		acceptAll(lint,
				row(2, "a", SHELF, "acme-home", "Kitchen", shelves),
				row(3, "b", SHELF, "acme-home", "Kitchen", lamps),
				row(4, "c", SHELF, "acme-home", "Kitchen", shelves),
				row(5, "d", SHELF, "acme-home", "Kitchen", "https://www.acme-home.example/once"),
				row(6, "e", SHELF, "acme-home", "Kitchen", shelves),
				row(7, "f", SHELF, "acme-home", "Kitchen", lamps),
				row(8, "g", SHELF, "acme-home", "Kitchen", shelves));

		assertThat(lint.repeatedLinks()).containsExactly(
				new DuplicateLint.RepeatedLink(shelves, 4, List.of(2L, 4L, 6L)),
				new DuplicateLint.RepeatedLink(lamps, 2, List.of(3L, 7L)));
		assertThat(lint.repeatedLinks()).extracting(DuplicateLint.RepeatedLink::describe).containsExactly(
				"link " + shelves + " is used by 4 rows (2, 4, 6, …)", "link " + lamps + " is used by 2 rows (3, 7)");
	}

	@Test
	void aThousandDistinctRowsHaveNoDuplicates() {
		DuplicateLint lint = lint(null, null);
		for (int i = 0; i < 1000; i++) {
			assertThat(lint.accept(row(i + 2, "pin " + i, SHELF, "acme-home", "Kitchen"))).isEmpty();
		}

		assertThat(lint.duplicateCount()).isZero();
		assertThat(lint.repeatedLinks()).isEmpty();
	}

	private static DuplicateLint lint(String defaultAccount, String defaultBoard) {
		return new DuplicateLint(new ValidationSettings(ZoneOffset.UTC, NOW, defaultAccount, defaultBoard, null, null));
	}

	private static List<OptionalLong> acceptAll(DuplicateLint lint, PinDraft... rows) {
		List<OptionalLong> found = new ArrayList<>();
		for (PinDraft row : rows) {
			found.add(lint.accept(row));
		}
		return found;
	}

	private static PinDraft row(long rowNumber, String description, String media, String account, String board) {
		return row(rowNumber, description, media, account, board, "");
	}

	private static PinDraft row(long rowNumber, String description, String media, String account, String board,
			String link) {
		return ColumnMapping.defaults().bind(HEADERS)
			.draft(new InputRow(rowNumber, HEADERS, List.of(description, media, account, board, link)));
	}
}

package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.pinbatch.input.InputRow;

import org.junit.jupiter.api.Test;

/** The notes a run prints about what a spreadsheet did to its cells. */
class SpreadsheetDamageTests {

	private static final List<String> CALENDAR = List.of("Image", "Board", "Publish date", "Time");

	@Test
	void aTimeLeftOutBecauseTheDateGivesItsOwnIsTold() {
		BoundColumns columns = ColumnMapping.defaults().bind(CALENDAR);
		SpreadsheetDamage damage = new SpreadsheetDamage(columns, false);

		for (List<String> cells : List.of(row("2027-03-04 10:00", "14:00"), row("2027-03-05", "14:00"),
				row("2027-03-06 9:30 PM", "21:00"), row("2027-03-07 10:00", ""))) {
			InputRow row = new InputRow(2, CALENDAR, cells);
			damage.accept(row, columns.draft(row));
		}

		assertThat(damage.notes()).containsExactly("Publish date row 2 gives its own time (2027-03-04 10:00): its"
				+ " Time '14:00' is not used (and 1 more row)");
	}

	@Test
	void aQuestionMarkAloneWhereAnEmojiWasIsTold() {
		List<String> headers = List.of("title", "media_url");
		BoundColumns columns = ColumnMapping.defaults().bind(headers);
		SpreadsheetDamage damage = new SpreadsheetDamage(columns, false);

		// an emoji that Excel's CSV in its code page lost, beside a question in English and one in French
		for (String title : List.of("Ask us why? Open shelves", "Vraiment ? Oui", "Morning coffee ? vibes")) {
			InputRow row = new InputRow(2, headers, List.of(title, "https://images.example.com/a.jpg"));
			damage.accept(row, columns.draft(row));
		}

		assertThat(damage.notes()).singleElement().asString().startsWith("title row 2: 'Morning coffee ? vibes' has ?"
				+ " where letters belong");
	}

	/** Before: not told, since a capital follows it ("? Emoji title" from "🍳 Emoji title", user review). */
	@Test
	void aQuestionMarkThatStartsATextIsTold() {
		List<String> headers = List.of("title", "media_url");
		BoundColumns columns = ColumnMapping.defaults().bind(headers);
		SpreadsheetDamage damage = new SpreadsheetDamage(columns, false);

		InputRow row = new InputRow(3, headers, List.of("? Emoji title shorter", "https://images.example.com/a.jpg"));
		damage.accept(row, columns.draft(row));

		assertThat(damage.notes()).singleElement().asString().startsWith("title row 3: '? Emoji title shorter' has ?"
				+ " where letters belong");
	}

	@Test
	void aQuestionMarkInAFileSavedInUnicodeIsNotTakenForLostLetters() {
		List<String> headers = List.of("title", "description", "media_url");
		BoundColumns columns = ColumnMapping.defaults().bind(headers);
		SpreadsheetDamage damage = new SpreadsheetDamage(columns, true);

		// typed so: a question in French, a web address in a text (a code page's ? would not be in such a file)
		for (List<String> texts : List.of(List.of("Tu viens ? on y va", "Crème brûlée"),
				List.of("Morning coffee ? vibes", "See shop.example/item?color=red"))) {
			InputRow row = new InputRow(2, headers, List.of(texts.get(0), texts.get(1),
					"https://images.example.com/a.jpg"));
			damage.accept(row, columns.draft(row));
		}

		assertThat(damage.notes()).isEmpty();
	}

	private static List<String> row(String date, String time) {
		return List.of("https://images.example.com/a.jpg", "Kitchen Ideas", date, time);
	}
}

package com.pinbatch.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.pinbatch.job.PlanningPass.RowRef;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanRowsTests {

	private static final List<RowRef> ROWS = List.of(
			new RowRef(2, "acme-home", "Kitchen Ideas", Instant.parse("2027-01-05T09:00:00.123456789Z"),
					"https://images.example.com/a.jpg", 11, 0, 21, false),
			new RowRef(3, "acme-home", "Kitchen Ideas", null, null, 12, 13, 0, true),
			new RowRef(5, "", "Garden Projects", Instant.parse("1969-12-31T23:59:59Z"),
					"https://images.example.com/a.jpg", 14, 0, 24, false),
			new RowRef(9, "acme-home", "Kitchen Ideas", Instant.parse("2027-01-06T09:00:00Z"),
					"https://images.example.com/b.jpg", 15, 0, 25, true));

	@Test
	void theRowsComeBackAsTheyWereCollectedInTheirOrder() {
		PlanRows rows = collected(true, true, ROWS);

		assertThat(rows.size()).isEqualTo(4);
		assertThat(list(rows)).containsExactlyElementsOf(ROWS);
	}

	@Test
	void rowsLeftOutAreLeftOutOfTheNewRowsOnly() {
		PlanRows rows = collected(true, true, ROWS);

		PlanRows withoutFirstPins = rows.without(row -> row.pin() < 13);
		PlanRows alsoWithoutB = withoutFirstPins.without(row -> row.checkedMedia() != null
				&& row.checkedMedia().endsWith("b.jpg"));

		assertThat(list(withoutFirstPins)).containsExactly(ROWS.get(2), ROWS.get(3));
		assertThat(withoutFirstPins.size()).isEqualTo(2);
		assertThat(list(alsoWithoutB)).containsExactly(ROWS.get(2));
		assertThat(alsoWithoutB.size()).isEqualTo(1);
		assertThat(list(rows)).as("unchanged").containsExactlyElementsOf(ROWS);
		assertThat(list(rows.without(row -> true))).isEmpty();
	}

	@Test
	void rowsWithoutIdentitiesOrMediaTakeTwentyFourBytesEach() {
		List<RowRef> many = new ArrayList<>();
		for (int row = 2; row < 100_002; row++) {
			many.add(new RowRef(row, "acme-home", "Board " + row % 3, Instant.ofEpochSecond(row), null, 0, 0, 0,
					false));
		}

		PlanRows rows = collected(false, false, many);

		assertThat(list(rows)).containsExactlyElementsOf(many);
		assertThat(rows.bytes()).isLessThanOrEqualTo(100_000L * 24 + 1_000);
	}

	@Test
	void rowsNamingABoardEachCountTheirNamesInWhatTheyTake() {
		List<RowRef> many = new ArrayList<>();
		for (int row = 2; row < 10_002; row++) {
			many.add(new RowRef(row, "acme-home", "90000000000000" + row, null, null, 0, 0, 0, false));
		}

		PlanRows rows = collected(false, false, many);

		// each pair's array and two strings, about 130 bytes, besides the row's 24
		assertThat(rows.bytes()).isGreaterThan(10_000L * (24 + 100));
	}

	@Test
	void rowsOfTwoOrdersMergeInTheOrderOfTheirNumbers() {
		PlanRows odd = collected(true, true, List.of(ROWS.get(0), ROWS.get(2)));
		PlanRows even = collected(true, true, List.of(ROWS.get(1), ROWS.get(3)));

		assertThat(list(odd.merged(even))).containsExactlyElementsOf(ROWS);
		assertThat(list(even.merged(odd))).containsExactlyElementsOf(ROWS);
		assertThat(list(odd.without(row -> row.rowNumber() == 2).merged(even)))
			.containsExactly(ROWS.get(1), ROWS.get(2), ROWS.get(3));
	}

	@Test
	void aRowWithWhatItWasNotCollectedWithIsRefused() {
		PlanRows.Builder withoutIdentities = new PlanRows.Builder(false, true);
		PlanRows.Builder withoutMedia = new PlanRows.Builder(true, false);

		assertThatThrownBy(() -> withoutIdentities.add(ROWS.get(1))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> withoutMedia.add(ROWS.get(0))).isInstanceOf(IllegalArgumentException.class);
	}

	private static PlanRows collected(boolean identities, boolean media, List<RowRef> rows) {
		PlanRows.Builder builder = new PlanRows.Builder(identities, media);
		rows.forEach(builder::add);
		return builder.build();
	}

	private static List<RowRef> list(PlanRows rows) {
		List<RowRef> list = new ArrayList<>();
		rows.forEach(list::add);
		return list;
	}
}

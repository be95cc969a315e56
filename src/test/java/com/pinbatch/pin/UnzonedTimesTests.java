package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UnzonedTimesTests {

	@Test
	void localTimesReadInTheDefaultUtcAreSaidOnceWithTheFirstRow() {
		UnzonedTimes unzoned = new UnzonedTimes(ZoneOffset.UTC, null, ZoneOffset.UTC);
		unzoned.accept(row(2, "01.06.2027 09:30"));
		unzoned.accept(row(3, "2027-06-01T10:00:00Z"));
		unzoned.accept(row(4, "2027-06-02 09:30"));
		unzoned.accept(row(5, "#DIV/0!"));

		assertThat(unzoned.note(DateOrder.AMBIGUOUS)).hasValue("publish_at: 2 publish times without a zone (row 2:"
				+ " 01.06.2027 09:30)"
				+ " read as UTC; if they are another zone's local times, give it with --timezone (e.g."
				+ " --timezone=Europe/Berlin)");
	}

	@Test
	void theZoneSuggestedIsThisComputersWhenItIsNotUtc() {
		// a sheet made in Tokyo and run on the laptop it was made on: before, the note suggested Europe/Berlin
		UnzonedTimes unzoned = new UnzonedTimes(ZoneOffset.UTC, null, ZoneId.of("Asia/Tokyo"));
		unzoned.accept(row(2, "2027年3月1日 9:30"));

		assertThat(unzoned.note(DateOrder.AMBIGUOUS)).hasValue("publish_at: 1 publish time without a zone (row 2:"
				+ " 2027年3月1日 9:30) read"
				+ " as UTC; if they are another zone's local times, give it with --timezone (this computer's zone:"
				+ " --timezone=Asia/Tokyo)");
	}

	@Test
	void nothingIsSaidWhenEveryTimeCarriesItsZoneOrTheRunWasGivenOne() {
		UnzonedTimes zoned = new UnzonedTimes(ZoneOffset.UTC, null, ZoneOffset.UTC);
		zoned.accept(row(2, "2027-06-01T10:00:00+02:00"));
		zoned.accept(row(3, "2027-06-01 10:00 -0500"));
		// a zone written after the time by name: not "read as UTC" (before: named in the note as such)
		zoned.accept(row(4, "2027-03-28 02:30 Europe/Berlin"));
		zoned.accept(row(5, "2027-03-28 02:30 America/Argentina/Buenos_Aires"));
		zoned.accept(row(6, "2027-03-28 02:30 UTC"));
		// JavaScript's form, its offset before the zone's name (before: said to be read as UTC)
		zoned.accept(row(7, "Mon Mar 01 2027 09:30:00 GMT+0100 (Central European Standard Time)"));
		UnzonedTimes berlin = new UnzonedTimes(ZoneId.of("Europe/Berlin"), null, ZoneOffset.UTC);
		berlin.accept(row(2, "01.06.2027 09:30"));

		assertThat(zoned.note(DateOrder.AMBIGUOUS)).isEmpty();
		assertThat(berlin.note(DateOrder.AMBIGUOUS)).isEmpty();
	}

	@Test
	void aForgedCellOfAHundredThousandCharactersIsNoTimeReadInUtc() {
		// "/ab" forty thousand times: the zone pattern's repetition overflowed the stack on the whole cell
		String forged = "2027-03-01 09:30 europe" + "/ab".repeat(40_000);
		UnzonedTimes unzoned = new UnzonedTimes(ZoneOffset.UTC, null, ZoneOffset.UTC);

		unzoned.accept(row(2, forged));

		assertThat(unzoned.note(DateOrder.AMBIGUOUS)).isEmpty();
	}

	@Test
	void aTimeNoFormReadsIsNotSaidToBeReadAsUtc() {
		// before: each was counted as a time read in UTC, the INVALID ones too
		UnzonedTimes unzoned = new UnzonedTimes(ZoneOffset.UTC, null, ZoneOffset.UTC);
		unzoned.accept(row(2, "2027-13-45 10:00"));
		unzoned.accept(row(3, "0.75"));
		unzoned.accept(row(4, "next Tuesday"));
		unzoned.accept(row(5, "31/02/2027 09:30"));
		unzoned.accept(row(6, "Tuesday, 1 March 2027 09:30"));
		unzoned.accept(row(7, "2027-03-01 2:15 PM EST"));
		unzoned.accept(row(8, "03/04/2027 09:30"));

		// 03/04/2027 is read once the column settles its order, and INVALID while it does not
		assertThat(unzoned.note(DateOrder.DAY_FIRST)).hasValueSatisfying(note -> assertThat(note)
			.startsWith("publish_at: 1 publish time without a zone (row 8: 03/04/2027 09:30) read as UTC"));
		assertThat(unzoned.note(DateOrder.AMBIGUOUS)).isEmpty();
	}

	@Test
	void theUsersDateFormatReadsTheTimesToo() {
		UnzonedTimes unzoned = new UnzonedTimes(ZoneOffset.UTC, "yyyy.dd.MM HH:mm", ZoneOffset.UTC);
		unzoned.accept(row(2, "2027.25.03 09:30"));

		assertThat(unzoned.note(DateOrder.AMBIGUOUS)).hasValueSatisfying(note -> assertThat(note)
			.startsWith("publish_at: 1 publish time without a zone (row 2: 2027.25.03 09:30)"));
	}

	private static PinDraft row(long rowNumber, String publishAt) {
		return new PinDraft(rowNumber, Map.of(PinField.PUBLISH_AT, publishAt), Map.of(), Set.of());
	}
}

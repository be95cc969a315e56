package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.pinbatch.input.InputRow;

/** Publish dates through the validator: zones, per-row time zones, daylight-saving changes, the column's order. */
class PublishDateValidationTests {

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

	private static final String IMAGE = "https://images.example.com/kitchen/shelf.jpg";

	private static final List<String> HEADERS = List.of("media_url", "board", "Publish date", "Time zone");

	@ParameterizedTest(name = "{0} in {1} (row zone {2}) = {3}")
	@CsvSource(delimiter = '|', textBlock = """
			2027-03-01T09:30:00Z      | Europe/Paris     |                  | 2027-03-01T09:30:00Z
			2027-03-01T09:30+01:00    | America/New_York | Asia/Tokyo       | 2027-03-01T08:30:00Z
			2027-03-01 09:30          | UTC              |                  | 2027-03-01T09:30:00Z
			2027-03-01 09:30          | America/New_York |                  | 2027-03-01T14:30:00Z
			2027-07-01 09:30          | Europe/Berlin    |                  | 2027-07-01T07:30:00Z
			2027-03-01 09:30          | UTC              | America/New_York | 2027-03-01T14:30:00Z
			2027-03-01 09:30          | America/New_York | UTC              | 2027-03-01T09:30:00Z
			2027-03-01 09:30          | UTC              | europe/berlin    | 2027-03-01T08:30:00Z
			2027-03-01 09:30          | UTC              | +05:30           | 2027-03-01T04:00:00Z
			2027/03/01 9:30 PM        | Asia/Tokyo       |                  | 2027-03-01T12:30:00Z
			13/02/2027 08:00          | Europe/Berlin    |                  | 2027-02-13T07:00:00Z
			02/13/2027 8:00 AM        | America/New_York |                  | 2027-02-13T13:00:00Z
			2027-03-01                | Europe/Paris     |                  | 2027-03-01T08:00:00Z
			2027-03-28 03:30          | Europe/Berlin    |                  | 2027-03-28T01:30:00Z
			2027-03-28 01:59          | Europe/Berlin    |                  | 2027-03-28T00:59:00Z
			2027-10-31 03:00          | Europe/Berlin    |                  | 2027-10-31T02:00:00Z
			2027-03-28T02:30+01:00    | Europe/Berlin    |                  | 2027-03-28T01:30:00Z
			2027-11-07 01:30 -05:00   | America/New_York |                  | 2027-11-07T06:30:00Z
			2027-03-01 09:30 Europe/Berlin        | UTC  |            | 2027-03-01T08:30:00Z
			2027-07-01 09:30 [america/new_york]   | UTC  | Asia/Tokyo | 2027-07-01T13:30:00Z
			1 mars 2027 14h30 (Europe/Paris)      | UTC  |            | 2027-03-01T13:30:00Z
			2027-03-01 09:30+01:00 Europe/London  | UTC  |            | 2027-03-01T08:30:00Z
			٢٠٢٧-٠٣-٠١ ١٠:٣٠                      | UTC  |            | 2027-03-01T10:30:00Z
			١٣/٠٢/٢٠٢٧ ٠٨:٠٠                      | Europe/Berlin |   | 2027-02-13T07:00:00Z
			'١٣‏/٠٢‏/٢٠٢٧, ٠٨:٠٠'        | UTC  |            | 2027-02-13T08:00:00Z
			２０２７／０３／０１ ０９：３０           | UTC  |            | 2027-03-01T09:30:00Z
			२०२७-०३-०१ ०९:३०                      | UTC  |            | 2027-03-01T09:30:00Z
			𝟐𝟎𝟐𝟕-𝟎𝟑-𝟎𝟏 𝟎𝟗:𝟑𝟎                      | UTC  |            | 2027-03-01T09:30:00Z
			""")
	void publishTimeIsReadInTheRowsZoneElseTheRunsUnlessItCarriesAnOffset(String cell, String runZone,
			String rowZone, String expected) {
		PinValidator validator = new PinValidator(settings(ZoneId.of(runZone)));

		Validation validation = validator.validate(draft(2, cell, rowZone == null ? "" : rowZone));

		assertThat(validation.problems()).isEmpty();
		assertThat(validation.pin().publishAt()).isEqualTo(Instant.parse(expected));
	}

	@Test
	void aZoneNamedAfterTheTimeHasItsOwnClockChangesAndIsNamedInTheMessages() {
		PinValidator validator = new PinValidator(settings(ZoneId.of("UTC")));

		assertThat(validator.validate(draft(2, "2027-03-28 02:30 Europe/Berlin", "")).problems())
			.extracting(ValidationProblem::code, ValidationProblem::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("publish_at_nonexistent", "Publish date '2027-03-28"
					+ " 02:30 Europe/Berlin' does not exist in Europe/Berlin: clocks jump from 02:00 to 03:00 that"
					+ " night, so pinbatch would have used 2027-03-28T01:30:00Z (UTC) — give a time outside the jump,"
					+ " or add the offset you mean, e.g. 2027-03-28T02:30+01:00"));
		assertThat(validator.validate(draft(2, "soon Europe/Berlin", "")).problems())
			.extracting(ValidationProblem::message).singleElement().asString()
			.startsWith("Publish date 'soon Europe/Berlin' is not a date this tool reads")
			.endsWith("times without an offset are in Europe/Berlin");
		assertThat(validator.validate(draft(2, "2027-03-01 09:30 Mars/Olympus", "")).problems())
			.extracting(ValidationProblem::code).containsExactly("publish_at_invalid");
		assertThat(validator.validate(draft(2, "2027-03-01 09:30 Europe/Berlin", "Europe/Berln")).problems())
			.as("the row's timezone cell is still checked").extracting(ValidationProblem::code)
			.containsExactly("timezone_invalid");
	}

	@ParameterizedTest(name = "{0} in {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2027-03-28 02:30 | Europe/Berlin    | does not exist in Europe/Berlin: clocks jump from 02:00 to 03:00 that night, so pinbatch would have used 2027-03-28T01:30:00Z (UTC) — give a time outside the jump, or add the offset you mean, e.g. 2027-03-28T02:30+01:00
			2027-03-14 02:30 | America/New_York | does not exist in America/New_York: clocks jump from 02:00 to 03:00 that night, so pinbatch would have used 2027-03-14T07:30:00Z (UTC) — give a time outside the jump, or add the offset you mean, e.g. 2027-03-14T02:30-05:00
			""")
	void localTimeSkippedByDaylightSavingIsRejected(String cell, String zone, String message) {
		Validation validation = new PinValidator(settings(ZoneId.of(zone))).validate(draft(2, cell, ""));

		assertThat(validation.problems()).containsExactly(new ValidationProblem("publish_at_nonexistent",
				"Publish date", "Publish date '" + cell + "' " + message));
	}

	@ParameterizedTest(name = "{0}, {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2027-02-30 10:00 | AMBIGUOUS   | is day 30 of February 2027, which has 28 days — check the day
			2028-02-30       | AMBIGUOUS   | is day 30 of February 2028, which has 29 days — check the day
			31.04.2027 09:00 | AMBIGUOUS   | is day 31 of April 2027, which has 30 days — check the day
			30/02/2027       | AMBIGUOUS   | is day 30 of February 2027, which has 28 days — check the day
			02/30/2027       | MONTH_FIRST | is day 30 of February 2027, which has 28 days — check the day
			31/06/2027       | DAY_FIRST   | is day 31 of June 2027, which has 30 days — check the day
			""")
	void aDayItsMonthDoesNotHaveSaysSo(String cell, DateOrder order, String message) {
		PinValidator validator = new PinValidator(settings(ZoneId.of("Europe/Berlin")).withDateOrder(order));

		Validation validation = validator.validate(draft(2, cell, ""));

		assertThat(validation.problems()).containsExactly(new ValidationProblem("publish_at_invalid",
				"Publish date", "Publish date '" + cell + "' " + message));
	}

	@ParameterizedTest(name = "{0} in {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2027-10-31 02:30 | Europe/Berlin    | happens twice in Europe/Berlin: clocks go back from 03:00 to 02:00 that night, so it is 2027-10-31T00:30:00Z or 2027-10-31T01:30:00Z (UTC), and pinbatch would have used the first — add the offset you mean: 2027-10-31T02:30+02:00 or 2027-10-31T02:30+01:00
			11/07/2027 1:30 AM | America/New_York | happens twice in America/New_York: clocks go back from 02:00 to 01:00 that night, so it is 2027-11-07T05:30:00Z or 2027-11-07T06:30:00Z (UTC), and pinbatch would have used the first — add the offset you mean: 2027-11-07T01:30-04:00 or 2027-11-07T01:30-05:00
			""")
	void localTimeRepeatedByDaylightSavingIsRejected(String cell, String zone, String message) {
		PinValidator validator = new PinValidator(settings(ZoneId.of(zone)).withDateOrder(DateOrder.MONTH_FIRST));

		Validation validation = validator.validate(draft(2, cell, ""));

		assertThat(validation.problems()).containsExactly(new ValidationProblem("publish_at_ambiguous",
				"Publish date", "Publish date '" + cell + "' " + message));
	}

	@Test
	void rowTimeZoneDecidesTheDaylightSavingRules() {
		PinValidator validator = new PinValidator(settings(ZoneOffset.UTC));

		assertThat(codes(validator.validate(draft(2, "2027-03-14 02:30", "America/New_York"))))
			.containsExactly("publish_at_nonexistent");
		assertThat(validator.validate(draft(3, "2027-03-14 02:30", "")).pin().publishAt())
			.isEqualTo(Instant.parse("2027-03-14T02:30:00Z"));
	}

	@Test
	void invalidRowTimeZoneNamesTheColumn() {
		Validation validation = new PinValidator(settings(ZoneId.of("Europe/Berlin")))
			.validate(draft(2, "2027-03-01 09:30", "Europe/Berln"));

		assertThat(validation.problems()).containsExactly(new ValidationProblem("timezone_invalid", "Time zone",
				"Time zone 'Europe/Berln' is not a time zone — write an IANA name like Europe/Berlin or"
						+ " America/New_York, or leave it empty to use Europe/Berlin"));
	}

	@Test
	void invalidRowTimeZoneIsReportedEvenWithoutADate() {
		assertThat(codes(new PinValidator(settings(ZoneOffset.UTC)).validate(draft(2, "", "Mars/Olympus"))))
			.containsExactly("timezone_invalid");
	}

	@ParameterizedTest(name = "{0} in {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-11-24 12:30    | Europe/Paris     | 2026-11-24T11:30:00Z
			11/24/2026 11:59 AM | UTC              | 2026-11-24T11:59:00Z
			2026-11-24T12:00Z   | UTC              | 2026-11-24T12:00:00Z
			2026-03-29 02:30    | Europe/Berlin    | 2026-03-29T01:30:00Z
			2025-11-02 01:30    | America/New_York | 2025-11-02T05:30:00Z
			""")
	void publishTimeInThePastShowsTheInstant(String cell, String zone, String instant) {
		Validation validation = new PinValidator(settings(ZoneId.of(zone))).validate(draft(2, cell, ""));

		assertThat(validation.problems()).containsExactly(new ValidationProblem("publish_at_in_past", "Publish date",
				"Publish date '" + cell + "' is " + instant + " (UTC), which is in the past — give a future time, or"
						+ " leave it empty to publish now"));
	}

	@Test
	void aDayAboveTwelveDecidesTheWholeColumnDayFirst() {
		List<PinDraft> rows = List.of(draft(2, "13/02/2027 10:00", ""), draft(3, "03/04/2027 10:00", ""));

		List<Validation> validations = validateFile(rows, settings(ZoneOffset.UTC));

		assertThat(validations).extracting(v -> v.pin().publishAt())
			.containsExactly(Instant.parse("2027-02-13T10:00:00Z"), Instant.parse("2027-04-03T10:00:00Z"));
	}

	@Test
	void aMonthFirstColumnReadsEveryRowMonthFirst() {
		List<PinDraft> rows = List.of(draft(2, "03/04/2027 10:00", ""), draft(3, "12/25/2027 10:00", ""));

		List<Validation> validations = validateFile(rows, settings(ZoneOffset.UTC));

		assertThat(validations).extracting(v -> v.pin().publishAt())
			.containsExactly(Instant.parse("2027-03-04T10:00:00Z"), Instant.parse("2027-12-25T10:00:00Z"));
	}

	@Test
	void aColumnWithoutDaysAboveTwelveLeavesEveryTwoWayDateInvalid() {
		List<PinDraft> rows = List.of(draft(2, "03/04/2027 10:00", ""), draft(3, "05/05/2027 10:00", ""),
				draft(4, "2027-06-01 10:00", ""));

		List<Validation> validations = validateFile(rows, settings(ZoneOffset.UTC));

		assertThat(validations.get(0).problems()).containsExactly(new ValidationProblem("ambiguous_date",
				"Publish date", "Publish date '03/04/2027 10:00' could be 3 April 2027 (day first) or 4 March 2027"
						+ " (month first), and the column's other dates do not settle the order — pass"
						+ " --date-format=dd/MM/yyyy (day first) or --date-format=MM/dd/yyyy (month first)"));
		// the same day and month read both ways, and year-first dates are never in doubt
		assertThat(validations.get(1).pin().publishAt()).isEqualTo(Instant.parse("2027-05-05T10:00:00Z"));
		assertThat(validations.get(2).pin().publishAt()).isEqualTo(Instant.parse("2027-06-01T10:00:00Z"));
	}

	@Test
	void dottedDatesAreDayFirstWithoutAsking() {
		List<PinDraft> rows = List.of(draft(2, "01.06.2027 09:30", ""), draft(3, "3.4.2027", ""));

		List<Validation> validations = validateFile(rows, settings(ZoneOffset.UTC));

		assertThat(validations).extracting(v -> v.pin().publishAt())
			.containsExactly(Instant.parse("2027-06-01T09:30:00Z"), Instant.parse("2027-04-03T09:00:00Z"));
	}

	@Test
	void theSuggestedDateFormatReadsTheCellItWasSuggestedFor() {
		List<PinDraft> rows = List.of(draft(2, "3-4-2027 9:30 PM", ""));
		String message = validateFile(rows, settings(ZoneOffset.UTC)).get(0).problems().get(0).message();
		assertThat(message).endsWith("pass --date-format=d-M-yyyy (day first) or --date-format=M-d-yyyy (month first)");

		List<Validation> dayFirst = validateFile(rows, settings(ZoneOffset.UTC).withDateFormat("d-M-yyyy"));
		List<Validation> monthFirst = validateFile(rows, settings(ZoneOffset.UTC).withDateFormat("M-d-yyyy"));

		assertThat(dayFirst.get(0).pin().publishAt()).isEqualTo(Instant.parse("2027-04-03T21:30:00Z"));
		assertThat(monthFirst.get(0).pin().publishAt()).isEqualTo(Instant.parse("2027-03-04T21:30:00Z"));
	}

	@Test
	void dateFormatSettlesAnAmbiguousColumn() {
		List<PinDraft> rows = List.of(draft(2, "03/04/2027 10:00", ""), draft(3, "05/06/2027", ""));

		List<Validation> validations = validateFile(rows, settings(ZoneOffset.UTC).withDateFormat("MM/dd/yyyy"));

		assertThat(validations).extracting(v -> v.pin().publishAt())
			.containsExactly(Instant.parse("2027-03-04T10:00:00Z"), Instant.parse("2027-05-06T09:00:00Z"));
	}

	@Test
	void dateFormatWinsOverTheColumnsOrder() {
		PinValidator validator = new PinValidator(settings(ZoneOffset.UTC).withDateOrder(DateOrder.DAY_FIRST)
			.withDateFormat("MM/dd/yyyy"));

		assertThat(validator.validate(draft(2, "03/04/2027", "")).pin().publishAt())
			.isEqualTo(Instant.parse("2027-03-04T09:00:00Z"));
	}

	@Test
	void aContradictoryColumnKeepsOneWayDatesAndRejectsTwoWayOnes() {
		List<PinDraft> rows = List.of(draft(2, "13/02/2027", ""), draft(3, "02/14/2027", ""),
				draft(4, "03/04/2027", ""));

		List<Validation> validations = validateFile(rows, settings(ZoneOffset.UTC));

		assertThat(validations.get(0).pin().publishAt()).isEqualTo(Instant.parse("2027-02-13T09:00:00Z"));
		assertThat(validations.get(1).pin().publishAt()).isEqualTo(Instant.parse("2027-02-14T09:00:00Z"));
		assertThat(codes(validations.get(2))).containsExactly("ambiguous_date");
	}

	@Test
	void invalidDateFormatIsRefusedWhenTheSettingsAreMade() {
		assertThatThrownBy(() -> settings(ZoneOffset.UTC).withDateFormat("dd/MM/yyyy qqqqqq"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("--date-format 'dd/MM/yyyy qqqqqq' is not a date pattern");
	}

	@Test
	void sixArgumentSettingsLeaveTheOrderUndecidedAndNoDateFormat() {
		ValidationSettings settings = new ValidationSettings(null, NOW, null, null, null, null);

		assertThat(settings.dateOrder()).isEqualTo(DateOrder.AMBIGUOUS);
		assertThat(settings.dateFormat()).isNull();
		assertThat(settings.withDateOrder(DateOrder.DAY_FIRST).dateOrder()).isEqualTo(DateOrder.DAY_FIRST);
	}

	/** What the job does: a pre-scan decides the column's order, then every row is validated with it. */
	private static List<Validation> validateFile(List<PinDraft> rows, ValidationSettings settings) {
		DateOrderDetector detector = new DateOrderDetector();
		rows.forEach(detector::accept);
		PinValidator validator = new PinValidator(settings.withDateOrder(detector.order()));
		List<Validation> validations = new ArrayList<>();
		rows.forEach(row -> validations.add(validator.validate(row)));
		return validations;
	}

	/** A content calendar: the date and the time of day in columns of their own. */
	private static final List<String> CALENDAR = List.of("Image", "Board", "Date", "Time");

	@ParameterizedTest(name = "{0} and {1} in {2} = {3}")
	@CsvSource(delimiter = '|', textBlock = """
			2027-03-01 | 9:30 PM | Europe/Berlin    | 2027-03-01T20:30:00Z
			01.03.2027 | 14:00   | Europe/Berlin    | 2027-03-01T13:00:00Z
			03/13/2027 | 8:00 AM | America/New_York | 2027-03-13T13:00:00Z
			2027-03-01 |         | Europe/Paris     | 2027-03-01T08:00:00Z
			46480      | 14:00   | Europe/Berlin    | 2027-04-03T12:00:00Z
			46480      | 0,583333333333333 | Europe/Berlin | 2027-04-03T12:00:00Z
			2027-04-03 | 0.75    | UTC              | 2027-04-03T18:00:00Z
			""")
	void aDateAndATimeInColumnsOfTheirOwnAreOnePublishTime(String date, String time, String zone, String expected) {
		Validation validation = new PinValidator(settings(ZoneId.of(zone)))
			.validate(calendarDraft(date, time == null ? "" : time));

		assertThat(validation.problems()).isEmpty();
		assertThat(validation.pin().publishAt()).isEqualTo(Instant.parse(expected));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			01-Mar
			1 March
			Mar 1st
			Sat, Mar 1
			01/03
			1.3.
			01-Mar 9:30 AM
			Mar 1 14:00
			""")
	void aDateWithoutAYearIsRefusedSayingHowASpreadsheetKeepsIt(String cell) {
		Validation validation = new PinValidator(settings(ZoneOffset.UTC)).validate(draft(2, cell, ""));

		assertThat(validation.problems()).extracting(ValidationProblem::message).containsExactly("Publish date '"
				+ cell + "' has no year — write the year too (e.g. 2027-03-01 09:30); a spreadsheet saved as CSV"
				+ " writes a date as its cells show it: format the column as dates with the year (yyyy-mm-dd hh:mm)"
				+ " before saving");
	}

	@Test
	void aTimeFollowedByAZonesAbbreviationSaysWhichZoneToGive() {
		Validation validation = new PinValidator(settings(ZoneOffset.UTC)).validate(calendarDraft("2027-03-01",
				"2:15 PM EST"));

		assertThat(validation.problems()).extracting(ValidationProblem::message).containsExactly("Date and Time"
				+ " '2027-03-01 2:15 PM EST' ends with the zone abbreviation EST, which names more than one zone —"
				+ " remove it and give --timezone=America/New_York (or a timezone column), or write the offset"
				+ " instead (e.g. -05:00)");
	}

	@Test
	void excelsMonthAndYearFormatIsSaidToLackItsDay() {
		// "Dec-30" is how a CSV keeps a date formatted mmm-yy (before: "has no year", though the 30 is the year)
		Validation validation = new PinValidator(settings(ZoneOffset.UTC)).validate(draft(2, "Dec-30", ""));

		assertThat(validation.problems()).extracting(ValidationProblem::message).containsExactly("Publish date"
				+ " 'Dec-30' has no day: it is how a spreadsheet writes a date formatted mmm-yy (Dec 2030) — format the"
				+ " column as dates with the day and the year (yyyy-mm-dd hh:mm) before saving");
	}

	@Test
	void aWeekdayThatIsNotTheDatesOwnIsRefusedNamingBoth() {
		// 25 December 2030 is a Wednesday: the day or the weekday was mistyped (before: read as the 25th, unsaid)
		Validation wrong = new PinValidator(settings(ZoneOffset.UTC)).validate(draft(2, "Mon, 25 Dec 2030 10:00",
				""));

		assertThat(wrong.problems()).extracting(ValidationProblem::message).containsExactly("Publish date 'Mon, 25"
				+ " Dec 2030 10:00' says Monday, but 25 December 2030 is a Wednesday — check the day and the weekday");
		assertThat(List.of("Wed, 25 Dec 2030 10:00", "Wednesday, December 25, 2030 10:00",
				"Mittwoch, 25. Dezember 2030 10:00", "mercredi 25 décembre 2030 10:00", "25 Dec 2030 10:00"))
			.allSatisfy(cell -> assertThat(new PinValidator(settings(ZoneOffset.UTC)).validate(draft(2, cell, ""))
				.problems()).as(cell).isEmpty());
		assertThat(new PinValidator(settings(ZoneOffset.UTC)).validate(draft(2, "Montag, 25. Dezember 2030 10:00",
				"")).problems()).extracting(ValidationProblem::message).singleElement().asString()
			.contains("says Monday, but 25 December 2030 is a Wednesday");
	}

	@Test
	void theOffsetAZonesAbbreviationSuggestsIsTheOneOnTheRowsDate() {
		// British Summer Time in June is an hour ahead of UTC (before: the example was the zone's offset in winter, Z,
		// and following it put the pin an hour off)
		Validation validation = new PinValidator(settings(ZoneOffset.UTC)).validate(draft(2, "2030-06-25 10:00 BST",
				""));

		assertThat(validation.problems()).extracting(ValidationProblem::message).singleElement()
			.asString().contains("give --timezone=Europe/London").endsWith("or write the offset instead (e.g. +01:00)");
		// an abbreviation that names its offset keeps it whatever the date: EST in July is still -05:00
		assertThat(new PinValidator(settings(ZoneOffset.UTC)).validate(draft(2, "2031-07-15 10:00 EST", ""))
			.problems()).extracting(ValidationProblem::message).singleElement().asString()
			.endsWith("(e.g. -05:00)");
	}

	@Test
	void aPastDateInAColumnReadAsThePublishDateOnlyNowSaysHowToLeaveItOut() {
		// "Date" may be when the row was added: it was not read before, and such rows were published at once
		Validation calendar = new PinValidator(settings(ZoneOffset.UTC)).validate(calendarDraft("2026-11-01", ""));
		Validation template = new PinValidator(settings(ZoneOffset.UTC)).validate(draft(2, "2026-11-01", ""));

		assertThat(calendar.problems()).extracting(ValidationProblem::message).containsExactly("Date and Time"
				+ " '2026-11-01' is 2026-11-01T09:00:00Z (UTC), which is in the past — give a future time, or leave it"
				+ " empty to publish now; if that column is not when to publish, leave it out with --mapping=FILE"
				+ " holding 'publish_at: [publish_at]'");
		assertThat(template.problems()).extracting(ValidationProblem::message).containsExactly("Publish date"
				+ " '2026-11-01' is 2026-11-01T09:00:00Z (UTC), which is in the past — give a future time, or leave it"
				+ " empty to publish now");
	}

	@Test
	void aTimeWithoutItsDateIsRefusedSayingWhatToAdd() {
		Validation validation = new PinValidator(settings(ZoneOffset.UTC)).validate(calendarDraft("", "14:00"));

		assertThat(validation.problems()).extracting(ValidationProblem::message).containsExactly("Date and Time"
				+ " '14:00' is a time without a date — give the date too (e.g. 2027-03-01 14:00), or leave it empty"
				+ " to publish now");
		assertThat(new PinValidator(settings(ZoneOffset.UTC)).validate(draft(2, "9:30 pm", "")).problems())
			.extracting(ValidationProblem::message).containsExactly("Publish date '9:30 pm' is a time without a date"
					+ " — give the date too (e.g. 2027-03-01 9:30 pm), or leave it empty to publish now");
	}

	@Test
	void aTimeColumnAloneHoldsTheWholePublishTime() {
		List<String> headers = List.of("media_url", "board", "publish_time");
		PinDraft draft = ColumnMapping.defaults().bind(headers)
			.draft(new InputRow(2, headers, List.of(IMAGE, "Kitchen Ideas", "2027-03-01 09:30")));

		assertThat(new PinValidator(settings(ZoneOffset.UTC)).validate(draft).pin().publishAt())
			.isEqualTo(Instant.parse("2027-03-01T09:30:00Z"));
	}

	@Test
	void sheetsThatWorkedBeforeDateAndTimeColumnsWereReadReadAsBefore() {
		PinValidator validator = new PinValidator(settings(ZoneOffset.UTC));
		// "Publish date" gives its own time: the "Time" beside it (a video's length, say) stays out of it
		List<String> ownTime = List.of("Image", "Board", "Publish date", "Time");
		BoundColumns withOwnTime = ColumnMapping.defaults().bind(ownTime);
		assertThat(validator.validate(withOwnTime.draft(new InputRow(2, ownTime, List.of(IMAGE, "Kitchen Ideas",
				"2027-03-01 09:30", "2:15")))).pin().publishAt()).isEqualTo(Instant.parse("2027-03-01T09:30:00Z"));
		// "Date" (when the row was added) beside "Publish date": the publish date is read, the other left alone
		List<String> twoDates = List.of("Image", "Board", "Date", "Publish date");
		BoundColumns withTwoDates = ColumnMapping.defaults().bind(twoDates);
		assertThat(validator.validate(withTwoDates.draft(new InputRow(2, twoDates, List.of(IMAGE, "Kitchen Ideas",
				"2026-11-01", "2027-03-01 09:30")))).pin().publishAt())
			.isEqualTo(Instant.parse("2027-03-01T09:30:00Z"));
		assertThat(withTwoDates.unknownHeaders()).containsExactly("Date");
		// a "Time" without any date column is no publish time: the pin publishes at once, as before
		List<String> timeAlone = List.of("Image", "Board", "Time");
		BoundColumns withTimeAlone = ColumnMapping.defaults().bind(timeAlone);
		assertThat(validator.validate(withTimeAlone.draft(new InputRow(2, timeAlone, List.of(IMAGE, "Kitchen Ideas",
				"2:15")))).pin().publishAt()).isNull();
		assertThat(withTimeAlone.unknownHeaders()).containsExactly("Time");
	}

	@Test
	void theCalendarsHeaderRowRepeatedIsNoPin() {
		List<String> header = new ArrayList<>(CALENDAR);
		Validation validation = new PinValidator(settings(ZoneOffset.UTC))
			.validate(ColumnMapping.defaults().bind(CALENDAR).draft(new InputRow(7, CALENDAR, header)));

		assertThat(codes(validation)).containsExactly("header_row_repeated");
	}

	private static PinDraft calendarDraft(String date, String time) {
		return ColumnMapping.defaults().bind(CALENDAR)
			.draft(new InputRow(2, CALENDAR, List.of(IMAGE, "Kitchen Ideas", date, time)));
	}

	private static ValidationSettings settings(ZoneId zone) {
		return new ValidationSettings(zone, NOW, null, "Kitchen Ideas", null, null);
	}

	private static PinDraft draft(long rowNumber, String publishAt, String timezone) {
		return ColumnMapping.defaults().bind(HEADERS)
			.draft(new InputRow(rowNumber, HEADERS, List.of(IMAGE, "Kitchen Ideas", publishAt, timezone)));
	}

	private static List<String> codes(Validation validation) {
		return validation.problems().stream().map(ValidationProblem::code).toList();
	}
}

package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishTimeParserTests {

	private static final LocalTime NINE = LocalTime.of(9, 0);

	@ParameterizedTest(name = "{0} in {1} = {2}")
	@CsvSource(delimiter = '|', textBlock = """
			2027-03-01T09:30:00Z                       | Europe/Paris     | 2027-03-01T09:30:00Z
			2027-03-01T09:30Z                          | Europe/Paris     | 2027-03-01T09:30:00Z
			2027-03-01T09:30:00.250Z                   | UTC              | 2027-03-01T09:30:00.250Z
			2027-03-01T09:30:00+01:00                  | UTC              | 2027-03-01T08:30:00Z
			2027-03-01T09:30-05:00                     | Europe/Paris     | 2027-03-01T14:30:00Z
			2027-07-01T09:30+02:00[Europe/Paris]       | UTC              | 2027-07-01T07:30:00Z
			2027-03-01T09:30                           | UTC              | 2027-03-01T09:30:00Z
			2027-03-01T09:30:15                        | Europe/Paris     | 2027-03-01T08:30:15Z
			2027-07-01T09:30                           | Europe/Paris     | 2027-07-01T07:30:00Z
			2027-03-01 09:30                           | America/New_York | 2027-03-01T14:30:00Z
			2027-03-01 09:30:45                        | UTC              | 2027-03-01T09:30:45Z
			2027/03/01 09:30                           | Asia/Tokyo       | 2027-03-01T00:30:00Z
			2027/03/01 23:59:59                        | UTC              | 2027-03-01T23:59:59Z
			2027-03-01                                 | UTC              | 2027-03-01T09:00:00Z
			2027-03-01                                 | Europe/Paris     | 2027-03-01T08:00:00Z
			'  2027-03-01 09:30  '                     | UTC              | 2027-03-01T09:30:00Z
			""")
	void readsEveryAcceptedForm(String text, String zone, String expected) {
		PublishTimeParser parser = new PublishTimeParser(ZoneId.of(zone), NINE);

		assertThat(parser.parse(text)).isEqualTo(Instant.parse(expected));
	}

	@Test
	void dateAloneUsesTheConfiguredTimeOfDay() {
		PublishTimeParser parser = new PublishTimeParser(ZoneOffset.UTC, LocalTime.of(17, 45));

		assertThat(parser.parse("2027-03-01")).isEqualTo(Instant.parse("2027-03-01T17:45:00Z"));
	}

	@Test
	void emptyMeansPublishNow() {
		PublishTimeParser parser = new PublishTimeParser(ZoneOffset.UTC, NINE);

		assertThat(parser.parse("")).isNull();
		assertThat(parser.parse("   ")).isNull();
		assertThat(parser.parse(null)).isNull();
	}

	@Test
	void pastTimesStillParseBecauseThePinValidatorJudgesThemAgainstItsClock() {
		PublishTimeParser parser = new PublishTimeParser(ZoneOffset.UTC, NINE);

		assertThat(parser.parse("2001-01-01 00:00")).isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
	}

	@Test
	void localTimeInADaylightSavingGapMovesForward() {
		PublishTimeParser parser = new PublishTimeParser(ZoneId.of("Europe/Paris"), NINE);

		// 2027-03-28 02:30 does not exist in Paris: clocks jump from 02:00 to 03:00 (+02:00)
		assertThat(parser.parse("2027-03-28 02:30")).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "tomorrow", "01/03/2027", "2027-02-30", "2027-03-01 25:00", "2027-3-1 9:30",
			"2027-03-01T09:30:00+25:00", "2027-03-01 09:30 PM", "2027-13-01" })
	void rejectsWhatNoFormReads(String text) {
		PublishTimeParser parser = new PublishTimeParser(ZoneOffset.UTC, NINE);

		assertThatThrownBy(() -> parser.parse(text)).isInstanceOf(DateTimeParseException.class);
	}

	@Test
	void acceptedFormsShowTheDefaultTimeOfDay() {
		PublishTimeParser parser = new PublishTimeParser(ZoneOffset.UTC, NINE);

		assertThat(parser.acceptedForms()).contains("2027-03-01T09:30", "2027-03-01 09:30[:00]",
				"2027/03/01 09:30[:00]", "2027-03-01 (means 09:00)");
	}
}

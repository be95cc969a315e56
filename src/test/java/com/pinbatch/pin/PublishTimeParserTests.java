package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishTimeParserTests {

	private static final LocalTime NINE = LocalTime.of(9, 0);

	@ParameterizedTest(name = "{0} ({1}) = {2} {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			2027-03-01T09:30:00Z                 | AMBIGUOUS   | 2027-03-01T09:30       | Z
			2027-03-01T09:30Z                    | AMBIGUOUS   | 2027-03-01T09:30       | Z
			2027-03-01T09:30:00.250Z             | AMBIGUOUS   | 2027-03-01T09:30:00.25 | Z
			2027-03-01T09:30:00+01:00            | AMBIGUOUS   | 2027-03-01T09:30       | +01:00
			2027-03-01T09:30-05:00               | AMBIGUOUS   | 2027-03-01T09:30       | -05:00
			2027-07-01T09:30+02:00[Europe/Paris] | AMBIGUOUS   | 2027-07-01T09:30       | +02:00
			2027-03-01 09:30:00 +0100            | AMBIGUOUS   | 2027-03-01T09:30       | +01:00
			2027-03-01 09:30 UTC                 | AMBIGUOUS   | 2027-03-01T09:30       | Z
			03/04/2027 9:30 PM -05               | MONTH_FIRST | 2027-03-04T21:30       | -05:00
			2027-03-01T09:30                     | AMBIGUOUS   | 2027-03-01T09:30       | -
			2027-03-01T09:30:15.5                | AMBIGUOUS   | 2027-03-01T09:30:15.5  | -
			2027-03-01 09:30                     | AMBIGUOUS   | 2027-03-01T09:30       | -
			2027-03-01 09:30:45                  | AMBIGUOUS   | 2027-03-01T09:30:45    | -
			2027/03/01 09:30                     | AMBIGUOUS   | 2027-03-01T09:30       | -
			2027/03/01 23:59:59                  | AMBIGUOUS   | 2027-03-01T23:59:59    | -
			2027.03.01 09:30                     | AMBIGUOUS   | 2027-03-01T09:30       | -
			2027-3-1 9:30                        | AMBIGUOUS   | 2027-03-01T09:30       | -
			2027-03-01                           | AMBIGUOUS   | 2027-03-01T09:00       | -
			2027/03/01                           | AMBIGUOUS   | 2027-03-01T09:00       | -
			'  2027-03-01 09:30  '               | AMBIGUOUS   | 2027-03-01T09:30       | -
			2027/03/01 9:30 PM                   | AMBIGUOUS   | 2027-03-01T21:30       | -
			2027-03-01 09:30:15 pm               | AMBIGUOUS   | 2027-03-01T21:30:15    | -
			2027-03-01 9:30AM                    | AMBIGUOUS   | 2027-03-01T09:30       | -
			2027-03-01 12:05 AM                  | AMBIGUOUS   | 2027-03-01T00:05       | -
			2027-03-01 12:05 PM                  | AMBIGUOUS   | 2027-03-01T12:05       | -
			2027-03-01 9:30 p.m.                 | AMBIGUOUS   | 2027-03-01T21:30       | -
			2027-03-01 14.30                     | AMBIGUOUS   | 2027-03-01T14:30       | -
			2027-03-01 14h30                     | AMBIGUOUS   | 2027-03-01T14:30       | -
			2027-03-01 21h                       | AMBIGUOUS   | 2027-03-01T21:00       | -
			2027-03-01 9 PM                      | AMBIGUOUS   | 2027-03-01T21:00       | -
			2027-03-01 9pm                       | AMBIGUOUS   | 2027-03-01T21:00       | -
			01.03.2027 14:00 Uhr                 | DAY_FIRST   | 2027-03-01T14:00       | -
			01.03.2027 14 Uhr                    | DAY_FIRST   | 2027-03-01T14:00       | -
			13/02/2027 09:30                     | AMBIGUOUS   | 2027-02-13T09:30       | -
			02/13/2027 09:30                     | AMBIGUOUS   | 2027-02-13T09:30       | -
			05/05/2027 09:30                     | AMBIGUOUS   | 2027-05-05T09:30       | -
			03/04/2027 09:30                     | DAY_FIRST   | 2027-04-03T09:30       | -
			03/04/2027 09:30                     | MONTH_FIRST | 2027-03-04T09:30       | -
			3/4/2027 9:30:10 AM                  | DAY_FIRST   | 2027-04-03T09:30:10    | -
			3/4/2027 9:30 pm                     | MONTH_FIRST | 2027-03-04T21:30       | -
			03.04.2027 09:30                     | DAY_FIRST   | 2027-04-03T09:30       | -
			03-04-2027 09:30                     | MONTH_FIRST | 2027-03-04T09:30       | -
			13.02.2027                           | DAY_FIRST   | 2027-02-13T09:00       | -
			03/04/2027                           | DAY_FIRST   | 2027-04-03T09:00       | -
			3/4/27 9:30                          | MONTH_FIRST | 2027-03-04T09:30       | -
			15.06.27 09:30                       | AMBIGUOUS   | 2027-06-15T09:30       | -
			13/02/27                             | AMBIGUOUS   | 2027-02-13T09:00       | -
			Dec 25, 2027 9:30 AM                 | AMBIGUOUS   | 2027-12-25T09:30       | -
			December 25th, 2027                  | DAY_FIRST   | 2027-12-25T09:00       | -
			'Sat, Dec 4, 2027, 18:30'            | AMBIGUOUS   | 2027-12-04T18:30       | -
			sept. 3 2027 9:30 pm                 | MONTH_FIRST | 2027-09-03T21:30       | -
			25 December 2027 09:30               | AMBIGUOUS   | 2027-12-25T09:30       | -
			'Monday, 1 March 2027'               | AMBIGUOUS   | 2027-03-01T09:00       | -
			25-Dec-2027 09:30 +01:00             | AMBIGUOUS   | 2027-12-25T09:30       | +01:00
			4-Jul-27                             | AMBIGUOUS   | 2027-07-04T09:00       | -
			1er mars 2027 09:30                  | AMBIGUOUS   | 2027-03-01T09:30       | -
			'lundi 1 mars 2027 à 14h30'          | AMBIGUOUS   | 2027-03-01T14:30       | -
			'1er mars 2027 à 14 h 30'            | AMBIGUOUS   | 2027-03-01T14:30       | -
			01/03/2027 9 h                       | DAY_FIRST   | 2027-03-01T09:00       | -
			1 févr. 2027                         | AMBIGUOUS   | 2027-02-01T09:00       | -
			'Montag, 1. März 2027 um 14:30'      | AMBIGUOUS   | 2027-03-01T14:30       | -
			1. Dez. 2027 18:00                   | AMBIGUOUS   | 2027-12-01T18:00       | -
			1 de marzo de 2027 14:30             | AMBIGUOUS   | 2027-03-01T14:30       | -
			'miércoles, 3 de marzo de 2027'      | AMBIGUOUS   | 2027-03-03T09:00       | -
			1 marzo 2027 ore 14:30               | AMBIGUOUS   | 2027-03-01T14:30       | -
			1 mrt. 2027 14:30                    | AMBIGUOUS   | 2027-03-01T14:30       | -
			1 maart 2027                         | AMBIGUOUS   | 2027-03-01T09:00       | -
			'quarta-feira, 3 de março de 2027'   | AMBIGUOUS   | 2027-03-03T09:00       | -
			1-ene-2027                           | AMBIGUOUS   | 2027-01-01T09:00       | -
			March 1, 2027 at 9:30 AM             | AMBIGUOUS   | 2027-03-01T09:30       | -
			'Monday, March 1, 2027 at 21:30'     | AMBIGUOUS   | 2027-03-01T21:30       | -
			1 Mar 2027 at 09:30                  | AMBIGUOUS   | 2027-03-01T09:30       | -
			01/03/2027 at 09:30                  | DAY_FIRST   | 2027-03-01T09:30       | -
			'12/24/2026, 2:30 PM'                | MONTH_FIRST | 2026-12-24T14:30       | -
			'12/24/26, 2:30:00 PM'               | MONTH_FIRST | 2026-12-24T14:30       | -
			'24.12.2026, 14:30'                  | DAY_FIRST   | 2026-12-24T14:30       | -
			'24.12.26, 14:30'                    | DAY_FIRST   | 2026-12-24T14:30       | -
			'2027-03-01, 09:30'                  | AMBIGUOUS   | 2027-03-01T09:30       | -
			46539.375                            | AMBIGUOUS   | 2027-06-01T09:00       | -
			46539,375                            | DAY_FIRST   | 2027-06-01T09:00       | -
			46539.5                              | AMBIGUOUS   | 2027-06-01T12:00       | -
			46539                                | AMBIGUOUS   | 2027-06-01T09:00       | -
			2027-03-01 09:30 GMT+1               | AMBIGUOUS   | 2027-03-01T09:30       | +01:00
			2027-03-01 09:30 UTC-05:00           | AMBIGUOUS   | 2027-03-01T09:30       | -05:00
			3/1/2027 9:30 PM GMT-8               | MONTH_FIRST | 2027-03-01T21:30       | -08:00
			2027-03-01 09:30 utc+0530            | AMBIGUOUS   | 2027-03-01T09:30       | +05:30
			2027年3月1日 9:30                    | AMBIGUOUS   | 2027-03-01T09:30       | -
			2027年3月1日                         | AMBIGUOUS   | 2027-03-01T09:00       | -
			2027年3月1日(月) 午後9時30分         | AMBIGUOUS   | 2027-03-01T21:30       | -
			2027年03月01日（月曜日） 09時         | AMBIGUOUS   | 2027-03-01T09:00       | -
			2027年3月1日 9時半                   | AMBIGUOUS   | 2027-03-01T09:30       | -
			2027年3月1日 9時5分30秒              | AMBIGUOUS   | 2027-03-01T09:05:30    | -
			２０２７年３月１日　９：３０         | AMBIGUOUS   | 2027-03-01T09:30       | -
			2027年3月1日 星期一 下午9:30         | AMBIGUOUS   | 2027-03-01T21:30       | -
			2027年3月1日 上午9点30分             | AMBIGUOUS   | 2027-03-01T09:30       | -
			2027년 3월 1일 오후 9:30             | AMBIGUOUS   | 2027-03-01T21:30       | -
			2027년 3월 1일 월요일 9시 30분       | AMBIGUOUS   | 2027-03-01T09:30       | -
			2027. 3. 1. 오후 9:30:00             | AMBIGUOUS   | 2027-03-01T21:30       | -
			2027. 3. 1. (월) 오전 12:05          | AMBIGUOUS   | 2027-03-01T00:05       | -
			2027年3月1日 午前0時30分             | AMBIGUOUS   | 2027-03-01T00:30       | -
			2027. 3. 1. 오전 0:05:00             | AMBIGUOUS   | 2027-03-01T00:05       | -
			2027年3月1日 晚上8点                 | AMBIGUOUS   | 2027-03-01T20:00       | -
			2027年3月1日 早上7点30分             | AMBIGUOUS   | 2027-03-01T07:30       | -
			2027年3月1日 中午12点                | AMBIGUOUS   | 2027-03-01T12:00       | -
			2027年3月1日 中午1:30                | AMBIGUOUS   | 2027-03-01T13:30       | -
			2027年3月1日 凌晨0点30分             | AMBIGUOUS   | 2027-03-01T00:30       | -
			2027年3月1日 凌晨2点                 | AMBIGUOUS   | 2027-03-01T02:00       | -
			2027年3月1日 傍晚6:45                | AMBIGUOUS   | 2027-03-01T18:45       | -
			'Mon Mar 01 2027 09:30:00 GMT+0100 (Central European Standard Time)' | AMBIGUOUS | 2027-03-01T09:30 | +01:00
			'Mon Mar 01 2027 21:30:00 GMT-0500 (Eastern Standard Time)' | AMBIGUOUS | 2027-03-01T21:30 | -05:00
			""")
	void readsEveryAcceptedForm(String text, DateOrder order, String local, String offset) throws Exception {
		WrittenTime written = new PublishTimeParser(NINE, order, null).read(text).orElseThrow();

		assertThat(written).isEqualTo(new WrittenTime(LocalDateTime.parse(local),
				offset == null ? null : ZoneOffset.of(offset)));
	}

	@Test
	void dateAloneUsesTheConfiguredTimeOfDay() throws Exception {
		PublishTimeParser parser = new PublishTimeParser(LocalTime.of(17, 45), DateOrder.AMBIGUOUS, null);

		assertThat(parser.read("2027-03-01").orElseThrow().local()).isEqualTo(LocalDateTime.parse("2027-03-01T17:45"));
	}

	@Test
	void emptyMeansPublishNow() throws Exception {
		PublishTimeParser parser = new PublishTimeParser(NINE, DateOrder.AMBIGUOUS, null);

		assertThat(parser.read("")).isEmpty();
		assertThat(parser.read("   ")).isEmpty();
		assertThat(parser.read(null)).isEmpty();
	}

	@Test
	void dateThatReadsBothWaysIsAmbiguousUntilTheColumnDecides() {
		PublishTimeParser parser = new PublishTimeParser(NINE, DateOrder.AMBIGUOUS, null);

		assertThatThrownBy(() -> parser.read("03/04/2027 09:30")).isInstanceOfSatisfying(AmbiguousDateException.class,
				ex -> {
					assertThat(ex.dayFirst()).isEqualTo(LocalDate.of(2027, 4, 3));
					assertThat(ex.monthFirst()).isEqualTo(LocalDate.of(2027, 3, 4));
				});
	}

	@ParameterizedTest(name = "{0} in {1}: {2}")
	@CsvSource({ "12/31/99, 2026, 1999", "3/4/27, 2026, 2027", "3/4/76, 2026, 2076", "3/4/77, 2026, 1977",
			"3/4/05, 2090, 2105", "3/4/27 9:30, 2026, 2027" })
	void aShortYearIsTheYearClosestToThisOne(String text, int thisYear, int year) {
		// 12/31/99 read as 2099 scheduled a pin 73 years ahead; as 1999 it is refused as past
		assertThat(YearLastDate.find(text, thisYear).orElseThrow().year()).isEqualTo(year);
	}

	@Test
	void aShortYearThatReadsBothWaysNamesTheDateFormatsWithAShortYear() {
		PublishTimeParser parser = new PublishTimeParser(NINE, DateOrder.AMBIGUOUS, null);

		assertThatThrownBy(() -> parser.read("3/4/27 09:30")).isInstanceOfSatisfying(AmbiguousDateException.class,
				ex -> {
					assertThat(ex.dayFirst()).isEqualTo(LocalDate.of(2027, 4, 3));
					assertThat(ex.dayFirstPattern()).isEqualTo("d/M/yy");
					assertThat(ex.monthFirstPattern()).isEqualTo("M/d/yy");
				});
	}

	@ParameterizedTest(name = "{0} with {1}")
	@CsvSource(delimiter = '|', textBlock = """
			03/04/2027               | dd/MM/yyyy       | 2027-04-03T09:00
			03/04/2027 9:30 PM       | dd/MM/yyyy       | 2027-04-03T21:30
			03/04/2027 21:30         | MM/dd/yyyy       | 2027-03-04T21:30
			03/04/2027 21:30         | MM/dd/yyyy HH:mm | 2027-03-04T21:30
			4 Mar 2027 10:15         | d MMM yyyy       | 2027-03-04T10:15
			2027-04-03 10:15         | dd/MM/yyyy       | 2027-04-03T10:15
			4/5/2027 9:30            | dd/MM/yyyy       | 2027-05-04T09:30
			4/3/2027 14:00           | MM/dd/yyyy       | 2027-04-03T14:00
			4/3/2027 9:05            | MM/dd/yyyy HH:mm | 2027-04-03T09:05
			20270403                 | yyyyMMdd         | 2027-04-03T09:00
			""")
	void dateFormatReplacesTheYearLastForms(String text, String pattern, String local) throws Exception {
		PublishTimeParser parser = new PublishTimeParser(NINE, DateOrder.AMBIGUOUS, pattern);

		assertThat(parser.read(text).orElseThrow().local()).isEqualTo(LocalDateTime.parse(local));
	}

	@ParameterizedTest(name = "{0} with {1}")
	@CsvSource(delimiter = '|', textBlock = """
			03.02.2027 18:30         | d/M/yy           | 2027-02-03T18:30
			05.02.2027               | d/M/yy           | 2027-02-05T09:00
			3/2/27                   | d/M/yy           | 2027-02-03T09:00
			03.02.2027               | MM/dd/yyyy       | 2027-02-03T09:00
			""")
	void dateFormatLeavesDottedDatesDayFirst(String text, String pattern, String local) throws Exception {
		// a column of 03.02.2027 and 3/2/27: the pattern suggested for the second is given
		PublishTimeParser parser = new PublishTimeParser(NINE, DateOrder.AMBIGUOUS, pattern);

		assertThat(parser.read(text).orElseThrow().local()).isEqualTo(LocalDateTime.parse(local));
	}

	@ParameterizedTest
	@ValueSource(strings = { "31/02/2027", "13/13/2027", "03/04/2027 25:00", "03-04-2027", "31.02.2027" })
	void dateFormatIsStrict(String text) {
		PublishTimeParser parser = new PublishTimeParser(NINE, DateOrder.AMBIGUOUS, "dd/MM/yyyy");

		assertThatThrownBy(() -> parser.read(text)).isInstanceOf(DateTimeParseException.class);
	}

	@Test
	void invalidDateFormatIsReportedOnceForTheUser() {
		assertThatThrownBy(() -> new PublishTimeParser(NINE, DateOrder.AMBIGUOUS, "dd/MM/yyyy bb"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("--date-format 'dd/MM/yyyy bb' is not a date pattern (")
			.hasMessageEndingWith(") — write it like dd/MM/yyyy or MM/dd/yyyy");
	}

	@ParameterizedTest
	@ValueSource(strings = { "tomorrow", "2027-02-30", "2027-03-01 25:00", "2027-03-01T09:30:00+25:00",
			"2027-13-01", "2027-03-01 13:30 PM", "2027-03-01 0:30 AM", "03/04/271", "13/13/2027", "31/02/2027",
			"2027-03-01 09:30 Europe/Paris", "2027-03-01Z", "2027-03-01 09:60", "Feb 30, 2027", "Foo 25, 2027",
			"Dec 25", "Ma 1, 2027", "25 December 2027 9", "32-Dec-2027", "2027-03-01 9", "2027-03-01 14.30:15",
			"2027-03-01 13 PM", "2027-03-01 9h 30", "2027-03-01 at", "2027-03-01 09:30 GMT+", "2027-03-01 09:30 GMT+19",
			"2027-03-01 09:30 +1", "2027-03-01at 09:30", "1 jui 2027", "Foo, 1 mars 2027", "2027年2月30日",
			"2027年3月1日 25時", "2027年3月1日 午後13:00", "2027年3月1日 9時 朝", "2027年3月1日 30分", "2027年3月",
			"2027. 3. 1. 오후", "Mon Mar 01 2027 09:30:00 (Central European Standard Time)", "2027年3月1日 9時30分 10時",
			"2027年3月1日 晚上12点", "2027年3月1日 晚上1:00", "2027年3月1日 中午5点", "2027年3月1日 早上3点" })
	void rejectsWhatNoFormReads(String text) {
		PublishTimeParser parser = new PublishTimeParser(NINE, DateOrder.AMBIGUOUS, null);

		assertThatThrownBy(() -> parser.read(text)).isInstanceOf(DateTimeParseException.class);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			13/02/2027 | MONTH_FIRST
			02/13/2027 | DAY_FIRST
			""")
	void dateAgainstTheColumnsOrderIsNotRead(String text, DateOrder order) {
		PublishTimeParser parser = new PublishTimeParser(NINE, order, null);

		assertThatThrownBy(() -> parser.read(text)).isInstanceOf(DateTimeParseException.class);
	}

	@Test
	void acceptedFormsFollowTheColumnsOrderOrTheDateFormat() {
		assertThat(new PublishTimeParser(NINE, DateOrder.DAY_FIRST, null).acceptedForms()).containsExactly(
				"2027-03-01T09:30:00Z", "2027-03-01T09:30+01:00", "2027-03-01 09:30[:00]", "2027/03/01 9:30 PM",
				"01/03/2027 09:30 (day first, like the rest of the column)", "2027-03-01 (means 09:00)");
		assertThat(new PublishTimeParser(NINE, DateOrder.MONTH_FIRST, null).acceptedForms())
			.contains("03/01/2027 09:30 (month first, like the rest of the column)");
		assertThat(new PublishTimeParser(NINE, DateOrder.DAY_FIRST, "dd.MM.yyyy").acceptedForms())
			.contains("dates as --date-format dd.MM.yyyy [09:30]");
	}
}

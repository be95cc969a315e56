package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.pinbatch.input.InputRow;

class DateOrderDetectorTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			03/04/2027, 13/02/2027 09:30, 05/06/2027       | DAY_FIRST
			03/04/2027, 02/13/2027 9:30 PM                 | MONTH_FIRST
			03/04/2027, 05/06/2027, 12/12/2027             | AMBIGUOUS
			13.02.2027, 03.04.2027                         | DAY_FIRST
			04-13-2027                                     | MONTH_FIRST
			2027-02-13, 2027/03/14, 2027-03-01T09:30Z      | AMBIGUOUS
			13/02/2027, 02/13/2027                         | AMBIGUOUS
			13/14/2027, 03/04/2027                         | AMBIGUOUS
			'next friday, 3/4/27'                          | AMBIGUOUS
			""")
	void decidesTheColumnsOrder(String values, DateOrder expected) {
		DateOrderDetector detector = new DateOrderDetector();
		long row = 2;
		for (String value : values.split(",")) {
			detector.accept(row++, value);
		}

		assertThat(detector.order()).isEqualTo(expected);
	}

	@Test
	void emptyColumnIsUndecided() {
		DateOrderDetector detector = new DateOrderDetector();
		detector.accept(2, "");
		detector.accept(3, null);

		assertThat(detector.order()).isEqualTo(DateOrder.AMBIGUOUS);
		assertThat(detector.contradiction()).isEmpty();
		assertThat(detector.decision()).isEmpty();
	}

	@Test
	void dottedDatesAreDayFirstWithoutSettlingTheColumn() {
		DateOrderDetector detector = new DateOrderDetector();
		List.of(draft(2, "01.06.2027 09:30"), draft(3, "06.13.2027")).forEach(detector::accept);

		// 06.13.2027 is no date (month 13), not evidence of a month-first column
		assertThat(detector.order()).isEqualTo(DateOrder.AMBIGUOUS);
		assertThat(detector.contradiction()).isEmpty();
		assertThat(detector.decision()).contains("dotted dates in Publish date are read day first (row 2: 01.06.2027"
				+ " 09:30)");
	}

	@Test
	void dottedDayFirstDatesDoNotContradictMonthFirstDatesWrittenWithSlashes() {
		// two people filled the column: one types 15.06.2027, the other 06/13/2027 and 03/04/2027
		DateOrderDetector detector = new DateOrderDetector();
		List.of(draft(2, "15.06.2027 09:30"), draft(3, "06/13/2027 09:30"), draft(4, "03/04/2027"))
			.forEach(detector::accept);

		assertThat(detector.order()).isEqualTo(DateOrder.MONTH_FIRST);
		assertThat(detector.contradiction()).isEmpty();
		assertThat(detector.decision()).contains("dotted dates in Publish date are read day first (row 2: 15.06.2027"
				+ " 09:30), the others month first (row 3: 06/13/2027 09:30)");
	}

	@Test
	void contradictionNamesTheColumnAndTheFirstRowOfEachKind() {
		DateOrderDetector detector = new DateOrderDetector();
		List.of(draft(2, "03/04/2027"), draft(3, "25/12/2027 10:00"), draft(4, "12/31/2027"), draft(5, "12/30/2027"))
			.forEach(detector::accept);

		assertThat(detector.order()).isEqualTo(DateOrder.AMBIGUOUS);
		assertThat(detector.contradiction()).contains("Publish date mixes day-first dates (row 3: 25/12/2027 10:00)"
				+ " and month-first dates (row 4: 12/31/2027); rows whose day and month could be swapped are INVALID"
				+ " — write all dates one way, or pass --date-format=dd/MM/yyyy or --date-format=MM/dd/yyyy");
	}

	@Test
	void decisionNamesTheRowThatSettledIt() {
		DateOrderDetector detector = new DateOrderDetector();
		List.of(draft(2, "03/04/2027"), draft(3, "04/13/2027"), draft(4, "05/14/2027")).forEach(detector::accept);

		assertThat(detector.decision()).contains("dates in Publish date are read month first (row 3: 04/13/2027)");
		assertThat(detector.contradiction()).isEmpty();
	}

	@Test
	void datesInTheDigitsOfAnotherScriptSettleTheOrderToo() {
		// an Arabic sheet's dates (before: not seen, and 03/04 of the same column was "not settled")
		DateOrderDetector detector = new DateOrderDetector();
		detector.accept(draft(2, "١٣/٠٢/٢٠٢٧"));
		detector.accept(draft(3, "٠٣/٠٤/٢٠٢٧"));

		assertThat(detector.order()).isEqualTo(DateOrder.DAY_FIRST);
	}

	private static PinDraft draft(long rowNumber, String publishAt) {
		List<String> headers = List.of("media_url", "Publish date");
		return ColumnMapping.defaults().bind(headers)
			.draft(new InputRow(rowNumber, headers, List.of("https://images.example.com/a.jpg", publishAt)));
	}
}

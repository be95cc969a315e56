package com.pinbatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import com.pinbatch.input.InputRow;

import org.junit.jupiter.api.Test;

/** The plan sees every row of the survey, in file order, and a failure of its check stops the survey. */
class BackgroundVisitorTests {

	@Test
	void everyRowReachesTheVisitorInFileOrderByTheTimeTheSurveyFinishes() {
		// given: more rows than a few batches, and a last batch that is not full
		List<Long> seen = new ArrayList<>();
		long rows = 12_345;

		// when
		try (BackgroundVisitor visitor = new BackgroundVisitor((row, draft) -> seen.add(row.rowNumber()))) {
			LongStream.rangeClosed(2, rows + 1).forEach(number -> visitor.accept(row(number), null));
			visitor.finish();
		}

		// then
		assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(2, rows + 1).boxed().toList());
	}

	@Test
	void aFailureOfTheVisitorIsTheSurveysFailure() {
		BackgroundVisitor visitor = new BackgroundVisitor((row, draft) -> {
			if (row.rowNumber() == 1500) {
				throw new IllegalStateException("row 1500 broke the plan");
			}
		});

		try (visitor) {
			assertThatThrownBy(() -> {
				LongStream.rangeClosed(2, 20_000).forEach(number -> visitor.accept(row(number), null));
				visitor.finish();
			}).isInstanceOf(IllegalStateException.class).hasMessage("row 1500 broke the plan");
		}
	}

	private static InputRow row(long number) {
		return new InputRow(number, List.of("title"), List.of("pin " + number));
	}
}

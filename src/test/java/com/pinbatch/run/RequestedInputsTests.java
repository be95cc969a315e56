package com.pinbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.pinbatch.job.InputInspector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an input's job instance is named. */
class RequestedInputsTests {

	@TempDir
	Path dir;

	/**
	 * A file whose first line is Excel's hidden "sep=;" had its rows numbered one more by earlier versions: a run one
	 * of them began is not resumed with rows stored under other numbers (a row would be taken for its neighbour, sent
	 * twice or never), but named anew, so its pins are known as another run's and not made again.
	 */
	@Test
	void rowsNumberedWithoutExcelsSeparatorLineAreAnotherRunThanEarlierVersionsNumbering() throws IOException {
		Path input = Files.writeString(dir.resolve("pins.csv"), "sep=;\ntitle;board\nA;Kitchen\n",
				StandardCharsets.UTF_8);

		String numberedAsExcelShows = RequestedInputs.runKey(input, check(true), RunRequest.of(input));
		String numberedAsBefore = RequestedInputs.runKey(input, check(false), RunRequest.of(input));

		assertThat(numberedAsExcelShows).isNotEqualTo(numberedAsBefore);
		assertThat(RequestedInputs.runKey(input, check(true), RunRequest.of(input))).isEqualTo(numberedAsExcelShows);
	}

	private static InputInspector.Check check(boolean separatorLineHidden) {
		return new InputInspector.Check(1, List.of(), null, "UTF-8", separatorLineHidden);
	}
}

package com.pinbatch.console;

import java.nio.file.Path;
import java.time.Instant;

import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A running send's rows as its page lists them. */
class LiveRowTests {

	/** Before: the live table told a console user to "run again with --retry-failed=<this result file>". */
	@Test
	void aFailedRowsAdviceIsTheConsolesOwn() {
		Upload upload = new Upload("u1", "maria", Path.of("/srv/uploads/u1/pins.csv"), "pins.csv", Instant.EPOCH, null, null, null,
				null, null, null, null, false, false);
		RowResult failed = new RowResult(7, RowStatus.FAILED, null, null, "media_url_unreachable",
				"media_url: the image could not be fetched; fix the row, then run again with"
						+ " --retry-failed=<this result file>", 1, "r7", Instant.EPOCH);

		LiveRow row = LiveRow.of(failed, upload);

		assertThat(row.errorMessage()).doesNotContain("run again with --retry-failed")
			.contains("upload the result file again with 'This is a corrected result file' ticked");
		assertThat(row.rowNumber()).isEqualTo(7);
		assertThat(row.status()).isEqualTo("FAILED");
	}
}

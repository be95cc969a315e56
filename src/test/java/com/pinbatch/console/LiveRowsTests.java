package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.result.RowStatus;
import com.pinbatch.schema.PinbatchSchema;

import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;

/** The rows a running send is at, from the job's stored outcomes, as the watch page shows them live. */
class LiveRowsTests {

	@Test
	void theWindowFollowsTheSendingThroughTheFile() {
		// given: rows 2 to 101 of a file have an outcome stored (row 1 is the header)
		JDBCDataSource dataSource = new JDBCDataSource();
		dataSource.setUrl("jdbc:hsqldb:mem:liverows" + System.nanoTime());
		dataSource.setUser("SA");
		PinbatchSchema.migrate(dataSource);
		RowResultStore store = new RowResultStore(dataSource);
		for (long row = 2; row <= 101; row++) {
			store.save("k", new RowResult(row, RowStatus.PUBLISHED, "p" + row, "https://www.pinterest.com/pin/" + row + "/",
					null, null, 1, "r" + row, Instant.EPOCH));
		}
		LiveRows live = new LiveRows(store);

		// when / then: 50 rows done shows the rows around row 51, the last one done
		assertThat(live.around("k", 50)).extracting(RowResult::rowNumber)
			.hasSize(LiveRows.WINDOW)
			.contains(51L, 52L)
			.isSorted();
		assertThat(live.around("k", 0)).extracting(RowResult::rowNumber).startsWith(2L);
		assertThat(live.around("k", 100)).extracting(RowResult::rowNumber).endsWith(101L);
		assertThat(live.around("k", 50).get(0).pinUrl()).startsWith("https://www.pinterest.com/pin/");
		assertThat(live.around(null, 50)).as("before the job started").isEmpty();
	}
}

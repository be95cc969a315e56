package com.pinbatch.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;
import com.pinbatch.schema.PinbatchSchema;

import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result file rebuilt from the input and the stored outcomes: every row once, in input order. */
class ResultFileBuilderTests {

	@TempDir
	Path dir;

	@Test
	void rowsWithoutAnOutcomeArePendingAndAResultFileSortedByTheUserStillMatchesItsRows() throws IOException {
		// given: outcomes for rows 2 and 4; row 3 was sent but never answered; the input's rows are out of order
		JDBCDataSource dataSource = new JDBCDataSource();
		dataSource.setUrl("jdbc:hsqldb:mem:resultfile" + System.nanoTime());
		dataSource.setUser("SA");
		PinbatchSchema.migrate(dataSource);
		RowResultStore store = new RowResultStore(dataSource);
		store.save("k", new RowResult(2, RowStatus.CREATED, "p2", null, null, 1, "r2", Instant.EPOCH));
		store.save("k", new RowResult(4, RowStatus.FAILED, null, "rate_limited", "later", 6, "r4", Instant.EPOCH));
		store.markSent("k", 3, "r3", Instant.EPOCH, null);
		Path input = Files.writeString(dir.resolve("sorted.csv"), """
				title,row,status,post_id,error_code,error_message,attempts,request_id,finished_at
				Four,4,FAILED,,rate_limited,,6,r4,
				Two,2,CREATED,p2,,,1,r2,
				Three,3,PENDING,,,,,,
				Five,5,PENDING,,,,,,
				""", StandardCharsets.UTF_8);
		Path results = dir.resolve("out.csv");

		// when
		StatusTally tally = new ResultFileBuilder(store).write(input, InputOptions.defaults(), "k", results, true,
				false);

		// then
		List<String> lines = new ArrayList<>();
		try (RowSource source = RowSources.open(results, InputOptions.defaults())) {
			for (InputRow row = source.next(); row != null; row = source.next()) {
				lines.add(row.rowNumber() + " " + row.value(0) + " " + row.prior().status() + " " + row.prior().postId()
						+ " " + row.prior().requestId());
			}
		}
		assertThat(lines).containsExactly("4 Four FAILED null r4", "2 Two CREATED p2 r2", "3 Three PENDING null r3",
				"5 Five PENDING null null");
		assertThat(tally.count(RowStatus.PENDING)).isEqualTo(2);
		assertThat(dir.resolve(".out.csv.partial.csv")).doesNotExist();
	}
}

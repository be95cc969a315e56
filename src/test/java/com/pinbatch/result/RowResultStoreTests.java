package com.pinbatch.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The row outcome table, including one created by an earlier version without the ACCOUNT column. */
class RowResultStoreTests {

	@Test
	void anOlderTableGetsTheAccountColumnAndKeepsItsRows() {
		// given a table as the previous version created it, with one stored outcome
		JDBCDataSource dataSource = new JDBCDataSource();
		dataSource.setUrl("jdbc:hsqldb:mem:rowresults" + System.nanoTime());
		dataSource.setUser("SA");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("""
				CREATE TABLE PINBATCH_ROW_RESULT (RUN_KEY VARCHAR(64) NOT NULL, ROW_NUMBER BIGINT NOT NULL,
				  STATUS VARCHAR(16) NOT NULL, POST_ID VARCHAR(100), ERROR_CODE VARCHAR(100),
				  ERROR_MESSAGE VARCHAR(4000), ATTEMPTS INT NOT NULL, REQUEST_ID VARCHAR(64), FINISHED_AT_MS BIGINT,
				  PRIMARY KEY (RUN_KEY, ROW_NUMBER))""");
		jdbc.update("INSERT INTO PINBATCH_ROW_RESULT VALUES ('k', 2, 'CREATED', 'p1', NULL, NULL, 1, 'r', 0)");
		RowResultStore store = new RowResultStore(dataSource);

		// when
		store.createTableIfMissing();
		store.createTableIfMissing();
		store.save("k", new RowResult(3, RowStatus.CREATED, "p2", null, null, 1, "r3", Instant.now()), "acme-home");
		store.save("k", new RowResult(4, RowStatus.FAILED, null, "rate_limited", "m", 6, "r4", Instant.now()),
				"acme-home");

		// then
		assertThat(store.countByStatus("k")).containsEntry(RowStatus.CREATED, 2L);
		assertThat(store.countByAccount("k")).isEqualTo(
				Map.of("acme-home", Map.of(RowStatus.CREATED, 1L, RowStatus.FAILED, 1L)));
		assertThat(store.delete(java.util.List.of("k"))).isEqualTo(3);
	}
}

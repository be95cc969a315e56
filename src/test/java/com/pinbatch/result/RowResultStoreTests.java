package com.pinbatch.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.pinbatch.schema.PinbatchSchema;

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

		// when: pinbatch starts on it (twice: the second start finds everything in place)
		PinbatchSchema.migrate(dataSource);
		PinbatchSchema.migrate(dataSource);
		store.save("k", new RowResult(3, RowStatus.CREATED, "p2", null, null, 1, "r3", Instant.now()), "acme-home");
		store.save("k", new RowResult(4, RowStatus.FAILED, null, "rate_limited", "m", 6, "r4", Instant.now()),
				"acme-home");

		// then
		assertThat(store.countByStatus("k")).containsEntry(RowStatus.CREATED, 2L);
		assertThat(store.countByAccount("k")).isEqualTo(
				Map.of("acme-home", Map.of(RowStatus.CREATED, 1L, RowStatus.FAILED, 1L)));
		assertThat(store.delete(java.util.List.of("k"))).isEqualTo(3);
	}

	@Test
	void aPostsPublishRetriesKeepTheirGreatestCountAndGoWithTheirRunsWhenPruned() {
		publishRetriesKeepTheirGreatestCount(newStore());
	}

	/** The same on any database (PostgreSQL's statement is another). */
	static void publishRetriesKeepTheirGreatestCount(RowResultStore store) {
		// given
		store.save("k", new RowResult(1, RowStatus.CREATED, "p1", null, null, 1, "r1", Instant.EPOCH));
		store.save("other", new RowResult(1, RowStatus.CREATED, "p2", null, null, 1, "o1", Instant.EPOCH));

		// when
		store.publishRetried("p1", 1, Instant.EPOCH);
		store.publishRetried("p1", 2, Instant.EPOCH);
		store.publishRetried("p1", 1, Instant.EPOCH); // a follow-up that began before the second retry
		store.publishRetried("p2", 1, Instant.EPOCH);

		// then
		assertThat(store.publishRetries(List.of("p1", "p2", "p3"))).isEqualTo(Map.of("p1", 2, "p2", 1));
		store.delete(List.of("k"));
		assertThat(store.publishRetries(List.of("p1", "p2"))).isEqualTo(Map.of("p2", 1));
	}

	@Test
	void findAnswersExactlyTheAskedRowsWhetherTheyAreConsecutiveOrScattered() {
		// given outcomes for rows 1..3000, every third row sent and never answered
		RowResultStore store = newStore();
		List<RowResultStore.Outcome> outcomes = new ArrayList<>();
		for (long row = 1; row <= 3000; row++) {
			outcomes.add(new RowResultStore.Outcome(row % 3 == 0 ? RowResult.pending(row)
					: new RowResult(row, RowStatus.CREATED, "p" + row, null, null, 1, "r" + row, Instant.EPOCH),
					"acme-home", "acc_1"));
		}
		store.saveAll("k", outcomes);
		store.markSent("k", 3, "r3", Instant.ofEpochSecond(30), null);
		store.markSent("k", 2998, "r2998", Instant.ofEpochSecond(40), null);
		store.save("other", new RowResult(5, RowStatus.FAILED, null, "x", "m", 1, "o5", Instant.EPOCH));

		// then: a chunk's consecutive rows (one range), rows far apart (one by one), rows never stored
		assertThat(store.find("k", List.of(4L, 5L, 6L, 7L)).keySet()).containsExactlyInAnyOrder(4L, 5L, 6L, 7L);
		assertThat(store.find("k", List.of(5L, 7L)).keySet()).containsExactlyInAnyOrder(5L, 7L);
		Map<Long, RowResult> scattered = store.find("k", List.of(2L, 1501L, 2999L, 5000L));
		assertThat(scattered.keySet()).containsExactlyInAnyOrder(2L, 1501L, 2999L);
		assertThat(scattered.get(1501L).postId()).isEqualTo("p1501");
		assertThat(store.find("other", List.of(5L)).get(5L).errorCode()).isEqualTo("x");
		assertThat(store.sentWithoutAnswer("k", List.of(2L, 3L, 4L, 2998L)))
			.isEqualTo(Map.of(3L, Instant.ofEpochSecond(30), 2998L, Instant.ofEpochSecond(40)));
		assertThat(store.range("k", 2999, 3005)).extracting(RowResult::rowNumber).containsExactly(2999L, 3000L);
	}

	@Test
	void savingAgainUpdatesTheRowAndKeepsItsAccountWhenNoneIsGiven() {
		RowResultStore store = newStore();
		store.saveAll("k", List.of(
				new RowResultStore.Outcome(new RowResult(1, RowStatus.CREATED, "p1", null, null, 1, "r1", Instant.EPOCH),
						"acme-home", "acc_1"),
				new RowResultStore.Outcome(RowResult.pending(2), null, null)));

		store.saveAll("k", List.of(new RowResultStore.Outcome(
				new RowResult(1, RowStatus.FAILED, "p1", "publish_failed", "m", 2, "r1", Instant.EPOCH), null, null),
				new RowResultStore.Outcome(RowResult.pending(3), null, null)));

		assertThat(store.range("k", 1, 3)).extracting(RowResult::status)
			.containsExactly(RowStatus.FAILED, RowStatus.PENDING, RowStatus.PENDING);
		assertThat(store.countByAccount("k")).isEqualTo(Map.of("acme-home", Map.of(RowStatus.FAILED, 1L)));
	}

	@Test
	void aPinAnotherRunPutOnZernioIsFoundByItsIdentityUntilItsRunIsDeleted() {
		// given: three pins sent to Zernio by last night's run (one published, one refused by Pinterest, one never
		// answered), and one to the sandbox
		RowResultStore store = newStore();
		PinKey published = new PinKey("0123456789abcdef0123456789abcdef", "zernio");
		PinKey refused = new PinKey("fedcba9876543210fedcba9876543210", "zernio");
		PinKey unanswered = new PinKey("00000000000000010000000000000001", "zernio");
		PinKey onTheSandbox = new PinKey("11111111111111111111111111111111", "sandbox");
		store.markSent("night", 2, "r2", Instant.ofEpochSecond(100), published);
		store.markSent("night", 3, "r3", Instant.ofEpochSecond(101), refused);
		store.markSent("night", 4, "r4", Instant.ofEpochSecond(102), unanswered);
		store.markSent("night", 5, "r5", Instant.ofEpochSecond(103), onTheSandbox);
		store.save("night", new RowResult(2, RowStatus.PUBLISHED, "p2", "https://www.pinterest.com/pin/2/", null, null,
				1, "r2", Instant.ofEpochSecond(110)));
		store.save("night", new RowResult(3, RowStatus.FAILED, "p3", "publish_invalid_image", "m", 1, "r3",
				Instant.ofEpochSecond(111)));
		store.save("night", new RowResult(5, RowStatus.CREATED, "p5", null, null, 1, "r5", Instant.ofEpochSecond(113)));

		// then: only the pin on Zernio and not refused counts, for another run
		assertThat(store.pinsOnZernio("zernio", "tonight").toArray()).containsExactly(published.prefix());
		assertThat(store.pinsOnZernio("sandbox", "tonight").toArray()).containsExactly(onTheSandbox.prefix());
		assertThat(store.pinsOnZernio("zernio", "night").toArray()).as("its own run").isEmpty();
		assertThat(store.earlierPin(published, "tonight")).hasValueSatisfying(earlier -> {
			assertThat(earlier.runKey()).isEqualTo("night");
			assertThat(earlier.result().postId()).isEqualTo("p2");
			assertThat(earlier.result().pinUrl()).isEqualTo("https://www.pinterest.com/pin/2/");
			assertThat(earlier.sentAt()).isEqualTo(Instant.ofEpochSecond(100));
		});
		assertThat(store.earlierPin(published, "night")).as("its own run").isEmpty();
		assertThat(store.earlierPin(new PinKey(published.identity(), "sandbox"), "tonight")).isEmpty();
		assertThat(store.earlierPin(refused, "tonight")).isEmpty();
		assertThat(store.earlierPin(unanswered, "tonight")).isEmpty();
		// but the send that was never answered may have created its pin: a later run looks for it first
		assertThat(store.pinsSentWithoutAnswer("zernio", "tonight", Set.of("outcome_unknown")))
			.isEqualTo(Map.of(unanswered.identity(), Instant.ofEpochSecond(102)));
		store.save("night", new RowResult(4, RowStatus.FAILED, null, "outcome_unknown", "m", 3, "r4",
				Instant.ofEpochSecond(112)));
		assertThat(store.pinsSentWithoutAnswer("zernio", "tonight", Set.of("outcome_unknown")))
			.isEqualTo(Map.of(unanswered.identity(), Instant.ofEpochSecond(102)));
		assertThat(store.pinsSentWithoutAnswer("zernio", "night", Set.of("outcome_unknown"))).as("its own run")
			.isEmpty();
		// and a pruned run is forgotten
		store.delete(List.of("night"));
		assertThat(store.pinsOnZernio("zernio", "tonight").isEmpty()).isTrue();
		assertThat(store.earlierPin(published, "tonight")).isEmpty();
		assertThat(store.pinsSentWithoutAnswer("zernio", "tonight", Set.of("outcome_unknown"))).isEmpty();
	}

	@Test
	void thePostZernioNamesIsTracedToTheRowThatSentItWhateverThatRowsPinWas() {
		// given: last night's row 2 sent post p2 to Zernio; row 3 carried it over without sending; the sandbox has
		// a post of the same id
		RowResultStore store = newStore();
		store.markSent("night", 2, "r2", Instant.ofEpochSecond(100),
				new PinKey("0123456789abcdef0123456789abcdef", "zernio"));
		store.save("night", new RowResult(2, RowStatus.SCHEDULED, "p2", null, null, 1, "r2",
				Instant.ofEpochSecond(110)));
		store.save("night", new RowResult(3, RowStatus.DUPLICATE, "p2", null, "carried", 0, null,
				Instant.ofEpochSecond(111)));
		store.markSent("sandbox-run", 7, "r7", Instant.ofEpochSecond(200),
				new PinKey("11111111111111111111111111111111", "sandbox"));
		store.save("sandbox-run", new RowResult(7, RowStatus.CREATED, "p2", null, null, 1, "r7",
				Instant.ofEpochSecond(210)));

		// then
		assertThat(store.senderOf("p2", "zernio")).hasValueSatisfying(sender -> {
			assertThat(sender.runKey()).isEqualTo("night");
			assertThat(sender.result().rowNumber()).isEqualTo(2);
			assertThat(sender.sentAt()).isEqualTo(Instant.ofEpochSecond(100));
		});
		assertThat(store.senderOf("p2", "sandbox")).hasValueSatisfying(
				sender -> assertThat(sender.runKey()).isEqualTo("sandbox-run"));
		assertThat(store.senderOf("p9", "zernio")).isEmpty();
	}

	private static RowResultStore newStore() {
		JDBCDataSource dataSource = new JDBCDataSource();
		dataSource.setUrl("jdbc:hsqldb:mem:rowresults" + System.nanoTime());
		dataSource.setUser("SA");
		PinbatchSchema.migrate(dataSource);
		return new RowResultStore(dataSource);
	}
}

package com.pinbatch.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.pinbatch.result.PinKey;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.result.RowStatus;
import com.pinbatch.schema.PinbatchSchema;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Benchmark (not a test): what remembering earlier runs' pins costs a run as the job repository grows (a nightly
 * sheet run for a year without pruning holds hundreds of thousands of rows). For each size, two file repositories
 * under {@code target/bench} holding that many rows (a thousand a run; of the sent ones nine in ten on Zernio, the rest
 * refused or unanswered): every row sent (a new file each night), and one row in ten (a growing sheet, whose every run
 * stores all its rows again). Then the look-ups a run makes when it starts (the pins on Zernio, the sends without an
 * answer) and those of a row that matches (a thousand of them). Prints one line each.
 *
 * <p>Usage: {@code java -Xmx256m -cp ... com.pinbatch.bench.BenchEarlierPins SIZE...}
 */
public final class BenchEarlierPins {

	private static final int ROWS_PER_RUN = 1000;

	private BenchEarlierPins() {
	}

	public static void main(String[] args) {
		for (String size : args) {
			measure(Integer.parseInt(size), 1);
			measure(Integer.parseInt(size), 10);
		}
	}

	/** @param sentEvery one row in this many was sent (the others were carried over) */
	private static void measure(int size, int sentEvery) {
		// the run's table settings (rows on disk, a cache of them in memory); one connection, as the run's pool keeps
		// them open: a file database closed with its last connection would be opened again by every query
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:hsqldb:file:"
				+ Path.of("target/bench/earlier-pins-" + size + "-" + System.nanoTime(), "jobrepo")
				+ ";hsqldb.tx=mvcc;hsqldb.default_table_type=cached;hsqldb.cache_size=100000", "SA", "", true);
		PinbatchSchema.migrate(dataSource);
		RowResultStore store = new RowResultStore(dataSource);
		Random random = new Random(size);
		List<PinKey> matching = new ArrayList<>();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		List<Object[]> rows = new ArrayList<>();
		for (int row = 0; row < size; row++) {
			String identity = HexFormat.of().formatHex(longs(random.nextLong(), random.nextLong()));
			int fate = random.nextInt(10);
			String status = fate < 9 ? "PUBLISHED" : fate == 9 && row / sentEvery % 2 == 0 ? "FAILED" : "PENDING";
			boolean sent = row % sentEvery == 0;
			rows.add(new Object[] { "run-" + row / ROWS_PER_RUN, (long) row % ROWS_PER_RUN + 2, status,
					status.equals("PENDING") ? null : "post-" + row, 1, (long) row, sent ? identity : null,
					sent ? "zernio" : null });
			if (matching.size() < 1000 && status.equals("PUBLISHED") && sent) {
				matching.add(new PinKey(identity, "zernio"));
			}
			if (rows.size() == 10_000 || row == size - 1) {
				jdbc.batchUpdate("INSERT INTO PINBATCH_ROW_RESULT (RUN_KEY, ROW_NUMBER, STATUS, POST_ID, ATTEMPTS,"
						+ " SENT_AT_MS, PIN_KEY, PIN_TARGET) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
				rows.clear();
			}
		}
		store.save("warm-up", new RowResult(2, RowStatus.CREATED, "p", null, null, 1, "r", Instant.now()));
		store.pinsOnZernio("zernio", "tonight");

		long start = System.nanoTime();
		int onZernio = store.pinsOnZernio("zernio", "tonight").size();
		double setSeconds = (System.nanoTime() - start) / 1e9;
		start = System.nanoTime();
		int unanswered = store.pinsSentWithoutAnswer("zernio", "tonight", Set.of("outcome_unknown")).size();
		double unansweredSeconds = (System.nanoTime() - start) / 1e9;
		start = System.nanoTime();
		long found = matching.stream().filter(pin -> store.earlierPin(pin, "tonight").isPresent()).count();
		double perMatch = matching.isEmpty() ? 0 : (System.nanoTime() - start) / 1e3 / matching.size();
		System.out.printf("repository rows=%d sent=1/%d pins_on_zernio=%d (%.2f s) sent_without_answer=%d (%.2f s)"
				+ " matches=%d of %d, %.0f us each%n", size, sentEvery, onZernio, setSeconds, unanswered,
				unansweredSeconds, found, matching.size(), perMatch);
		System.out.flush();
		dataSource.destroy();
	}

	private static byte[] longs(long high, long low) {
		byte[] bytes = new byte[16];
		for (int i = 0; i < 8; i++) {
			bytes[i] = (byte) (high >>> (56 - 8 * i));
			bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
		}
		return bytes;
	}
}

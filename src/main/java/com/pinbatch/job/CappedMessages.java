package com.pinbatch.job;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.pinbatch.pin.RowPairs;
import com.pinbatch.plan.CapacityPlan;

/**
 * What the rows a dry run finds beyond their account's cap say, kept in the job's execution context as each distinct
 * refusal with its rows (sorted): a million rows over one account's cap share a handful of refusals, so the context
 * stays small, and a row's is found by binary search, never a map of a million entries. A scheduled row's message
 * names its own publish time, so those are kept by account and cap and the message is made for the row when asked:
 * kept by message, 200,000 dated rows over a cap made as many entries, searched one by one for every row, and the
 * dry run ran out of memory.
 */
final class CappedMessages {

	/** Starts the key of scheduled rows' refusals: account and cap follow, separated by {@link #SEPARATOR}. */
	private static final String SCHEDULED = "scheduled\u001f";

	private static final String SEPARATOR = "\u001f";

	static final CappedMessages NONE = new CappedMessages(Map.of());

	private final Map<String, RowPairs> rowsByMessage;

	private CappedMessages(Map<String, RowPairs> rowsByMessage) {
		this.rowsByMessage = rowsByMessage;
	}

	/** The form stored in the execution context: each message with its rows, packed ({@link RowPairs#packed()}). */
	static HashMap<String, byte[]> stored(Map<Long, CapacityPlan.CappedRow> capped) {
		Map<String, long[]> growing = new LinkedHashMap<>();
		Map<String, Integer> sizes = new HashMap<>();
		// rows refused alike in a row share one refusal: its message is made once for them, not once per row
		CapacityPlan.CappedRow[] last = { null };
		String[] lastMessage = { null };
		capped.forEach((row, refusal) -> {
			if (refusal != last[0]) {
				last[0] = refusal;
				lastMessage[0] = refusal.publishAt() == null ? refusal.message()
						: SCHEDULED + refusal.account() + SEPARATOR + refusal.cap();
			}
			String message = lastMessage[0];
			long[] rows = growing.computeIfAbsent(message, key -> new long[4]);
			int size = sizes.merge(message, 1, Integer::sum);
			if (size > rows.length) {
				rows = Arrays.copyOf(rows, rows.length * 2);
				growing.put(message, rows);
			}
			rows[size - 1] = row;
		});
		HashMap<String, byte[]> stored = new HashMap<>();
		growing.forEach((message, rows) -> {
			long[] exact = Arrays.copyOf(rows, sizes.get(message));
			Arrays.sort(exact);
			stored.put(message, RowPairs.ofRows(exact).packed());
		});
		return stored;
	}

	/** Reads {@link #stored} back; also the sorted arrays that versions before 2026-12-07 stored. */
	static CappedMessages of(Map<String, ?> stored) {
		if (stored == null) {
			return NONE;
		}
		Map<String, RowPairs> rowsByMessage = new HashMap<>();
		stored.forEach((message, rows) -> rowsByMessage.put(message,
				rows instanceof long[] sorted ? RowPairs.ofRows(sorted) : RowPairs.unpacked((byte[]) rows)));
		return new CappedMessages(rowsByMessage);
	}

	/** What the row says when the plan refused it, or null when it fits its account's caps. */
	String messageFor(long row, Instant publishAt) {
		for (Map.Entry<String, RowPairs> refusal : rowsByMessage.entrySet()) {
			if (refusal.getValue().contains(row)) {
				String key = refusal.getKey();
				if (!key.startsWith(SCHEDULED)) {
					return key;
				}
				String[] accountAndCap = key.substring(SCHEDULED.length()).split(SEPARATOR, 2);
				return new CapacityPlan.CappedRow(accountAndCap[0], accountAndCap[1], publishAt, null).message();
			}
		}
		return null;
	}
}

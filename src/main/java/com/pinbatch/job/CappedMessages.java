package com.pinbatch.job;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.pinbatch.plan.CapacityPlan;

/**
 * What the rows a dry run finds beyond their account's cap say, kept in the job's execution context as each distinct
 * message with its rows (sorted): a million rows over one account's cap share a handful of messages, so the context
 * stays small, and a row's message is found by binary search, never a map of a million entries.
 */
final class CappedMessages extends AbstractMap<Long, String> {

	private final Map<String, long[]> rowsByMessage;

	private CappedMessages(Map<String, long[]> rowsByMessage) {
		this.rowsByMessage = rowsByMessage;
	}

	/** The form stored in the execution context: each message with its rows, sorted. */
	static HashMap<String, long[]> stored(Map<Long, CapacityPlan.CappedRow> capped) {
		Map<String, long[]> growing = new LinkedHashMap<>();
		Map<String, Integer> sizes = new HashMap<>();
		// rows refused alike in a row share one refusal: its message is made once for them, not once per row
		CapacityPlan.CappedRow[] last = { null };
		String[] lastMessage = { null };
		capped.forEach((row, refusal) -> {
			if (refusal != last[0]) {
				last[0] = refusal;
				lastMessage[0] = refusal.message();
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
		HashMap<String, long[]> stored = new HashMap<>();
		growing.forEach((message, rows) -> {
			long[] exact = Arrays.copyOf(rows, sizes.get(message));
			Arrays.sort(exact);
			stored.put(message, exact);
		});
		return stored;
	}

	static CappedMessages of(Map<String, long[]> stored) {
		return new CappedMessages(stored == null ? Map.of() : stored);
	}

	@Override
	public String get(Object row) {
		if (!(row instanceof Long number)) {
			return null;
		}
		for (Map.Entry<String, long[]> message : rowsByMessage.entrySet()) {
			if (Arrays.binarySearch(message.getValue(), number) >= 0) {
				return message.getKey();
			}
		}
		return null;
	}

	@Override
	public boolean containsKey(Object row) {
		return get(row) != null;
	}

	@Override
	public Set<Entry<Long, String>> entrySet() {
		throw new UnsupportedOperationException("looked up by row only");
	}
}

package com.pinbatch.follow;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;

/** Rows of a followed-up result file by status, and their error codes with the first row that has each. */
public final class FollowUpTally {

	private final Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);

	private final Map<String, long[]> errorCodes = new LinkedHashMap<>();

	public void add(RowResult row) {
		counts.merge(row.status(), 1L, Long::sum);
		if (row.errorCode() != null) {
			long[] seen = errorCodes.computeIfAbsent(row.errorCode(), code -> new long[] { 0, row.rowNumber() });
			seen[0]++;
			seen[1] = Math.min(seen[1], row.rowNumber());
		}
	}

	FollowUpTally copy() {
		FollowUpTally copy = new FollowUpTally();
		copy.counts.putAll(counts);
		errorCodes.forEach((code, seen) -> copy.errorCodes.put(code, seen.clone()));
		return copy;
	}

	public Map<RowStatus, Long> counts() {
		return Map.copyOf(counts);
	}

	/** Error codes, most frequent first: {count, first row}. */
	public Map<String, long[]> errorCodes() {
		Map<String, long[]> sorted = new LinkedHashMap<>();
		errorCodes.entrySet().stream()
			.sorted((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
					: a.getKey().compareTo(b.getKey()))
			.forEach(entry -> sorted.put(entry.getKey(), entry.getValue().clone()));
		return sorted;
	}
}

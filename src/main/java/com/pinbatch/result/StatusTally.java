package com.pinbatch.result;

import java.util.EnumMap;
import java.util.Map;

/** Counts of the result file's status column. */
public class StatusTally {

	private final Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);

	public void add(RowStatus status) {
		counts.merge(status, 1L, Long::sum);
	}

	public long count(RowStatus status) {
		return counts.getOrDefault(status, 0L);
	}

	public long total() {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	/** True when some row needs the user's attention (INVALID or FAILED). */
	public boolean hasProblems() {
		return count(RowStatus.INVALID) > 0 || count(RowStatus.FAILED) > 0;
	}

	public boolean hasPending() {
		return count(RowStatus.PENDING) > 0;
	}

	public Map<RowStatus, Long> asMap() {
		return Map.copyOf(counts);
	}
}

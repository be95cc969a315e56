package com.pinbatch.result;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Counts of the result file's status column, and of its error codes. */
public class StatusTally {

	private final Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);

	/** Per error code: how many lines carry it, and the first row that does. */
	private final Map<String, long[]> errors = new HashMap<>();

	/** The result file as the user had edited it, kept beside it before it was written again; null when none was. */
	private Path editedCopy;

	/** A tally of these counts (one kept in a job's execution context, say). */
	public static StatusTally of(Map<RowStatus, Long> counts, Map<String, long[]> errorCodes) {
		StatusTally tally = new StatusTally();
		tally.counts.putAll(counts);
		errorCodes.forEach((code, seen) -> tally.errors.put(code, seen.clone()));
		return tally;
	}

	/** The copy of the edited result file kept before it was written again, if one was: its fixes are there. */
	public Optional<Path> editedCopy() {
		return Optional.ofNullable(editedCopy);
	}

	void keptEditedAs(Path copy) {
		editedCopy = copy;
	}

	/** Counts one line of the result file. */
	public void add(RowResult line) {
		add(line.status());
		if (line.errorCode() != null) {
			long[] seen = errors.computeIfAbsent(line.errorCode(), code -> new long[] { 0, line.rowNumber() });
			seen[0]++;
			seen[1] = Math.min(seen[1], line.rowNumber());
		}
	}

	public void add(RowStatus status) {
		add(status, 1);
	}

	/** Counts {@code lines} lines of that status. */
	public void add(RowStatus status, long lines) {
		if (lines > 0) {
			counts.merge(status, lines, Long::sum);
		}
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

	/** True when some pin is on Zernio but not known to be live yet: a follow-up may tell what became of it. */
	public boolean stillPublishing() {
		return count(RowStatus.CREATED) + count(RowStatus.DUPLICATE) > 0;
	}

	/** True when some pin's outcome on Pinterest is still to learn: still publishing, or scheduled for later. */
	public boolean outcomesToLearn() {
		return stillPublishing() || count(RowStatus.SCHEDULED) > 0;
	}

	public boolean hasPending() {
		return count(RowStatus.PENDING) > 0;
	}

	public Map<RowStatus, Long> asMap() {
		return Map.copyOf(counts);
	}

	/** Error codes, most frequent first, each with its count and the first row that has it. */
	public Map<String, long[]> errorCodes() {
		Map<String, long[]> ordered = new LinkedHashMap<>();
		errors.entrySet()
			.stream()
			.sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(entry -> -entry.getValue()[0])
				.thenComparing(Map.Entry::getKey))
			.forEach(entry -> ordered.put(entry.getKey(), entry.getValue().clone()));
		return ordered;
	}
}

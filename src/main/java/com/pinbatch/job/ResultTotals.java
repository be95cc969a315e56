package com.pinbatch.job;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.pinbatch.result.RowStatus;
import com.pinbatch.result.StatusTally;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the result file a job wrote says, kept in the job's execution context: front ends report a run from it
 * (and a history lists it) without reading the file or the stored outcomes again.
 */
public final class ResultTotals {

	static final String COUNTS = "pinbatch.result.counts";

	static final String ERROR_CODES = "pinbatch.result.errorCodes";

	static final String ROWS_WRITTEN = "pinbatch.result.rowsWritten";

	private ResultTotals() {
	}

	/**
	 * @param rowsDone rows this execution decided itself (a dry run, which stores nothing per row), or null when the
	 *                 stored outcomes say it
	 */
	static void put(ExecutionContext context, StatusTally tally, Long rowsDone) {
		HashMap<String, Long> counts = new HashMap<>();
		tally.asMap().forEach((status, count) -> counts.put(status.name(), count));
		context.put(COUNTS, counts);
		context.put(ERROR_CODES, new HashMap<>(tally.errorCodes()));
		if (rowsDone != null) {
			context.putLong(ROWS_WRITTEN, rowsDone);
		}
	}

	static void clear(ExecutionContext context) {
		context.remove(COUNTS);
		context.remove(ERROR_CODES);
		context.remove(ROWS_WRITTEN);
	}

	static boolean present(ExecutionContext context) {
		return context.containsKey(COUNTS);
	}

	/** The tally of the result file the job wrote; empty when it wrote none (it failed to, or never got there). */
	@SuppressWarnings("unchecked")
	public static Optional<StatusTally> of(ExecutionContext context) {
		if (!present(context)) {
			return Optional.empty();
		}
		Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
		((Map<String, Long>) context.get(COUNTS)).forEach((status, count) -> counts.put(RowStatus.valueOf(status), count));
		return Optional.of(StatusTally.of(counts, (Map<String, long[]>) context.get(ERROR_CODES, Map.class, Map.of())));
	}

	/** Rows a dry run decided; empty for a run whose outcomes are stored. */
	public static Optional<Long> rowsDone(ExecutionContext context) {
		return context.containsKey(ROWS_WRITTEN) ? Optional.of(context.getLong(ROWS_WRITTEN)) : Optional.empty();
	}
}

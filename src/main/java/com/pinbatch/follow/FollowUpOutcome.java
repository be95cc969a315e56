package com.pinbatch.follow;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.pinbatch.result.RowStatus;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a follow-up did, kept in its job's execution context: any front end reports it from the job repository.
 *
 * @param counts     the written result file's rows by status
 * @param errorCodes its error codes, most frequent first: {count, first row}
 * @param accounts   rows whose pin this data folder's runs sent, by account and status
 * @param followed   rows asked about
 * @param changed    rows whose line changed
 * @param lookUps    listing pages and single-post requests sent
 * @param retries    {@code POST /v1/posts/{id}/retry} requests sent
 */
public record FollowUpOutcome(Map<RowStatus, Long> counts, Map<String, long[]> errorCodes,
		Map<String, Map<RowStatus, Long>> accounts, int followed, int changed, int lookUps, int retries) {

	private static final String PREFIX = "pinbatch.followUp.";

	private static final String COUNTS = PREFIX + "counts";

	private static final String ERROR_CODES = PREFIX + "errorCodes";

	private static final String ACCOUNTS = PREFIX + "accounts";

	private static final String FOLLOWED = PREFIX + "followed";

	private static final String CHANGED = PREFIX + "changed";

	private static final String LOOK_UPS = PREFIX + "lookUps";

	private static final String RETRIES = PREFIX + "retries";

	/** Kept as plain maps of names, as a run's result totals are. */
	void putInto(ExecutionContext context) {
		context.put(COUNTS, named(counts));
		context.put(ERROR_CODES, new LinkedHashMap<>(errorCodes));
		HashMap<String, HashMap<String, Long>> byAccount = new HashMap<>();
		accounts.forEach((account, statuses) -> byAccount.put(account, named(statuses)));
		context.put(ACCOUNTS, byAccount);
		context.putInt(FOLLOWED, followed);
		context.putInt(CHANGED, changed);
		context.putInt(LOOK_UPS, lookUps);
		context.putInt(RETRIES, retries);
	}

	/** The outcome a follow-up job kept; empty when it did not get to the end. */
	@SuppressWarnings("unchecked")
	public static Optional<FollowUpOutcome> of(ExecutionContext context) {
		if (!context.containsKey(COUNTS)) {
			return Optional.empty();
		}
		Map<String, Map<RowStatus, Long>> accounts = new TreeMap<>();
		((Map<String, Map<String, Long>>) context.get(ACCOUNTS, Map.class, Map.of()))
			.forEach((account, statuses) -> accounts.put(account, statuses(statuses)));
		return Optional.of(new FollowUpOutcome(statuses((Map<String, Long>) context.get(COUNTS)),
				(Map<String, long[]>) context.get(ERROR_CODES, Map.class, Map.of()), accounts,
				context.getInt(FOLLOWED), context.getInt(CHANGED), context.getInt(LOOK_UPS),
				context.getInt(RETRIES)));
	}

	private static HashMap<String, Long> named(Map<RowStatus, Long> counts) {
		HashMap<String, Long> named = new HashMap<>();
		counts.forEach((status, count) -> named.put(status.name(), count));
		return named;
	}

	private static Map<RowStatus, Long> statuses(Map<String, Long> named) {
		Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
		named.forEach((status, count) -> counts.put(RowStatus.valueOf(status), count));
		return counts;
	}
}

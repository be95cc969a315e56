package com.pinbatch.follow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.result.RowStatus;

/**
 * The rows of a followed-up result file by the account their pin went to, for the summary's "by account" lines as a
 * run prints them. The file names no account of its own (a row may name none: its board tells), so each post's is the
 * one the runs of this data folder stored; a pin sent from elsewhere, or a row without a pin, is left out. The file is
 * read in batches, so memory stays flat.
 */
final class PinsByAccount {

	/** Posts asked about per query. */
	private static final int BATCH = 500;

	private PinsByAccount() {
	}

	static Map<String, Map<RowStatus, Long>> of(Path resultFile, RowResultStore store) {
		Map<String, Map<RowStatus, Long>> accounts = new TreeMap<>();
		List<RowResult> batch = new ArrayList<>(BATCH);
		try (RowSource source = RowSources.openResultFile(resultFile, InputOptions.defaults(), "--follow-up")) {
			for (InputRow row = source.next(); row != null; row = source.next()) {
				RowResult pin = RowResult.carriedOver(row.rowNumber(), row.prior());
				if (pin.postId() != null) {
					batch.add(pin);
				}
				if (batch.size() == BATCH) {
					count(batch, store, accounts);
				}
			}
		}
		count(batch, store, accounts);
		return accounts;
	}

	private static void count(List<RowResult> batch, RowResultStore store,
			Map<String, Map<RowStatus, Long>> accounts) {
		Map<String, String> accountOfPost = store.accountsOfPosts(batch.stream().map(RowResult::postId).toList());
		for (RowResult pin : batch) {
			String account = accountOfPost.get(pin.postId());
			if (account != null) {
				accounts.computeIfAbsent(account, name -> new EnumMap<>(RowStatus.class))
					.merge(pin.status(), 1L, Long::sum);
			}
		}
		batch.clear();
	}
}

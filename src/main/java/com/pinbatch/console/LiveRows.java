package com.pinbatch.console;

import java.util.List;

import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowResultStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The rows a running send is at, as the job stores their outcomes: a window that follows the sending, so a person
 * watching sees rows turn CREATED, then PUBLISHED with their pin's link, as they go. Read by row number (the store's
 * key), so asking every second costs the same however large the file.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LiveRows {

	/** Rows shown at a time. */
	static final int WINDOW = 20;

	private final RowResultStore store;

	LiveRows(RowResultStore store) {
		this.store = store;
	}

	/**
	 * @param done rows with an outcome so far (the sends go through the file in order, a chunk at a time)
	 * @return the stored outcomes of the rows just before and at that point, in row order
	 */
	List<RowResult> around(String runKey, long done) {
		if (runKey == null) {
			return List.of();
		}
		// row numbers count the header row too: the first data row is 2 (more with a title row above the header)
		long last = done + WINDOW / 2 + 1;
		return store.range(runKey, Math.max(1, last - WINDOW + 1), last);
	}
}

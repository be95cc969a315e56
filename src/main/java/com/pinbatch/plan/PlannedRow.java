package com.pinbatch.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * What the planners need to know of one sendable row; deliberately small, since {@link SpreadPlanner} holds one per
 * row.
 *
 * @param rowNumber the spreadsheet row number a person sees
 * @param account   the account the pin goes to, as the plan prints it; one value per Zernio account
 * @param publishAt the resolved publish instant, or null for a row that publishes when sent
 */
public record PlannedRow(long rowNumber, String account, Instant publishAt) {

	public PlannedRow {
		Objects.requireNonNull(account, "account");
	}

	public boolean undated() {
		return publishAt == null;
	}
}

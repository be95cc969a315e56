package com.pinbatch.result;

/** The status column of the result file. */
public enum RowStatus {

	/** Dry run: the row would be sent. */
	VALID,
	CREATED,
	/** Zernio already had this pin; post_id names it. */
	DUPLICATE,
	/** Never sent: the row must be fixed. */
	INVALID,
	/** Sent, or could not be sent, and did not succeed. */
	FAILED,
	/** The run stopped before this row; run the same command again. */
	PENDING;

	/**
	 * A status as an earlier result file wrote it (--retry-failed): CREATED and DUPLICATE rows are on Zernio already
	 * and are carried over, never sent again.
	 */
	public static boolean isOnZernio(String statusText) {
		String status = statusText == null ? "" : statusText.trim();
		return status.equals(CREATED.name()) || status.equals(DUPLICATE.name());
	}

	/** CREATED, DUPLICATE and VALID rows need nothing more. */
	public boolean succeeded() {
		return this == CREATED || this == DUPLICATE || this == VALID;
	}
}

package com.pinbatch.result;

import java.time.Instant;

/**
 * The outcome of one input row, as the result file shows it.
 *
 * @param attempts   how many times the row was sent (0 if never)
 * @param requestId  the x-request-id used, or null if never sent
 * @param finishedAt when the outcome was decided, or null for PENDING
 */
public record RowResult(long rowNumber, RowStatus status, String postId, String errorCode, String errorMessage,
		int attempts, String requestId, Instant finishedAt) {

	public static RowResult pending(long rowNumber) {
		return new RowResult(rowNumber, RowStatus.PENDING, null, null, null, 0, null, null);
	}
}

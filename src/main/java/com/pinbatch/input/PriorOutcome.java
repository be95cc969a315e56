package com.pinbatch.input;

/**
 * The result columns of a row read back from an earlier result file (--retry-failed, --follow-up). Kept as text:
 * the reader does not judge them, the job decides which rows to send again.
 *
 * @param pinUrl       null in result files written before the column existed
 * @param publishAtUtc null in result files written before the column existed
 */
public record PriorOutcome(String status, String postId, String pinUrl, String errorCode, String errorMessage,
		String attempts, String requestId, String finishedAt, String publishAtUtc) {

	/** A row of a result file without a publish_at_utc column. */
	public PriorOutcome(String status, String postId, String pinUrl, String errorCode, String errorMessage,
			String attempts, String requestId, String finishedAt) {
		this(status, postId, pinUrl, errorCode, errorMessage, attempts, requestId, finishedAt, null);
	}

	/** A row of a result file without a pin_url column. */
	public PriorOutcome(String status, String postId, String errorCode, String errorMessage, String attempts,
			String requestId, String finishedAt) {
		this(status, postId, null, errorCode, errorMessage, attempts, requestId, finishedAt);
	}
}

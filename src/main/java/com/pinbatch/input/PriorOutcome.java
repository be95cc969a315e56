package com.pinbatch.input;

/**
 * The result columns of a row read back from an earlier result file (--retry-failed). Kept as text: the
 * reader does not judge them, the job decides which rows to send again.
 */
public record PriorOutcome(String status, String postId, String errorCode, String errorMessage, String attempts,
		String requestId, String finishedAt) {
}

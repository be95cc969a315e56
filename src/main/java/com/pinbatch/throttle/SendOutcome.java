package com.pinbatch.throttle;

import com.pinbatch.zernio.SendResult;

/**
 * What sending one row came to, after pacing and retries.
 *
 * @param last         the last answer, or null when the row was never sent (account at its cap)
 * @param attempts     how many times the row was sent
 * @param errorCode    stable snake_case code when the row did not succeed, else null
 * @param errorMessage one sentence saying what happened and how to retry, else null
 */
public record SendOutcome(SendResult last, int attempts, String errorCode, String errorMessage) {

	static SendOutcome succeeded(SendResult last, int attempts) {
		return new SendOutcome(last, attempts, null, null);
	}

	static SendOutcome failed(SendResult last, int attempts, String errorCode, String errorMessage) {
		return new SendOutcome(last, attempts, errorCode, errorMessage);
	}

	/** Zernio created the post with this send. */
	public boolean created() {
		return last instanceof SendResult.Created;
	}

	/** Zernio replayed the post an earlier attempt with the same request id created. */
	public boolean duplicate() {
		return last instanceof SendResult.Duplicate;
	}

	public boolean failed() {
		return errorCode != null;
	}

	/** The Zernio post id when created or duplicate, else null. */
	public String postId() {
		if (last instanceof SendResult.Created created) {
			return created.postId();
		}
		if (last instanceof SendResult.Duplicate duplicate) {
			return duplicate.postId();
		}
		return null;
	}
}

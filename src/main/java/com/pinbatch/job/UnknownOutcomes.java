package com.pinbatch.job;

import java.util.Set;

import com.pinbatch.result.RowStatus;
import com.pinbatch.throttle.Outcomes;

/**
 * Which failed rows may exist on Zernio all the same: their sends went unanswered or failed on Zernio's side, so
 * before such a row is sent again (a resume, a --retry-failed, days later and past Zernio's duplicate windows) its
 * post is looked for.
 */
final class UnknownOutcomes {

	/** The code pinbatch writes now, and those earlier versions wrote for the same outcome. */
	static final Set<String> CODES = Set.of(Outcomes.OUTCOME_UNKNOWN, "server_error", "timeout",
			"network_error");

	private UnknownOutcomes() {
	}

	/**
	 * A result file's PENDING line with a request id: its send went out and the run ended before the answer came
	 * (see {@link com.pinbatch.result.RowResult#asWritten}).
	 */
	static boolean sentUnanswered(String status, String requestId) {
		return status != null && status.trim().equals(RowStatus.PENDING.name()) && requestId != null
				&& !requestId.isBlank();
	}

	static boolean mayExist(String status, String errorCode) {
		return status != null && status.trim().equals(RowStatus.FAILED.name()) && errorCode != null
				&& CODES.contains(errorCode.trim());
	}
}

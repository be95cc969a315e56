package com.pinbatch.job;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;
import com.pinbatch.throttle.SendOutcome;
import com.pinbatch.zernio.SendResult;

/** Turns the outcome of sending one row into its line of the result file. */
final class OutcomeTranslator {

	private OutcomeTranslator() {
	}

	/**
	 * @param onDisconnected called when Zernio says the row's account is disconnected; returns the message to show
	 */
	static RowResult toResult(PreparedRow row, SendOutcome outcome, String requestId,
			Function<PreparedRow, String> onDisconnected) {
		SendResult last = outcome.last();
		Instant now = Instant.now();
		if (last instanceof SendResult.Created created) {
			return new RowResult(row.rowNumber(), RowStatus.CREATED, created.postId(), null, null,
					outcome.attempts(), requestId, now);
		}
		if (last instanceof SendResult.Duplicate duplicate) {
			return new RowResult(row.rowNumber(), RowStatus.DUPLICATE, duplicate.postId(), null,
					"Zernio already had this pin" + (duplicate.message() == null ? "" : ": " + duplicate.message()),
					outcome.attempts(), requestId, now);
		}
		if (last instanceof SendResult.AccountDisconnected) {
			return failed(row, outcome, requestId, "account_disconnected", onDisconnected.apply(row));
		}
		if (outcome.errorCode() != null) {
			return failed(row, outcome, requestId, outcome.errorCode(), outcome.errorMessage());
		}
		if (last instanceof SendResult.Rejected rejected) {
			return failed(row, outcome, requestId, rejectionCode(rejected),
					"Zernio rejected the pin (HTTP " + rejected.status() + "): " + rejected.message()
							+ "; fix the row and run again with --retry-failed=<this result file>");
		}
		return failed(row, outcome, requestId, "send_failed", "the pin was not created: " + last);
	}

	private static String rejectionCode(SendResult.Rejected rejected) {
		if (rejected.code() != null && !rejected.code().isBlank()) {
			return rejected.code().toLowerCase(Locale.ROOT);
		}
		return switch (rejected.status()) {
			case 403 -> "forbidden";
			case 404 -> "not_found";
			default -> "rejected_by_zernio";
		};
	}

	private static RowResult failed(PreparedRow row, SendOutcome outcome, String requestId, String code,
			String message) {
		return new RowResult(row.rowNumber(), RowStatus.FAILED, null, code, message, outcome.attempts(), requestId,
				Instant.now());
	}
}

package com.pinbatch.throttle;

import com.pinbatch.plan.CapAdvice;
import com.pinbatch.zernio.SendResult;

/** Error codes and user messages of rows that did not succeed. */
public final class Outcomes {

	static final String ACCOUNT_CAP_REACHED = CapAdvice.ERROR_CODE;
	static final String RATE_LIMITED = "rate_limited";
	static final String API_REJECTED = "api_rejected";
	/** A send went unanswered or failed on Zernio's side: the pin may have been created. */
	public static final String OUTCOME_UNKNOWN = "outcome_unknown";

	private Outcomes() {
	}

	/** The outcome of an answer that ends the row at once (success or a refusal resending cannot fix). */
	static SendOutcome finalAnswer(SendResult last, int attempts) {
		if (last instanceof SendResult.Rejected rejected) {
			return SendOutcome.failed(last, attempts, API_REJECTED, "Zernio refused this pin (HTTP " + rejected.status()
					+ codeSuffix(rejected.code()) + ": " + rejected.message() + "); fix the row, then run again with --retry-failed");
		}
		if (last instanceof SendResult.AccountRefused refused) {
			return SendOutcome.failed(last, attempts, refused.code(), "Zernio refused the Pinterest account ("
					+ refused.message() + "); set it right in Zernio, then run again with --retry-failed");
		}
		return SendOutcome.succeeded(last, attempts);
	}

	/**
	 * Every attempt met a transient failure.
	 *
	 * @param outcomeUnknown whether an attempt went unanswered or failed with a 5xx: Zernio may have created the pin
	 */
	static SendOutcome exhausted(SendResult last, int attempts, boolean outcomeUnknown) {
		if (outcomeUnknown) {
			return SendOutcome.failed(last, attempts, OUTCOME_UNKNOWN, "it is not known whether Zernio created this"
					+ " pin (" + attempts + " attempts, the last: " + describe(last) + "): the pin may exist on Zernio;"
					+ " run again later with --retry-failed, which looks for it on Zernio before sending it again");
		}
		return SendOutcome.failed(last, attempts, RATE_LIMITED, "Zernio still answered 429 Too Many Requests after "
				+ attempts + " attempts; this is usually temporary: run again later with --retry-failed");
	}

	/**
	 * The row's answer was lost, and its turn to be sent again came after Zernio's replay of its request id may have
	 * ended: sent again, it could be a second pin.
	 */
	static SendOutcome replayPassed(SendResult last, int attempts) {
		return SendOutcome.failed(last, attempts, OUTCOME_UNKNOWN, "it is not known whether Zernio created this pin"
				+ " (an answer was lost, and the wait to send it again, " + (last == null ? "its turn"
						: describe(last)) + ", outlasted the minutes in which Zernio answers a repeat with the pin"
				+ " it made): the pin may exist on Zernio; run again later with --retry-failed, which looks for it on"
				+ " Zernio before sending it again");
	}

	/** @param accountLabel the account's name in the message (its username) */
	static SendOutcome accountCapped(SendResult last, int attempts, AccountCaps.Refusal refusal, String accountLabel) {
		String message = refusal.slot() != null ? CapAdvice.scheduled(accountLabel, refusal.why())
				: CapAdvice.immediate(accountLabel, refusal.why(), refusal.freesAt());
		return SendOutcome.failed(last, attempts, ACCOUNT_CAP_REACHED, message);
	}

	/** A short description of a failed answer, e.g. {@code HTTP 503 (Service Unavailable)}. */
	static String describe(SendResult result) {
		if (result instanceof SendResult.ServerError error) {
			return "HTTP " + error.status() + " (" + error.message() + ")";
		}
		if (result instanceof SendResult.NoAnswer noAnswer) {
			return (noAnswer.timeout() ? "no answer in time" : "no connection") + " (" + noAnswer.message() + ")";
		}
		if (result instanceof SendResult.RateLimited limited) {
			return "HTTP 429 (" + limited.message() + ")";
		}
		return result.getClass().getSimpleName();
	}

	private static String codeSuffix(String code) {
		return code == null || code.isBlank() ? "" : " " + code;
	}
}

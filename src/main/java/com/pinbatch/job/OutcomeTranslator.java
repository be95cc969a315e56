package com.pinbatch.job;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.pinbatch.follow.PostOutcomes;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;
import com.pinbatch.throttle.SendOutcome;
import com.pinbatch.zernio.SendResult;

/** Turns the outcome of sending one row into its line of the result file. */
final class OutcomeTranslator {

	/** A 409 for content Zernio already has from something other than this row. */
	static final String DUPLICATE_CONTENT = "duplicate_content";

	private OutcomeTranslator() {
	}

	/**
	 * @param onDisconnected called when Zernio says the row's account is disconnected; returns the message to show
	 * @param whosePin       for a post Zernio names as having this row's content: how pinbatch created it for this very
	 *                       pin, as the row's message says it (an earlier attempt whose answer was lost, another run of
	 *                       the same pin); null when it did not
	 * @param senderOf       for a post Zernio names as having this row's content that is not this pin: which run and
	 *                       row of this job repository sent it, as the row's message says it, if one did
	 */
	static RowResult toResult(PreparedRow row, SendOutcome outcome, String requestId,
			BiFunction<PreparedRow, SendResult.AccountRefused, String> onAccountRefused,
			Function<String, String> whosePin,
			Function<String, Optional<String>> senderOf) {
		SendResult last = outcome.last();
		Instant now = Instant.now();
		if (last instanceof SendResult.Created created) {
			// the answer may already say that the pin is live, scheduled or refused
			return PostOutcomes.apply(new RowResult(row.rowNumber(), RowStatus.CREATED, created.postId(), null, null,
					outcome.attempts(), requestId, now), created.state(), 0, now);
		}
		if (last instanceof SendResult.Duplicate duplicate) {
			// the row gets the state of the post it names, when the answer shows it
			return PostOutcomes.apply(new RowResult(row.rowNumber(), RowStatus.DUPLICATE, duplicate.postId(), null,
					"Zernio already had this pin" + (duplicate.message() == null ? "" : ": " + duplicate.message()),
					outcome.attempts(), requestId, now), duplicate.state(), 0, now);
		}
		if (last instanceof SendResult.ContentExists exists) {
			return contentExists(row, outcome, requestId, exists, whosePin, senderOf);
		}
		if (last instanceof SendResult.AccountRefused refused) {
			return failed(row, outcome, requestId, refused.code(), onAccountRefused.apply(row, refused));
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

	/**
	 * A 409 is this row's own pin only when pinbatch created the existing post for this pin; otherwise the row's pin
	 * was never created, and calling it DUPLICATE would report success for a pin that does not exist.
	 */
	private static RowResult contentExists(PreparedRow row, SendOutcome outcome, String requestId,
			SendResult.ContentExists exists, Function<String, String> whosePin,
			Function<String, Optional<String>> senderOf) {
		String postId = plainId(exists.existingPostId());
		String whose = postId == null ? null : whosePin.apply(postId);
		if (whose != null) {
			return new RowResult(row.rowNumber(), RowStatus.DUPLICATE, postId, null, "Zernio already had this pin: "
					+ whose, outcome.attempts(), requestId, Instant.now());
		}
		Optional<String> sender = postId == null ? Optional.empty() : senderOf.apply(postId);
		if (sender.isPresent()) {
			// this row as it was before (its date or the run's options changed since, say): the pin it made stays
			return failed(row, outcome, requestId, DUPLICATE_CONTENT, "Zernio already has a pin with this content for"
					+ " account " + row.accountLabel() + ": post " + postId + "; " + sender.get() + ". Zernio refuses"
					+ " the same content within 24 hours of the first, so this row's pin was not created. pinbatch"
					+ " does not move pins: if this row was changed to move that"
					+ " one (its date, say), reschedule or delete post " + postId + " in Zernio; to post it again as"
					+ " well, change its description (or its title or media), then run again with"
					+ " --retry-failed=<this result file>");
		}
		return failed(row, outcome, requestId, DUPLICATE_CONTENT, "Zernio already has a pin with this content for "
				+ "account " + row.accountLabel() + (postId == null ? "" : " (post " + postId + ")")
				+ ", made within the last 24 hours by something other than this row (another file or run, or by hand),"
				+ " so this row's pin was not created; to post it anyway, change its description (or its title or"
				+ " media), then run again with --retry-failed=<this result file>");
	}

	/** A post id as Zernio gives them; anything else from the server is not repeated to the user. */
	private static String plainId(String id) {
		return id != null && id.matches("[A-Za-z0-9_-]{1,64}") ? id : null;
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

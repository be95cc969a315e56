package com.pinbatch.result;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.pinbatch.input.PriorOutcome;

/**
 * The outcome of one input row, as the result file shows it.
 *
 * @param pinUrl     the pin on Pinterest once published, else null
 * @param attempts   how many times the row was sent (0 if never)
 * @param requestId  the x-request-id used, or null if never sent
 * @param finishedAt when the outcome was decided, or null for PENDING
 * @param publishAt  the publish instant pinbatch sent or would have sent (a date of the row, or its --spread slot),
 *                   also for a row refused for it (publish_at_in_past); null when the row publishes at once, goes to
 *                   a queue or a draft, or had no date that could be read
 */
public record RowResult(long rowNumber, RowStatus status, String postId, String pinUrl, String errorCode,
		String errorMessage, int attempts, String requestId, Instant finishedAt, Instant publishAt) {

	/** The row is a pin an earlier run made, scheduled for another time than the row now gives (not sent again). */
	public static final String PIN_MOVED = "pin_moved";

	public RowResult {
		// to the millisecond, as the job repository keeps it: a row decided at once (a dry run's) reads as one stored
		finishedAt = finishedAt == null ? null : finishedAt.truncatedTo(ChronoUnit.MILLIS);
	}

	/** An outcome without a publish instant. */
	public RowResult(long rowNumber, RowStatus status, String postId, String pinUrl, String errorCode,
			String errorMessage, int attempts, String requestId, Instant finishedAt) {
		this(rowNumber, status, postId, pinUrl, errorCode, errorMessage, attempts, requestId, finishedAt, null);
	}

	/** An outcome without a pin URL (not published, or not known to be) and without a publish instant. */
	public RowResult(long rowNumber, RowStatus status, String postId, String errorCode, String errorMessage,
			int attempts, String requestId, Instant finishedAt) {
		this(rowNumber, status, postId, null, errorCode, errorMessage, attempts, requestId, finishedAt);
	}

	/** The same outcome, its message as {@code message}. */
	public RowResult withErrorMessage(String message) {
		return new RowResult(rowNumber, status, postId, pinUrl, errorCode, message, attempts, requestId, finishedAt,
				publishAt);
	}

	/** The same outcome for a row with this publish instant (null leaves it as it is). */
	public RowResult withPublishAt(Instant instant) {
		return instant == null ? this
				: new RowResult(rowNumber, status, postId, pinUrl, errorCode, errorMessage, attempts, requestId,
						finishedAt, instant);
	}

	/**
	 * As a result file shows it: a PENDING row whose send went out (it has a request id) says so. A stop does not
	 * wait for the answers of the sends in flight, and Zernio may have made the pin.
	 */
	public RowResult asWritten() {
		if (status != RowStatus.PENDING || requestId == null || errorMessage != null) {
			return this;
		}
		return new RowResult(rowNumber, status, postId, pinUrl, errorCode, "sent to Zernio, but the run ended before"
				+ " its answer came: the next run looks for its pin on Zernio before sending it again", attempts,
				requestId, finishedAt, publishAt);
	}

	public static RowResult pending(long rowNumber) {
		return new RowResult(rowNumber, RowStatus.PENDING, null, null, null, 0, null, null);
	}

	/**
	 * The outcome an earlier result file gave the row, as it stands.
	 *
	 * @throws IllegalArgumentException when its status is not one of {@link RowStatus}
	 */
	public static RowResult carriedOver(long rowNumber, PriorOutcome prior) {
		return new RowResult(rowNumber, RowStatus.valueOf(prior.status().trim()), blankToNull(prior.postId()),
				blankToNull(prior.pinUrl()), blankToNull(prior.errorCode()), blankToNull(prior.errorMessage()), parseAttempts(prior.attempts()),
				blankToNull(prior.requestId()), parseInstant(prior.finishedAt()), parseInstant(prior.publishAtUtc()));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static int parseAttempts(String attempts) {
		try {
			return attempts == null || attempts.isBlank() ? 0 : Integer.parseInt(attempts.trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static Instant parseInstant(String value) {
		try {
			return value == null || value.isBlank() ? null : Instant.parse(value.trim());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}
}

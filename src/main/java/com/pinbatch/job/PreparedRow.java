package com.pinbatch.job;

import java.time.Instant;

import com.pinbatch.input.InputRow;
import com.pinbatch.result.PinKey;
import com.pinbatch.result.RowResult;
import com.pinbatch.zernio.CreatePostRequest;

/**
 * A row after mapping, validation and board resolution: either its outcome is already decided (invalid, dry run,
 * carried over from an earlier result file) or it carries the request to send.
 *
 * @param mayExistSince when an earlier attempt (an earlier result file's) that may have created the pin was made, so
 *                      its post is looked for before the row is sent; null when there was none
 * @param pinKey        how later runs find the pin sent, stored with the row; null for a row not sent
 * @param input         the row as read, for a writer that writes its result line at once (a dry run's); null until
 *                      {@link #from(InputRow)}
 */
public record PreparedRow(long rowNumber, RowResult decided, String accountId, String accountLabel,
		CreatePostRequest request, Instant mayExistSince, RowResult retryOf, String cellsMark, String formerCellsMark,
		PinKey pinKey, InputRow input) {

	public static PreparedRow decided(RowResult result) {
		return new PreparedRow(result.rowNumber(), result, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * A row decided without a request whose pin is on an account (carried over, another run's): the summary counts
	 * it under that account with the rows sent.
	 *
	 * @param accountLabel the account's name, or null when it is not known without asking Zernio
	 */
	public static PreparedRow decided(RowResult result, String accountLabel) {
		return new PreparedRow(result.rowNumber(), result, null, accountLabel, null, null, null, null, null, null,
				null);
	}

	public static PreparedRow toSend(long rowNumber, String accountId, String accountLabel,
			CreatePostRequest request, PinKey pinKey) {
		return new PreparedRow(rowNumber, null, accountId, accountLabel, request, null, null, null, null, pinKey, null);
	}

	/** The same row, whose earlier attempt at {@code when} may have created its pin. */
	public PreparedRow mayExistSince(Instant when) {
		return new PreparedRow(rowNumber, decided, accountId, accountLabel, request, when, retryOf, cellsMark,
				formerCellsMark, pinKey, input);
	}

	/** The same row, prepared from {@code row}. */
	public PreparedRow from(InputRow row) {
		return new PreparedRow(rowNumber, decided, accountId, accountLabel, request, mayExistSince, retryOf, cellsMark,
				formerCellsMark, pinKey, row);
	}

	/**
	 * The same row, whose pin an earlier result file says failed to publish for a passing reason: when its post
	 * still carries {@code mark} (the user did not change the row), it is published again on that post instead of
	 * being decided or sent as prepared.
	 *
	 * @param failed     the row's line in that result file (its post id, attempts and request id)
	 * @param formerMark the mark an earlier version sent for the row ({@code RowCells#formerMark})
	 */
	public PreparedRow retryingOn(RowResult failed, String mark, String formerMark) {
		return new PreparedRow(rowNumber, decided, accountId, accountLabel, request, mayExistSince, failed, mark,
				formerMark, pinKey, input);
	}

	/** The publish instant the request sends; null when it publishes at once, goes to a queue or a draft. */
	public Instant scheduledFor() {
		return request == null || request.scheduledFor() == null ? null : Instant.parse(request.scheduledFor());
	}

	public boolean isDecided() {
		return decided != null;
	}
}

package com.pinbatch.follow;

import java.time.Instant;

import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;
import com.pinbatch.zernio.PostState;

/** A row's line of the result file once Zernio says where its post stands. */
public final class PostOutcomes {

	private PostOutcomes() {
	}

	/**
	 * The row with its post's state: PUBLISHED (with the pin's URL), SCHEDULED, FAILED with a {@code publish_*}
	 * code; unchanged while the outcome is unknown.
	 *
	 * @param retriesSpent how often the post was published again on pinbatch's request
	 */
	public static RowResult apply(RowResult row, PostState state, int retriesSpent, Instant now) {
		return switch (state.phase()) {
			case PUBLISHED -> new RowResult(row.rowNumber(), RowStatus.PUBLISHED, row.postId(), state.pinUrl(), null,
					note(row), row.attempts(), row.requestId(), now);
			case SCHEDULED -> row.status() == RowStatus.SCHEDULED ? row
					: new RowResult(row.rowNumber(), RowStatus.SCHEDULED, row.postId(), null, null, note(row),
							row.attempts(), row.requestId(), now);
			case FAILED -> new RowResult(row.rowNumber(), RowStatus.FAILED, row.postId(), null,
					PublishFailure.code(state), PublishFailure.message(state, retriesSpent), row.attempts(),
					row.requestId(), now);
			case PUBLISHING, OTHER -> row;
		};
	}

	/** What the row said without an error (e.g. how its earlier post was found) stays with it once the pin is live. */
	private static String note(RowResult row) {
		return row.errorCode() == null ? row.errorMessage() : null;
	}
}

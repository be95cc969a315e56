package com.pinbatch.follow;

import java.time.Instant;
import java.util.Objects;

import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;
import com.pinbatch.zernio.PostState;
import com.pinbatch.zernio.RetryRefusedException;

/** A row's line of the result file once Zernio says where its post stands. */
public final class PostOutcomes {

	private static final String MOVED = "moved in Zernio: it publishes at ";

	private static final String DRAFTED = "a draft in Zernio: it is published once someone schedules or publishes it"
			+ " there";

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
			case SCHEDULED -> scheduled(row, state, now);
			case FAILED -> new RowResult(row.rowNumber(), RowStatus.FAILED, row.postId(), state.pinUrl(),
					PublishFailure.code(state), PublishFailure.message(state, retriesSpent), row.attempts(),
					row.requestId(), now);
			case DRAFT -> drafted(row, now);
			case PUBLISHING, OTHER -> row;
		};
	}

	/** A draft: created, and nothing to wait for until someone schedules or publishes it in Zernio. */
	private static RowResult drafted(RowResult row, Instant now) {
		if (DRAFTED.equals(row.errorMessage())) {
			return row;
		}
		return new RowResult(row.rowNumber(), row.status(), row.postId(), null, null, DRAFTED, row.attempts(),
				row.requestId(), now, row.publishAt());
	}

	/**
	 * The row with its post's state when Zernio refused to publish it again: a failed post stays FAILED with its
	 * code, saying why it was not published again and what to do; any other state as {@link #apply}.
	 */
	public static RowResult retryRefused(RowResult row, PostState state, int retriesSpent,
			RetryRefusedException refused, Instant now) {
		if (state.phase() != PostState.Phase.FAILED) {
			return apply(row, state, retriesSpent, now);
		}
		return new RowResult(row.rowNumber(), RowStatus.FAILED, row.postId(), state.pinUrl(),
				PublishFailure.code(state), PublishFailure.message(state, retriesSpent, refused), row.attempts(),
				row.requestId(), now);
	}

	/** The row as it is, saying why its post's outcome is not known (once, however often it was asked). */
	public static RowResult unreadable(RowResult row, String why) {
		String said = row.errorMessage();
		if (said != null && said.endsWith(why)) {
			return row;
		}
		return new RowResult(row.rowNumber(), row.status(), row.postId(), row.pinUrl(), row.errorCode(),
				said == null || said.isBlank() ? why : said + "; " + why, row.attempts(), row.requestId(),
				row.finishedAt(), row.publishAt());
	}

	/**
	 * A scheduled post: the row as it is, unless the post was moved in Zernio since pinbatch sent it. The row keeps
	 * the time it was sent with ({@code publish_at_utc}), and says when Zernio now publishes it.
	 */
	private static RowResult scheduled(RowResult row, PostState state, Instant now) {
		boolean moved = state.scheduledFor() != null && row.publishAt() != null
				&& !state.scheduledFor().equals(row.publishAt());
		String earlier = note(row);
		String note = moved ? MOVED + state.scheduledFor() + " (sent for " + row.publishAt() + ")"
				: earlier != null && earlier.startsWith(MOVED) ? null : earlier; // moved back since
		if (row.status() == RowStatus.SCHEDULED && Objects.equals(note, row.errorMessage())) {
			return row;
		}
		return new RowResult(row.rowNumber(), RowStatus.SCHEDULED, row.postId(), null, null, note, row.attempts(),
				row.requestId(), now, row.publishAt());
	}

	/** What the row said without an error (e.g. how its earlier post was found) stays with it once the pin is live. */
	private static String note(RowResult row) {
		return row.errorCode() == null ? row.errorMessage() : null;
	}
}

package com.pinbatch.throttle;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a row may be sent again under its {@code x-request-id} after a send whose answer was lost: Zernio answers
 * a repeat with the post it made for about 5 minutes after the first request, and takes a later one for a new post.
 *
 * @param earlierUnanswered when an earlier run sent the row without keeping the answer (a crash), or null
 * @param covers            how long after such a send a repeat is still answered with its post
 *                          ({@code pinbatch.reconcile-after}, below Zernio's 5 minutes)
 */
public record ReplayWindow(Instant earlierUnanswered, Duration covers) {

	/** The default of {@code pinbatch.reconcile-after}. */
	public static final Duration COVERS = Duration.ofMinutes(4);

	/** No earlier send: only this run's own lost answers count. */
	public static final ReplayWindow NONE = new ReplayWindow(null, COVERS);

	/** Until when a send at {@code sentAt} whose answer was lost may be repeated under the same id. */
	Instant endsAfter(Instant sentAt) {
		return sentAt.plus(covers);
	}
}

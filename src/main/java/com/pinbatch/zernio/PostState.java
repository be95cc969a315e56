package com.pinbatch.zernio;

import java.time.Instant;
import java.util.Set;

/**
 * Where a post stands on its way to Pinterest, from Zernio's {@code post.status} and its Pinterest target in
 * {@code platforms[]}.
 *
 * @param pinUrl        the pin's URL once published ({@code platformPostUrl}, kept for a pin removed since), else null
 * @param errorMessage  Pinterest's or Zernio's own words when the publish failed, as sent (not yet fit to show)
 * @param errorCategory Zernio's {@code errorCategory} ({@code user_content}, {@code platform_error}, ...), or null
 * @param errorSource   {@code user}, {@code platform} or {@code system}, or null
 * @param scheduledFor  when a scheduled post is to publish, as Zernio holds it now (moved there since it was sent,
 *                      perhaps); null when not scheduled or not readable
 */
public record PostState(String postId, Phase phase, String pinUrl, String errorMessage, String errorCategory,
		String errorSource, Instant scheduledFor) {

	public PostState(String postId, Phase phase, String pinUrl, String errorMessage, String errorCategory,
			String errorSource) {
		this(postId, phase, pinUrl, errorMessage, errorCategory, errorSource, null);
	}

	/**
	 * pinbatch's own category for a pin Pinterest no longer shows after it was published (deleted there, or taken
	 * down): Zernio marks it with {@code removedFromPlatformAt}; the error message holds that time, as Zernio gave it.
	 */
	public static final String PIN_REMOVED = "pin_removed";

	/** pinbatch's own category for a post Zernio no longer has: deleted there. */
	public static final String POST_DELETED = "post_deleted";

	/** pinbatch's own category for a post cancelled in Zernio (unpublished there, or stopped before its time). */
	public static final String POST_CANCELLED = "post_cancelled";

	/** Categories of failures that can pass on a second try of the same post (Zernio's guidance on errorCategory). */
	private static final Set<String> TRANSIENT = Set.of("platform_error", "system_error", "platform_rate_limit",
			"quota_exhausted");

	public enum Phase {
		/** Live on Pinterest. */
		PUBLISHED,
		/** Waiting for its publish time. */
		SCHEDULED,
		/** Being published; the outcome is not known yet. */
		PUBLISHING,
		/** Pinterest (or Zernio) refused it. */
		FAILED,
		/** A draft: published only once someone schedules or publishes it in Zernio; nothing to wait for. */
		DRAFT,
		/** A status this client does not know: nothing to wait for. */
		OTHER
	}

	/** A post this client knows only by its id (e.g. from a 409). */
	public static PostState unknown(String postId) {
		return new PostState(postId, Phase.PUBLISHING, null, null, null, null);
	}

	/** A post Zernio no longer has (deleted there): a failure of its row, not of the run. */
	public static PostState missing(String postId) {
		return new PostState(postId, Phase.FAILED, null, null, POST_DELETED, null);
	}

	/** The outcome is known: published, failed, or something that will not change by waiting. */
	public boolean settled() {
		return phase == Phase.PUBLISHED || phase == Phase.FAILED || phase == Phase.DRAFT || phase == Phase.OTHER;
	}

	/** A failure that may pass when the same post is published again ({@code POST /v1/posts/{id}/retry}). */
	public boolean retryable() {
		return phase == Phase.FAILED && errorCategory != null && TRANSIENT.contains(errorCategory);
	}
}

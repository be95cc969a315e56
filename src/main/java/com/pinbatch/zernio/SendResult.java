package com.pinbatch.zernio;

import java.time.Instant;

/**
 * What one {@code POST /v1/posts} attempt came to. Retrying, pacing and the result file are decided elsewhere;
 * this only classifies the answer.
 */
public sealed interface SendResult {

	RateLimitInfo rateLimit();

	/**
	 * 201.
	 *
	 * @param state where the post stands as the answer shows it (published, failed, scheduled, publishing)
	 */
	record Created(String postId, PostState state, RateLimitInfo rateLimit) implements SendResult {

		public Created(String postId, RateLimitInfo rateLimit) {
			this(postId, PostState.unknown(postId), rateLimit);
		}
	}

	/**
	 * 200 replay of the same x-request-id ({@code existingPost}): the post this very request created earlier.
	 *
	 * @param state the post's state as the replay shows it, else {@link PostState#unknown}
	 */
	record Duplicate(String postId, String message, PostState state, RateLimitInfo rateLimit) implements SendResult {

		public Duplicate(String postId, String message, RateLimitInfo rateLimit) {
			this(postId, message, PostState.unknown(postId), rateLimit);
		}
	}

	/**
	 * 409: Zernio already has this content for the account within 24 hours, as {@code existingPostId}. Whoever created
	 * that post (this row in an earlier attempt, or anything else), this send created nothing.
	 */
	record ContentExists(String existingPostId, String message, RateLimitInfo rateLimit) implements SendResult {
	}

	/** 400, 403 without a disconnected account, 404, 422 and other 4xx: this row will not succeed as it is. */
	record Rejected(int status, String code, String message, RateLimitInfo rateLimit) implements SendResult {
	}

	/**
	 * 403 naming the account: ACCOUNT_DISCONNECTED (reconnect it) or PROFILE_OVER_LIMIT (its profile is beyond the
	 * plan's): every row of this account fails the same way until the user sets it right.
	 *
	 * @param code {@link #DISCONNECTED} or {@link #OVER_LIMIT}, the rows' error code
	 */
	record AccountRefused(String code, String message, RateLimitInfo rateLimit) implements SendResult {

		public static final String DISCONNECTED = "account_disconnected";

		public static final String OVER_LIMIT = "account_over_limit";
	}

	/** 401: the key is wrong, expired or revoked; the job must stop. */
	record Unauthorized(String message, RateLimitInfo rateLimit) implements SendResult {
	}

	/**
	 * 407 from the proxy on the way (the request never reached Zernio, and no other will until the proxy lets this
	 * machine through), or a 403 refusing the key itself (a restricted key without the publishing group): no create
	 * will pass until the user fixes it; the job must stop.
	 *
	 * @param problem what to fix, naming the proxy and where it was set, or the key's missing group
	 */
	record AccessRefused(String problem) implements SendResult {

		@Override
		public RateLimitInfo rateLimit() {
			return RateLimitInfo.NONE;
		}
	}

	/** 429: throughput ceiling, account velocity or daily cap, or cooldown. */
	record RateLimited(String message, RateLimitInfo rateLimit, AccountLimit accountLimit) implements SendResult {

		public RateLimited(String message, RateLimitInfo rateLimit) {
			this(message, rateLimit, AccountLimit.NONE);
		}
	}

	/**
	 * What a 429's {@code details} say of a per-account publishing limit, read into fields (never shown as JSON).
	 *
	 * @param kind     "daily" or "hourly" as Zernio names the limit, or null
	 * @param max      the limit's number of posts, or 0 when not given
	 * @param resetsAt when Zernio says the account frees up, or null
	 */
	record AccountLimit(String kind, int max, Instant resetsAt) {

		public static final AccountLimit NONE = new AccountLimit(null, 0, null);
	}

	/** 5xx. The post may or may not exist; resending with the same x-request-id is safe. */
	record ServerError(int status, String message, RateLimitInfo rateLimit) implements SendResult {
	}

	/** No answer in time, connection refused or reset. Outcome unknown; resend with the same x-request-id. */
	record NoAnswer(boolean timeout, String message) implements SendResult {
		@Override
		public RateLimitInfo rateLimit() {
			return RateLimitInfo.NONE;
		}
	}
}

package com.pinbatch.zernio;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns Zernio's answer to {@code POST /v1/posts} into a {@link SendResult}; status first, {@code code} second. */
final class CreatePostAnswers {

	static final String ACCOUNT_DISCONNECTED = "ACCOUNT_DISCONNECTED";

	static final String PROFILE_OVER_LIMIT = "PROFILE_OVER_LIMIT";

	private CreatePostAnswers() {
	}

	static SendResult classify(ZernioAnswer answer, JsonMapper json) {
		int status = answer.status();
		JsonNode body = answer.body();
		RateLimitInfo rateLimit = answer.rateLimit();
		if (status == 200) {
			return replay(answer, json);
		}
		if (status == 409) {
			return new SendResult.ContentExists(existingPostId(body), answer.errorMessage(), rateLimit);
		}
		if (status == 401) {
			return new SendResult.Unauthorized(answer.errorMessage(), rateLimit);
		}
		if (RestrictedKey.refuses(answer)) {
			return new SendResult.AccessRefused(RestrictedKey.problem(answer));
		}
		if (status == 403 && ACCOUNT_DISCONNECTED.equals(answer.code())) {
			return new SendResult.AccountRefused(SendResult.AccountRefused.DISCONNECTED, answer.errorMessage(),
					rateLimit);
		}
		if (status == 403 && PROFILE_OVER_LIMIT.equals(answer.code())) {
			return new SendResult.AccountRefused(SendResult.AccountRefused.OVER_LIMIT, answer.errorMessage(),
					rateLimit);
		}
		if (status == 429) {
			return new SendResult.RateLimited(answer.errorMessage(), rateLimit, accountLimit(answer.body()));
		}
		if (status >= 500) {
			return new SendResult.ServerError(status, answer.errorMessage(), rateLimit);
		}
		if (status >= 200 && status < 300) {
			return created(answer, json);
		}
		return new SendResult.Rejected(status, answer.code(), answer.errorMessage(), rateLimit);
	}

	/** A repeat of an x-request-id within Zernio's window returns the original post instead of a new one. */
	private static SendResult replay(ZernioAnswer answer, JsonMapper json) {
		JsonNode body = answer.body();
		JsonNode post = body.path("existingPost");
		String postId = ZernioAnswer.postId(post);
		if (postId == null) {
			post = body.path("post");
			postId = ZernioAnswer.postId(post);
		}
		if (postId == null) {
			return withoutPost(answer);
		}
		String message = ZernioAnswer.text(body.path("message"));
		return new SendResult.Duplicate(postId,
				message != null ? message : "Zernio returned the post of an earlier request with this x-request-id",
				state(post, postId, json), answer.rateLimit());
	}

	/** The post's publishing state as the answer shows it; unknown when the post is absent or not readable. */
	static PostState state(JsonNode post, String postId, JsonMapper json) {
		if (!post.isObject()) {
			return PostState.unknown(postId);
		}
		try {
			ZernioPayloads.PostEntry entry = json.treeToValue(post, ZernioPayloads.PostEntry.class);
			return entry == null || entry.status() == null ? PostState.unknown(postId) : entry.toState();
		}
		catch (JacksonException unexpectedShape) {
			return PostState.unknown(postId);
		}
	}

	/** The spec puts existingPostId under details; the operation text describes it at the top level. */
	private static String existingPostId(JsonNode body) {
		String id = ZernioAnswer.text(body.path("details").path("existingPostId"));
		return id != null ? id : ZernioAnswer.text(body.path("existingPostId"));
	}

	/** A 429's details name the account limit hit (daily or hourly cap) and when it resets; other shapes: none. */
	static SendResult.AccountLimit accountLimit(JsonNode body) {
		JsonNode details = body.path("details");
		if (!details.isObject()) {
			return SendResult.AccountLimit.NONE;
		}
		String kind = ZernioAnswer.text(details.path("limit"));
		if ("velocity".equals(kind)) {
			kind = "hourly"; // Zernio's velocity cap is its posts-per-hour cap
		}
		else if (!"daily".equals(kind) && !"hourly".equals(kind)) {
			kind = null; // only these two are repeated to the user
		}
		int max = details.path("max").isIntegralNumber() ? Math.max(0, details.path("max").asInt()) : 0;
		Instant resetsAt = null;
		String resets = ZernioAnswer.text(details.path("resetsAt"));
		if (resets != null) {
			try {
				resetsAt = Instant.parse(resets.trim());
			}
			catch (DateTimeParseException unreadable) {
				// no time is better than a wrong one
			}
		}
		return new SendResult.AccountLimit(kind, max, resetsAt);
	}

	/** A 201, or an undocumented 2xx (e.g. a partly published post): the post it names exists. */
	private static SendResult created(ZernioAnswer answer, JsonMapper json) {
		JsonNode post = answer.body().path("post");
		String postId = ZernioAnswer.postId(post);
		if (postId == null) {
			return withoutPost(answer);
		}
		return new SendResult.Created(postId, state(post, postId, json), answer.rateLimit());
	}

	/**
	 * A success that does not name its post (an answer cut or rewritten on its way): the row would stay without a
	 * post to follow, so it is taken as an unknown outcome, like a 5xx. The same x-request-id is then sent again, and
	 * Zernio's replay names the post it created, or the row is looked up before anything is created.
	 */
	private static SendResult withoutPost(ZernioAnswer answer) {
		return new SendResult.ServerError(answer.status(), "HTTP " + answer.status()
				+ " without the post's id; whether the pin was created is unknown", answer.rateLimit());
	}
}

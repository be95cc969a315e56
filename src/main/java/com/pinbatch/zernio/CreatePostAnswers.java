package com.pinbatch.zernio;

import tools.jackson.databind.JsonNode;

/** Turns Zernio's answer to {@code POST /v1/posts} into a {@link SendResult}; status first, {@code code} second. */
final class CreatePostAnswers {

	static final String ACCOUNT_DISCONNECTED = "ACCOUNT_DISCONNECTED";

	private CreatePostAnswers() {
	}

	static SendResult classify(ZernioAnswer answer) {
		int status = answer.status();
		JsonNode body = answer.body();
		RateLimitInfo rateLimit = answer.rateLimit();
		if (status == 201) {
			return new SendResult.Created(ZernioAnswer.postId(body.path("post")), rateLimit);
		}
		if (status == 200) {
			return replay(body, rateLimit);
		}
		if (status == 409) {
			return new SendResult.ContentExists(existingPostId(body), answer.errorMessage(), rateLimit);
		}
		if (status == 401) {
			return new SendResult.Unauthorized(answer.errorMessage(), rateLimit);
		}
		if (status == 403 && ACCOUNT_DISCONNECTED.equals(answer.code())) {
			return new SendResult.AccountDisconnected(answer.errorMessage(), rateLimit);
		}
		if (status == 429) {
			return new SendResult.RateLimited(withDetails(answer), rateLimit);
		}
		if (status >= 500) {
			return new SendResult.ServerError(status, answer.errorMessage(), rateLimit);
		}
		if (status >= 200 && status < 300) {
			return otherSuccess(answer);
		}
		return new SendResult.Rejected(status, answer.code(), answer.errorMessage(), rateLimit);
	}

	/** A repeat of an x-request-id within Zernio's window returns the original post instead of a new one. */
	private static SendResult replay(JsonNode body, RateLimitInfo rateLimit) {
		String postId = ZernioAnswer.postId(body.path("existingPost"));
		if (postId == null) {
			postId = ZernioAnswer.postId(body.path("post"));
		}
		String message = ZernioAnswer.text(body.path("message"));
		return new SendResult.Duplicate(postId,
				message != null ? message : "Zernio returned the post of an earlier request with this x-request-id",
				rateLimit);
	}

	/** The spec puts existingPostId under details; the operation text describes it at the top level. */
	private static String existingPostId(JsonNode body) {
		String id = ZernioAnswer.text(body.path("details").path("existingPostId"));
		return id != null ? id : ZernioAnswer.text(body.path("existingPostId"));
	}

	/** 429 details say which limit was hit (velocity, daily cap, cooldown) only in free text; keep them. */
	private static String withDetails(ZernioAnswer answer) {
		JsonNode details = answer.body().path("details");
		if (details.isObject() && !details.isEmpty()) {
			return answer.errorMessage() + " " + details;
		}
		return answer.errorMessage();
	}

	/**
	 * Undocumented 2xx (e.g. a partly published post): if a post came back it exists; otherwise the outcome is
	 * unknown, which the caller handles like a server error (reconcile before sending again).
	 */
	private static SendResult otherSuccess(ZernioAnswer answer) {
		String postId = ZernioAnswer.postId(answer.body().path("post"));
		if (postId != null) {
			return new SendResult.Created(postId, answer.rateLimit());
		}
		return new SendResult.ServerError(answer.status(),
				"HTTP " + answer.status() + " without a post; whether the pin was created is unknown",
				answer.rateLimit());
	}
}

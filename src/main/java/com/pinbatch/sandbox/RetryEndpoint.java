package com.pinbatch.sandbox;

import tools.jackson.databind.node.ObjectNode;

/** {@code POST /v1/posts/{id}/retry}: publishes a failed post again, the same post (never a new one). */
final class RetryEndpoint {

	private final PostStore store;

	private final AccountCaps caps;

	RetryEndpoint(PostStore store, AccountCaps caps) {
		this.store = store;
		this.caps = caps;
	}

	void retry(HttpCall call, String id) {
		PostJson.requireId(id);
		StoredPost post = store.retry(id, caps);
		ObjectNode answer = Json.object().put("message", switch (post.summary().status()) {
			case "published" -> "Post published successfully";
			case "failed" -> "Retry failed";
			default -> "Post retry started";
		});
		answer.set("post", post.json());
		call.respond(200, answer);
	}
}

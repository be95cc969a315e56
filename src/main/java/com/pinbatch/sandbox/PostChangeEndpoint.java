package com.pinbatch.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code PUT} and {@code DELETE /v1/posts/{id}}: what a user does in Zernio to a pin that waits to be published (moves
 * it, or deletes it), and {@code POST /v1/posts/{id}/unpublish} to one published, so that what pinbatch tells them
 * to do there, and what they did there, can be played through. Of an update, the sandbox takes only a new
 * {@code scheduledFor}.
 */
final class PostChangeEndpoint {

	private final PostStore store;

	PostChangeEndpoint(PostStore store) {
		this.store = store;
	}

	void delete(HttpCall call, String id) {
		PostJson.requireId(id);
		store.delete(id);
		call.respond(200, Json.object().put("message", "Post deleted successfully"));
	}

	/** Of the body ({@code {"platform":"pinterest"}}), nothing is read: the sandbox's posts are Pinterest's only. */
	void unpublish(HttpCall call, String id) {
		PostJson.requireId(id);
		StoredPost post = store.unpublish(id);
		ObjectNode answer = Json.object().put("message", "Post unpublished successfully");
		answer.set("post", post.json());
		call.respond(200, answer);
	}

	void update(HttpCall call, String id) {
		PostJson.requireId(id);
		JsonNode body = call.jsonBody();
		if (body == null || !body.isObject()) {
			throw ApiError.badRequest("Request body must be a JSON object.");
		}
		List<String> others = new ArrayList<>();
		body.propertyNames().forEach(name -> {
			if (!name.equals("scheduledFor")) {
				others.add(name);
			}
		});
		if (!others.isEmpty()) {
			throw ApiError.badRequest("The sandbox changes only scheduledFor; it was sent " + String.join(", ", others)
					+ ".");
		}
		StoredPost post = store.reschedule(id, scheduledFor(body.path("scheduledFor")));
		ObjectNode answer = Json.object().put("message", "Post updated successfully");
		answer.set("post", post.json());
		call.respond(200, answer);
	}

	private static Instant scheduledFor(JsonNode value) {
		if (!value.isString()) {
			throw ApiError.badRequest("scheduledFor is required, as an ISO 8601 date and time.");
		}
		return PinterestPostValidator.instant(value.asString(), "scheduledFor");
	}
}

package com.pinbatch.sandbox;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.pinbatch.text.Formats;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds posts in the shape Zernio returns them: Mongo-style ids, populated accounts, per-platform status. */
final class PostJson {

	// ObjectId layout: 4 bytes of seconds, 5 random bytes fixed per process, 3 bytes of counter
	private static final byte[] PROCESS_BYTES = new byte[5];
	private static final AtomicInteger COUNTER;

	static {
		SecureRandom random = new SecureRandom();
		random.nextBytes(PROCESS_BYTES);
		COUNTER = new AtomicInteger(random.nextInt(0x1000000));
	}

	private PostJson() {
	}

	/** A post id as Zernio makes them (24 hex digits, as {@link #newId}); anything else is a 400, as in Zernio. */
	static void requireId(String id) {
		if (!id.matches("[0-9a-fA-F]{24}")) {
			throw ApiError.badRequest("Invalid post ID.");
		}
	}

	static String newId(Instant now) {
		int counter = COUNTER.getAndIncrement() & 0xFFFFFF;
		return Formats.plain("%08x", now.getEpochSecond() & 0xFFFFFFFFL) + HexFormat.of().formatHex(PROCESS_BYTES)
				+ Formats.plain("%06x", counter);
	}

	static ObjectNode build(String id, ValidatedPost request, Instant now) {
		ObjectNode post = Json.object();
		post.put("_id", id);
		String title = request.title() != null ? request.title()
				: request.targets().isEmpty() ? null : request.targets().get(0).title();
		if (title != null) {
			post.put("title", title);
		}
		post.put("content", request.content() == null ? "" : request.content());
		post.set("mediaItems", request.mediaItems().deepCopy());
		ArrayNode platforms = post.putArray("platforms");
		for (ValidatedPost.Target target : request.targets()) {
			platforms.add(platformEntry(target));
		}
		Instant scheduledFor = scheduledFor(request, now);
		if (scheduledFor != null) {
			post.put("scheduledFor", Json.timestamp(scheduledFor));
		}
		post.put("timezone", request.timezone());
		post.put("status", status(request.kind()));
		post.set("tags", request.tags().deepCopy());
		post.set("metadata", request.metadata().deepCopy());
		if (request.queuedFromProfile() != null) {
			post.put("queuedFromProfile", request.queuedFromProfile());
		}
		post.put("createdAt", Json.timestamp(now));
		post.put("updatedAt", Json.timestamp(now));
		return request.kind() == ValidatedPost.Kind.PUBLISHED ? publishing(post, now) : post;
	}

	/** A copy of the post while Pinterest works on it (the store settles it when its outcome is due). */
	static ObjectNode publishing(ObjectNode post, Instant at) {
		ObjectNode copy = post.deepCopy();
		for (JsonNode platform : copy.path("platforms")) {
			ObjectNode entry = (ObjectNode) platform;
			entry.put("status", "publishing");
			entry.remove(List.of("errorMessage", "errorCategory", "errorSource"));
		}
		copy.put("status", "publishing");
		copy.put("updatedAt", Json.timestamp(at));
		return copy;
	}

	/** A copy of the post as it looks once Pinterest refused it, with Zernio's error fields on each target. */
	static ObjectNode failed(ObjectNode post, Instant at, PublishFates.PinterestError error) {
		ObjectNode copy = post.deepCopy();
		for (JsonNode platform : copy.path("platforms")) {
			((ObjectNode) platform).put("status", "failed")
				.put("errorMessage", error.message)
				.put("errorCategory", error.category)
				.put("errorSource", error.source);
		}
		copy.put("status", "failed");
		copy.put("updatedAt", Json.timestamp(at));
		return copy;
	}

	/**
	 * A copy of the post as it looks once published: every pin live with its id and URL. The pin id is derived from
	 * the post id, so a post published again after a restart keeps the same pin.
	 */
	static ObjectNode published(ObjectNode post, Instant at) {
		ObjectNode copy = post.deepCopy();
		String postId = copy.path("_id").asString();
		long seed = Long.parseUnsignedLong(postId.substring(8), 16);
		int index = 0;
		for (JsonNode platform : copy.path("platforms")) {
			long digits = Long.remainderUnsigned(seed + index++, 100_000_000_000_000_000L);
			String pinId = "1" + Formats.plain("%017d", digits);
			((ObjectNode) platform).remove(List.of("errorMessage", "errorCategory", "errorSource"));
			((ObjectNode) platform).put("status", "published")
				.put("platformPostId", pinId)
				.put("platformPostUrl", "https://www.pinterest.com/pin/" + pinId + "/")
				.put("publishedAt", Json.timestamp(at));
		}
		copy.put("status", "published");
		copy.put("publishedAt", Json.timestamp(at));
		copy.put("updatedAt", Json.timestamp(at));
		return copy;
	}

	/**
	 * A copy of a published post whose pins Pinterest no longer shows: Zernio keeps its status and marks each target
	 * with the time it noticed.
	 */
	static ObjectNode removed(ObjectNode post, Instant at) {
		ObjectNode copy = post.deepCopy();
		for (JsonNode platform : copy.path("platforms")) {
			((ObjectNode) platform).put("removedFromPlatformAt", Json.timestamp(at));
		}
		copy.put("updatedAt", Json.timestamp(at));
		return copy;
	}

	/** A copy of the post once cancelled in Zernio (unpublished): every target too. */
	static ObjectNode cancelled(ObjectNode post, Instant at) {
		ObjectNode copy = post.deepCopy();
		for (JsonNode platform : copy.path("platforms")) {
			((ObjectNode) platform).put("status", "cancelled");
		}
		copy.put("status", "cancelled");
		copy.put("updatedAt", Json.timestamp(at));
		return copy;
	}

	static String status(ValidatedPost.Kind kind) {
		if (kind == ValidatedPost.Kind.DRAFT) {
			return "draft";
		}
		return kind == ValidatedPost.Kind.PUBLISHED ? "publishing" : "scheduled";
	}

	/** The request's metadata as text values (nested values as their JSON). */
	static Map<String, String> metadataMap(JsonNode metadata) {
		Map<String, String> values = new LinkedHashMap<>();
		if (metadata != null && metadata.isObject()) {
			metadata.forEachEntry((name, value) -> values.put(name, value.isString() ? value.stringValue()
					: value.toString()));
		}
		return Collections.unmodifiableMap(values);
	}

	private static Instant scheduledFor(ValidatedPost request, Instant now) {
		if (request.kind() != ValidatedPost.Kind.SCHEDULED) {
			return request.kind() == ValidatedPost.Kind.DRAFT ? request.scheduledFor() : null;
		}
		if (request.scheduledFor() != null) {
			return request.scheduledFor();
		}
		return PinterestPostValidator.nextQueueSlot(now);
	}

	private static ObjectNode platformEntry(ValidatedPost.Target target) {
		ObjectNode entry = Json.object();
		entry.put("platform", "pinterest");
		SeedAccounts.Account account = target.account();
		ObjectNode accountJson = entry.putObject("accountId");
		accountJson.put("_id", account.id());
		accountJson.put("platform", account.platform());
		accountJson.put("username", account.username());
		accountJson.put("displayName", account.displayName());
		accountJson.put("isActive", true);
		ObjectNode data = ((ObjectNode) target.platformSpecificData()).deepCopy();
		data.put("title", target.title());
		data.put("boardId", target.board().id());
		entry.set("platformSpecificData", data);
		if (target.scheduledFor() != null) {
			entry.put("scheduledFor", Json.timestamp(target.scheduledFor()));
		}
		entry.put("status", "pending");
		return entry;
	}
}

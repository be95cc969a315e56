package com.pinbatch.zernio;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * Whether a listed post is the one a create request would make: by the metadata the request carries, or, where the
 * listing lacks it or it was edited, by what Zernio itself fingerprints (account, content, media URLs) and the publish
 * time. A false match on the fingerprint is preferred to missing a post and creating a second pin.
 */
final class EarlierPostMatch {

	private EarlierPostMatch() {
	}

	static boolean byMetadata(ZernioPayloads.PostEntry post, Map<String, String> metadata) {
		return metadata != null && !metadata.isEmpty() && post.carries(metadata);
	}

	static boolean byFingerprint(ZernioPayloads.PostEntry post, String accountId, CreatePostRequest request) {
		return sameAccount(post.platforms(), accountId) && text(post.content()).equals(text(request.content()))
				&& mediaUrls(post).equals(requestMediaUrls(request))
				&& samePublishTime(post.scheduledFor(), request.scheduledFor());
	}

	/** The listing is asked for this account already; a post that names its platforms must name it too. */
	private static boolean sameAccount(JsonNode platforms, String accountId) {
		if (platforms == null || !platforms.isArray() || platforms.isEmpty()) {
			return true;
		}
		for (JsonNode platform : platforms) {
			JsonNode account = platform.path("accountId");
			String id = account.isObject() ? ZernioAnswer.text(account.path("_id")) : ZernioAnswer.text(account);
			if (id == null || id.equals(accountId)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> mediaUrls(ZernioPayloads.PostEntry post) {
		return post.mediaItems() == null ? List.of()
				: post.mediaItems().stream().map(ZernioPayloads.MediaEntry::url).map(EarlierPostMatch::text).toList();
	}

	private static List<String> requestMediaUrls(CreatePostRequest request) {
		return request.mediaItems() == null ? List.of()
				: request.mediaItems().stream().map(CreatePostRequest.MediaItem::url).map(EarlierPostMatch::text)
					.toList();
	}

	/** Only two times that can both be read and differ tell two posts apart. */
	private static boolean samePublishTime(String listed, String requested) {
		if (listed == null || requested == null) {
			return true;
		}
		try {
			return Instant.parse(listed).equals(Instant.parse(requested));
		}
		catch (DateTimeParseException unreadable) {
			return true;
		}
	}

	private static String text(String value) {
		return Objects.requireNonNullElse(value, "").strip();
	}
}

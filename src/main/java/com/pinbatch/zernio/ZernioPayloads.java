package com.pinbatch.zernio;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.pinbatch.text.SafeText;

import tools.jackson.databind.JsonNode;

/** Zernio's answer bodies for the listing and media calls, reduced to the fields the job reads. */
final class ZernioPayloads {

	private ZernioPayloads() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AccountList(List<SocialAccount> accounts) {
	}

	/** {@code enabled=false} marks an auto-created account the scheduler ignores; absent means enabled. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record SocialAccount(@JsonProperty("_id") String id, String platform, String username, String displayName,
			Boolean isActive, Boolean enabled, Boolean needsReconnection, JsonNode profileId) {

		boolean pinterest() {
			return platform == null || "pinterest".equalsIgnoreCase(platform);
		}

		boolean usable() {
			return Boolean.TRUE.equals(isActive) && !Boolean.FALSE.equals(enabled)
					&& !Boolean.TRUE.equals(needsReconnection);
		}

		Account toAccount() {
			// the profile comes as its id or as the populated profile object
			String profile = profileId == null ? null
					: profileId.isObject() ? ZernioAnswer.text(profileId.path("_id")) : ZernioAnswer.text(profileId);
			return new Account(id, username, displayName, usable(), profile);
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record BoardList(List<BoardEntry> boards) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record BoardEntry(String id, String name) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PostList(List<PostEntry> posts, Pagination pagination) {
	}

	/**
	 * What finding an earlier post and following a post need; metadata is free-form and an account is an id or an
	 * object, so they stay trees.
	 *
	 * @param platforms its targets; only the Pinterest one matters for its publishing state
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PostEntry(@JsonProperty("_id") String id, JsonNode metadata, String content, List<MediaEntry> mediaItems,
			JsonNode platforms, String scheduledFor, String status) {

		/** Where the post stands, from its status and its Pinterest target. */
		PostState toState() {
			JsonNode pin = pinterestTarget();
			String post = status == null ? "" : status;
			String target = pin == null ? "" : text(pin.path("status"));
			PostState.Phase phase;
			if (post.equals("cancelled") || target.equals("cancelled")) {
				// unpublished in Zernio (its pin taken off Pinterest), or stopped before its time: never published
				// by waiting, and a failure of the row the user should hear of
				return new PostState(id, PostState.Phase.FAILED, pin == null ? null : nullIfEmpty(pin,
						"platformPostUrl"), null, PostState.POST_CANCELLED, null, null);
			}
			if (target.equals("published") || (pin == null && post.equals("published"))) {
				phase = PostState.Phase.PUBLISHED;
			}
			else if (target.equals("failed") || post.equals("failed")) {
				phase = PostState.Phase.FAILED;
			}
			else if (post.equals("scheduled")) {
				phase = PostState.Phase.SCHEDULED;
			}
			else if (post.equals("draft")) {
				phase = PostState.Phase.DRAFT; // its Pinterest target stays "pending" for as long as it is a draft
			}
			else if (post.equals("publishing") || post.equals("published") || post.equals("partial")
					|| target.equals("publishing") || target.equals("pending")) {
				phase = PostState.Phase.PUBLISHING;
			}
			else {
				phase = PostState.Phase.OTHER;
			}
			Instant publishesAt = phase == PostState.Phase.SCHEDULED ? publishesAt(pin) : null;
			if (pin == null) {
				return new PostState(id, phase, null, null, null, null, publishesAt);
			}
			String removedAt = nullIfEmpty(pin, "removedFromPlatformAt");
			if (phase == PostState.Phase.PUBLISHED && removedAt != null) {
				// Zernio keeps "published" (the publish went well) and marks the pin gone from Pinterest since
				return new PostState(id, PostState.Phase.FAILED, nullIfEmpty(pin, "platformPostUrl"),
						SafeText.withoutSecrets(removedAt), PostState.PIN_REMOVED, null, null);
			}
			return new PostState(id, phase, phase == PostState.Phase.PUBLISHED ? nullIfEmpty(pin, "platformPostUrl")
					: null, SafeText.withoutSecrets(nullIfEmpty(pin, "errorMessage")),
					nullIfEmpty(pin, "errorCategory"), nullIfEmpty(pin, "errorSource"), publishesAt);
		}

		/** The Pinterest target's own time, else the post's; null when it has none this client can read. */
		private Instant publishesAt(JsonNode pin) {
			String own = pin == null ? null : nullIfEmpty(pin, "scheduledFor");
			String time = own != null ? own : scheduledFor;
			if (time == null) {
				return null;
			}
			try {
				return OffsetDateTime.parse(time).toInstant();
			}
			catch (DateTimeParseException unreadable) {
				return null; // a time this client cannot read matches no row's
			}
		}

		/** Every one of these metadata entries, with the same text value. */
		boolean carries(Map<String, String> wanted) {
			return metadata != null && wanted.entrySet().stream()
				.allMatch(entry -> entry.getValue().equals(ZernioAnswer.text(metadata.path(entry.getKey()))));
		}

		private JsonNode pinterestTarget() {
			if (platforms == null || !platforms.isArray() || platforms.isEmpty()) {
				return null;
			}
			for (JsonNode target : platforms) {
				if ("pinterest".equalsIgnoreCase(text(target.path("platform")))) {
					return target;
				}
			}
			return platforms.get(0);
		}

		private static String text(JsonNode node) {
			String text = ZernioAnswer.text(node);
			return text == null ? "" : text;
		}

		private static String nullIfEmpty(JsonNode target, String field) {
			String text = text(target.path(field));
			return text.isEmpty() ? null : text;
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record MediaEntry(String url) {
	}

	/** {@code GET /v1/posts/{id}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PostAnswer(PostEntry post) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Pagination(Integer page, Integer pages) {
	}

	record PresignRequest(String filename, String contentType, long size) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PresignAnswer(String uploadUrl, String publicUrl, String key) {
	}
}

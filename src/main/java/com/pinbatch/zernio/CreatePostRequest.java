package com.pinbatch.zernio;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /v1/posts}. Exactly one of {@code publishNow}, {@code scheduledFor}, {@code queuedFromProfile}
 * or {@code isDraft} is set: with none, Zernio silently creates a draft, so pinbatch always says which it means.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreatePostRequest(String content, List<MediaItem> mediaItems, List<PlatformTarget> platforms,
		String scheduledFor, Boolean publishNow, String timezone, List<String> tags, Map<String, String> metadata,
		Boolean isDraft, String queuedFromProfile) {

	/** A post that is published now or at {@code scheduledFor}. */
	public CreatePostRequest(String content, List<MediaItem> mediaItems, List<PlatformTarget> platforms,
			String scheduledFor, Boolean publishNow, String timezone, List<String> tags, Map<String, String> metadata) {
		this(content, mediaItems, platforms, scheduledFor, publishNow, timezone, tags, metadata, null, null);
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record MediaItem(String type, String url, String altText) {
	}

	public record PlatformTarget(String platform, String accountId, PinterestData platformSpecificData) {
	}

	/** Pinterest reads its title, board and link from here, not from the post's top level. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PinterestData(String title, String boardId, String link, String coverImageUrl,
			Integer coverImageKeyFrameTime) {
	}
}

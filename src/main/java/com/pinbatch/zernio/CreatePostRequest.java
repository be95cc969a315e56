package com.pinbatch.zernio;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /v1/posts}. Exactly one of {@code publishNow} or {@code scheduledFor} is set: with neither,
 * Zernio silently creates a draft.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreatePostRequest(String content, List<MediaItem> mediaItems, List<PlatformTarget> platforms,
		String scheduledFor, Boolean publishNow, String timezone, List<String> tags, Map<String, String> metadata) {

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

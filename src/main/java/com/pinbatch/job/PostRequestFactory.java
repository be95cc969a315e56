package com.pinbatch.job;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.pinbatch.pin.Pin;
import com.pinbatch.zernio.BoardResolution;
import com.pinbatch.zernio.CreatePostRequest;
import com.pinbatch.zernio.CreatePostRequest.MediaItem;
import com.pinbatch.zernio.CreatePostRequest.PinterestData;
import com.pinbatch.zernio.CreatePostRequest.PlatformTarget;

/**
 * Turns a validated pin into Zernio's createPost body. Always explicit: board, title, and either publishNow or
 * scheduledFor, because Zernio silently makes a draft when neither is sent. The metadata names the run and row so
 * a pin can be found again long after Zernio's idempotency windows have passed.
 */
public class PostRequestFactory {

	static final String METADATA_RUN = "pinbatchRun";

	static final String METADATA_ROW = "pinbatchRow";

	private final String runKey;

	private final ZoneId zone;

	public PostRequestFactory(String runKey, ZoneId zone) {
		this.runKey = runKey;
		this.zone = zone;
	}

	/** @param mediaUrl the public URL of the pin's media (for a local file, where it was uploaded) */
	public CreatePostRequest create(Pin pin, BoardResolution board, String mediaUrl) {
		MediaItem media = new MediaItem(pin.media().kind().apiType(), mediaUrl, emptyToNull(pin.altText()));
		PinterestData pinterest = new PinterestData(emptyToNull(pin.title()), board.boardId(),
				emptyToNull(pin.link()), emptyToNull(pin.coverImageUrl()), pin.coverKeyframeSeconds());
		PlatformTarget target = new PlatformTarget("pinterest", board.accountId(), pinterest);
		boolean now = pin.publishAt() == null;
		return new CreatePostRequest(emptyToNull(pin.description()), List.of(media), List.of(target),
				now ? null : pin.publishAt().toString(), now ? Boolean.TRUE : null, now ? null : zone.getId(),
				pin.keywords() == null || pin.keywords().isEmpty() ? null : pin.keywords(),
				Map.of(METADATA_RUN, runKey, METADATA_ROW, Long.toString(pin.rowNumber())));
	}

	private static String emptyToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}

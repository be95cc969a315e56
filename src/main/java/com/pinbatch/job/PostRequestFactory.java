package com.pinbatch.job;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.pinbatch.pin.Pin;
import com.pinbatch.plan.WhenNoDate;
import com.pinbatch.zernio.BoardResolution;
import com.pinbatch.zernio.CreatePostRequest.MediaItem;
import com.pinbatch.zernio.CreatePostRequest.PinterestData;
import com.pinbatch.zernio.CreatePostRequest.PlatformTarget;
import com.pinbatch.zernio.CreatePostRequest;

/**
 * Turns a validated pin into Zernio's createPost body. Always explicit: board, title, and one of publishNow,
 * scheduledFor, the profile's queue or a draft, because Zernio silently makes a draft when none is sent. The metadata names the run and row so
 * a pin can be found again long after Zernio's idempotency windows have passed.
 */
public class PostRequestFactory {

	static final String METADATA_RUN = "pinbatchRun";

	static final String METADATA_ROW = "pinbatchRow";

	/** A mark of the row's cells ({@link com.pinbatch.follow.RowCells}): tells a changed row from its failed pin. */
	static final String METADATA_CELLS = "pinbatchCells";

	private final String runKey;

	private final ZoneId zone;

	private final WhenNoDate whenNoDate;

	public PostRequestFactory(String runKey, ZoneId zone, WhenNoDate whenNoDate) {
		this.runKey = runKey;
		this.zone = zone;
		this.whenNoDate = whenNoDate;
	}

	/**
	 * @param mediaUrl  the public URL of the pin's media (for a local file, where it was uploaded)
	 * @param coverUrl  the public URL of the video's cover image, or null
	 * @param publishAt when to publish (the row's time, or its --spread slot); null: as --when-no-date says
	 */
	public CreatePostRequest create(Pin pin, BoardResolution board, String mediaUrl, String coverUrl,
			Instant publishAt) {
		return create(pin, board, mediaUrl, coverUrl, publishAt, null);
	}

	/** @param cellsMark the mark of the row's cells, sent in the metadata; null: none */
	public CreatePostRequest create(Pin pin, BoardResolution board, String mediaUrl, String coverUrl,
			Instant publishAt, String cellsMark) {
		MediaItem media = new MediaItem(pin.media().kind().apiType(), mediaUrl, emptyToNull(pin.altText()));
		PinterestData pinterest = new PinterestData(emptyToNull(pin.title()), board.boardId(),
				emptyToNull(pin.link()), emptyToNull(coverUrl), pin.coverKeyframeSeconds());
		PlatformTarget target = new PlatformTarget("pinterest", board.accountId(), pinterest);
		List<String> tags = pin.keywords() == null || pin.keywords().isEmpty() ? null : pin.keywords();
		Map<String, String> metadata = cellsMark == null
				? Map.of(METADATA_RUN, runKey, METADATA_ROW, Long.toString(pin.rowNumber()))
				: Map.of(METADATA_RUN, runKey, METADATA_ROW, Long.toString(pin.rowNumber()), METADATA_CELLS, cellsMark);
		String content = emptyToNull(pin.description());
		if (publishAt != null) {
			return new CreatePostRequest(content, List.of(media), List.of(target), publishAt.toString(), null,
					zone.getId(), tags, metadata);
		}
		return switch (whenNoDate) {
			case NOW -> new CreatePostRequest(content, List.of(media), List.of(target), null, Boolean.TRUE, null, tags,
					metadata);
			case QUEUE -> new CreatePostRequest(content, List.of(media), List.of(target), null, null, null, tags,
					metadata, null, board.profileId());
			case DRAFT -> new CreatePostRequest(content, List.of(media), List.of(target), null, null, null, tags,
					metadata, Boolean.TRUE, null);
		};
	}

	/** What names the row's pin (its run and row), without the mark of its cells: how an earlier post is found. */
	static CreatePostRequest identity(CreatePostRequest request) {
		if (request.metadata() == null || !request.metadata().containsKey(METADATA_CELLS)) {
			return request;
		}
		Map<String, String> metadata = new java.util.HashMap<>(request.metadata());
		metadata.remove(METADATA_CELLS);
		return new CreatePostRequest(request.content(), request.mediaItems(), request.platforms(),
				request.scheduledFor(), request.publishNow(), request.timezone(), request.tags(), Map.copyOf(metadata),
				request.isDraft(), request.queuedFromProfile());
	}

	private static String emptyToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}

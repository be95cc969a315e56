package com.pinbatch.pin;

import java.util.List;

/** The pin attributes a spreadsheet column can map to. {@link #column()} is the default (canonical) header. */
public enum PinField {

	TITLE("title"), DESCRIPTION("description"), MEDIA_URL("media_url"), BOARD("board"), LINK("link"),
	ACCOUNT("account"), PUBLISH_AT("publish_at"), PUBLISH_TIME("publish_time"), ALT_TEXT("alt_text"),
	COVER_IMAGE_URL("cover_image_url"), COVER_KEYFRAME_S("cover_keyframe_s"), KEYWORDS("keywords"),
	TIMEZONE("timezone");

	/** The fields in their order, shared: {@code values()} copies its array on each call, and each row is checked. */
	static final List<PinField> ALL = List.of(values());

	private final String column;

	PinField(String column) {
		this.column = column;
	}

	public String column() {
		return column;
	}
}

package com.pinbatch.pin;

/** Pinterest takes exactly one image (JPEG, PNG, WebP, GIF) or one video (MP4, MOV) per pin. */
public enum MediaKind {

	IMAGE("image"), VIDEO("video");

	private final String apiType;

	MediaKind(String apiType) {
		this.apiType = apiType;
	}

	/** The Zernio {@code mediaItems[].type} value. */
	public String apiType() {
		return apiType;
	}
}

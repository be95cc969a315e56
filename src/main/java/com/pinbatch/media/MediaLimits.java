package com.pinbatch.media;

import com.pinbatch.pin.MediaKind;
import com.pinbatch.text.Formats;

/** Pinterest's size limits (PRODUCT.md): images up to 32 MB, videos up to 2 GB. */
final class MediaLimits {

	static final long MAX_IMAGE_BYTES = 32L * 1024 * 1024;

	static final long MAX_VIDEO_BYTES = 2L * 1024 * 1024 * 1024;

	/**
	 * Pixels an image may have (pinbatch's own bound, far above what Pinterest shows): decoding a larger one to
	 * check it would need more memory than a batch run should take, and a small file can claim a huge image.
	 */
	static final long MAX_IMAGE_PIXELS = 100_000_000;

	private MediaLimits() {
	}

	static long maxBytes(MediaKind kind) {
		return kind == MediaKind.VIDEO ? MAX_VIDEO_BYTES : MAX_IMAGE_BYTES;
	}

	/** "images up to 32 MB" / "videos up to 2 GB", for messages. */
	static String describe(MediaKind kind) {
		return kind == MediaKind.VIDEO ? "videos up to 2 GB" : "images up to 32 MB";
	}

	static String readableSize(long bytes) {
		double megabytes = bytes / (1024.0 * 1024.0);
		if (megabytes >= 1024) {
			return Formats.plain("%.1f GB", megabytes / 1024);
		}
		return Formats.plain("%.1f MB", megabytes);
	}

	static String kindName(MediaKind kind) {
		return kind == MediaKind.VIDEO ? "video" : "image";
	}
}

package com.pinbatch.media;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers which file contents were already uploaded to Zernio, so that a restart or a retry run uses the earlier
 * public URL instead of uploading the same bytes again.
 */
public interface UploadedMediaStore {

	/** @param contentSha256 lower-case hex SHA-256 of the file's bytes */
	Optional<String> findPublicUrl(String contentSha256);

	/** Records an upload; if the content is already recorded, the earlier URL stays (both point at the same bytes). */
	void remember(String contentSha256, String publicUrl, Instant uploadedAt);
}

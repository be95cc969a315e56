package com.pinbatch.pin;

import java.time.Instant;
import java.util.List;

/**
 * A validated pin, ready to be sent once its account and board references are resolved.
 *
 * @param account              account id or username as the row (or --account) gave it
 * @param board                board id or name as the row (or --board) gave it
 * @param publishAt            when to publish; null means publish now
 * @param coverKeyframeSeconds video cover frame time, or null
 */
public record Pin(long rowNumber, String title, String description, Media media, String board, String link,
		String account, Instant publishAt, String altText, String coverImageUrl, Integer coverKeyframeSeconds,
		List<String> keywords) {

	/** Whether the cover image is a local file to upload (a URL Zernio fetches itself is https). */
	public boolean coverIsLocal() {
		return coverImageUrl != null && !coverImageUrl.startsWith("https://");
	}
}

package com.pinbatch.media;

/**
 * What probing one media URL found.
 *
 * @param url         the URL as given
 * @param contentType the media type the server declared (or the content showed), null if unknown
 * @param size        bytes, from Content-Length or Content-Range; -1 if the server did not say
 * @param problem     null when the URL looks usable
 */
public record MediaCheckResult(String url, String contentType, long size, MediaProblem problem) {

	static MediaCheckResult ok(String url, String contentType, long size) {
		return new MediaCheckResult(url, contentType, size, null);
	}

	static MediaCheckResult flagged(String url, String code, String message) {
		return new MediaCheckResult(url, null, -1, new MediaProblem(code, message));
	}

	public boolean ok() {
		return problem == null;
	}
}

package com.pinbatch.media;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** For runs without a persistent job repository, and for tests: uploads are remembered for this process only. */
public class InMemoryUploadedMediaStore implements UploadedMediaStore {

	private final Map<String, String> urls = new ConcurrentHashMap<>();

	@Override
	public Optional<String> findPublicUrl(String contentSha256) {
		return Optional.ofNullable(urls.get(contentSha256));
	}

	@Override
	public void remember(String contentSha256, String publicUrl, Instant uploadedAt) {
		urls.putIfAbsent(contentSha256, publicUrl);
	}
}

package com.pinbatch.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;

/**
 * Zernio's duplicate key: a hash of (platform, accountId, content + media URLs). Title, board and link are not part
 * of it, so the same image and description on two boards of one account collide.
 */
final class ContentFingerprint {

	private ContentFingerprint() {
	}

	static String of(String platform, String accountId, String content, JsonNode mediaItems) {
		StringBuilder text = new StringBuilder().append(platform).append('\n').append(accountId).append('\n')
			.append(content == null ? "" : content);
		for (JsonNode item : mediaItems) {
			text.append('\n').append(item.path("url").asString(""));
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}
}

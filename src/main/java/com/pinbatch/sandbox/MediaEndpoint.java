package com.pinbatch.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/media/presign}, and the presigned upload target it hands out. The upload target lives on the
 * sandbox itself (like a storage bucket it needs no bearer token); the public URL is a never-resolving https host.
 */
final class MediaEndpoint {

	static final String UPLOAD_PATH = "/sandbox-uploads/";
	static final String PUBLIC_BASE = "https://media.zernio-sandbox.invalid/";

	private static final Duration EXPIRES_IN = Duration.ofHours(1);
	private static final long MAX_SIZE = 5L * 1024 * 1024 * 1024;
	private static final Set<String> CONTENT_TYPES = Set.of("image/jpeg", "image/jpg", "image/png", "image/webp",
			"image/gif", "video/mp4", "video/mpeg", "video/quicktime", "video/avi", "video/x-msvideo", "video/webm",
			"video/x-m4v", "application/pdf", "audio/mpeg", "audio/mp4", "audio/aac", "audio/ogg", "audio/wav",
			"audio/webm", "audio/x-m4a");
	private static final String KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private record Presigned(String contentType, Instant expiresAt) {
	}

	private final Clock clock;
	private final String baseUrl;
	private final FaultInjector faults;
	private final SecureRandom random = new SecureRandom();
	private final Map<String, Presigned> presigned = new ConcurrentHashMap<>();
	private final Map<String, SandboxUpload> uploads = new LinkedHashMap<>();

	/** @param faults which uploads the storage fails after taking their bytes, as a storage bucket sometimes does */
	MediaEndpoint(Clock clock, String baseUrl, FaultInjector faults) {
		this.clock = clock;
		this.baseUrl = baseUrl;
		this.faults = faults;
	}

	void presign(HttpCall call) {
		JsonNode body = call.jsonBody();
		String filename = body.path("filename").isString() ? body.path("filename").stringValue().strip() : "";
		if (filename.isEmpty()) {
			throw ApiError.badRequest("filename is required.");
		}
		JsonNode contentType = body.path("contentType");
		if (!contentType.isString() || !CONTENT_TYPES.contains(contentType.stringValue())) {
			throw ApiError.badRequest("contentType is missing or not supported: "
					+ (contentType.isMissingNode() ? "none given" : contentType.toString()) + ".");
		}
		JsonNode size = body.path("size");
		if (!size.isMissingNode() && !size.isNull()
				&& (!size.isIntegralNumber() || size.asLong() < 1 || size.asLong() > MAX_SIZE)) {
			throw ApiError.badRequest("size must be a whole number of bytes from 1 to 5 GB.");
		}
		Instant now = clock.instant();
		String key = "temp/" + now.toEpochMilli() + "_" + randomWord() + "_" + safeName(filename);
		presigned.put(key, new Presigned(contentType.stringValue(), now.plus(EXPIRES_IN)));
		ObjectNode answer = Json.object()
			.put("uploadUrl", baseUrl + UPLOAD_PATH + key)
			.put("publicUrl", PUBLIC_BASE + key)
			.put("key", key)
			.put("expiresIn", EXPIRES_IN.toSeconds());
		call.respond(200, answer);
	}

	/** A PUT on a presigned URL: the bytes are counted, not kept. */
	void upload(HttpCall call, String key) {
		Presigned grant = presigned.get(key);
		if (grant == null || grant.expiresAt().isBefore(clock.instant())) {
			throw new ApiError(403, Json.error("Upload URL is unknown or has expired. Ask for a new one."));
		}
		String sent = call.header("Content-Type");
		if (sent == null || !mediaType(sent).equals(grant.contentType())) {
			throw new ApiError(403, Json.error("Content-Type must be " + grant.contentType()
					+ ", the type the upload URL was issued for."));
		}
		long bytes = 0;
		try (InputStream in = call.bodyStream()) {
			byte[] buffer = new byte[64 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				bytes += read;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int failure = faults.nextFailure();
		if (failure != 0) {
			throw FaultInjector.failure(failure);
		}
		synchronized (uploads) {
			uploads.put(key, new SandboxUpload(key, grant.contentType(), bytes));
		}
		call.respondEmpty(200);
	}

	Map<String, SandboxUpload> uploads() {
		synchronized (uploads) {
			return Collections.unmodifiableMap(new LinkedHashMap<>(uploads));
		}
	}

	private String randomWord() {
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			word.append(KEY_ALPHABET.charAt(random.nextInt(KEY_ALPHABET.length())));
		}
		return word.toString();
	}

	private static String safeName(String filename) {
		String base = filename.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		String safe = base.replaceAll("[^A-Za-z0-9._-]", "_");
		return safe.isEmpty() ? "file" : safe;
	}

	private static String mediaType(String header) {
		int semicolon = header.indexOf(';');
		return (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
	}
}

package com.pinbatch.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * A post the simulator created.
 *
 * @param requestId   the {@code x-request-id} it was created under, or null
 * @param status      {@code draft}, {@code scheduled} or {@code published}
 * @param requestBody the create request's JSON body as sent
 * @param metadata    the request's {@code metadata}, values as text (non-text values as JSON)
 */
public record SandboxPost(String id, String accountId, String requestId, String status, String requestBody,
		Map<String, String> metadata, Instant createdAt) {
}

package com.pinbatch.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * A post the simulator created, as it stands now.
 *
 * @param requestId     the {@code x-request-id} it was created under, or null
 * @param status        {@code draft}, {@code scheduled}, {@code publishing}, {@code published} or {@code failed}
 * @param requestBody   the create request's JSON body as sent
 * @param metadata      the request's {@code metadata}, values as text (non-text values as JSON)
 * @param retries       how often {@code POST /v1/posts/{id}/retry} republished it
 * @param errorCategory Zernio's {@code errorCategory} of a failed post, else null
 * @param pinUrl        the pin's URL once published, else null
 */
public record SandboxPost(String id, String accountId, String requestId, String status, String requestBody,
		Map<String, String> metadata, Instant createdAt, int retries, String errorCategory, String pinUrl) {

	SandboxPost(String id, String accountId, String requestId, String status, String requestBody,
			Map<String, String> metadata, Instant createdAt) {
		this(id, accountId, requestId, status, requestBody, metadata, createdAt, 0, null, null);
	}

	/** The same post in another publishing state. */
	SandboxPost settled(String newStatus, int newRetries, String newErrorCategory, String newPinUrl) {
		return new SandboxPost(id, accountId, requestId, newStatus, requestBody, metadata, createdAt, newRetries,
				newErrorCategory, newPinUrl);
	}
}

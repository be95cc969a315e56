package com.pinbatch.zernio;

/**
 * A connected Pinterest account from {@code GET /v1/accounts}.
 *
 * @param usable    active, enabled and not waiting for reconnection
 * @param profileId the Zernio profile the account belongs to (its posting queue), or null
 */
public record Account(String id, String username, String displayName, boolean usable, String profileId) {

	public Account(String id, String username, String displayName, boolean usable) {
		this(id, username, displayName, usable, null);
	}
}

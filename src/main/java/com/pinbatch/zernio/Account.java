package com.pinbatch.zernio;

/**
 * A connected Pinterest account from {@code GET /v1/accounts}.
 *
 * @param usable active, enabled and not waiting for reconnection
 */
public record Account(String id, String username, String displayName, boolean usable) {
}

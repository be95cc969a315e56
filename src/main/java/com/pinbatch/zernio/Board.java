package com.pinbatch.zernio;

/** A Pinterest board of one account ({@code GET /v1/accounts/{id}/pinterest-boards}); ids are numeric strings. */
public record Board(String id, String name) {
}

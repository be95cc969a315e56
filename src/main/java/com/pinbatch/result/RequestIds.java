package com.pinbatch.result;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The x-request-id of a row: the same for every attempt of that row in one run, so Zernio replays a repeat instead of
 * creating a second pin. A run on the sandbox marks its own ids as UUID version 8 (RFC 9562's version for ids of
 * one's own making; Zernio's take version 3, name-based), so a result file tells by its request_id column whether its
 * pins went to the sandbox: a rehearsal's lines must never pass for pins on Pinterest.
 */
public final class RequestIds {

	private static final long VERSION_BITS = 0xF000L;

	private static final long SANDBOX_VERSION = 0x8000L;

	private RequestIds() {
	}

	/** The x-request-id of {@code rowNumber} in the run {@code runKey}, sent to the sandbox or to Zernio. */
	public static String of(String runKey, long rowNumber, boolean sandbox) {
		UUID named = UUID.nameUUIDFromBytes((runKey + "/" + rowNumber).getBytes(StandardCharsets.UTF_8));
		if (!sandbox) {
			return named.toString();
		}
		long high = named.getMostSignificantBits() & ~VERSION_BITS | SANDBOX_VERSION;
		return new UUID(high, named.getLeastSignificantBits()).toString();
	}

	/** Whether the id is one a run on the sandbox made; false for Zernio's, and for text that is not an id. */
	public static boolean sentToSandbox(String requestId) {
		String id = requestId == null ? "" : requestId.strip();
		if (id.length() != 36) {
			return false; // the only form pinbatch writes; UUID.fromString would take shorter ones too
		}
		try {
			return UUID.fromString(id).version() == 8;
		}
		catch (IllegalArgumentException notAnId) {
			return false;
		}
	}
}

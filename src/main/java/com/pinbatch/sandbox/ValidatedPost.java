package com.pinbatch.sandbox;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A create request that passed validation, with its defaults resolved.
 *
 * @param scheduledFor null unless scheduled (explicitly or through the profile queue)
 * @param kind         what the post becomes
 */
record ValidatedPost(String content, String title, ArrayNode mediaItems, List<Target> targets, Instant scheduledFor,
		String timezone, Kind kind, JsonNode tags, ObjectNode metadata, String queuedFromProfile) {

	enum Kind {
		DRAFT, SCHEDULED, PUBLISHED
	}

	/**
	 * One {@code platforms[]} entry.
	 *
	 * @param content the text this pin carries ({@code customContent} or the post's content)
	 * @param media   the media this pin carries ({@code customMedia} or the post's media)
	 */
	record Target(SeedAccounts.Account account, SeedAccounts.Board board, String title, String content,
			ArrayNode media, JsonNode platformSpecificData, Instant scheduledFor) {
	}
}

package com.pinbatch.sandbox;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * A post as the simulator keeps it.
 *
 * @param json         the post exactly as the API returns it
 * @param accountIds   the accounts it targets
 * @param fingerprints one content fingerprint per target, for the 24-hour duplicate check
 * @param draft        drafts are never published, so they neither block duplicates nor use up account caps
 * @param publications its pins that count against their account's caps, each at the instant it goes live
 */
record StoredPost(SandboxPost summary, ObjectNode json, List<String> accountIds, List<String> fingerprints,
		boolean draft, List<Publication> publications) {

	/** One pin going live on an account at a given instant. */
	record Publication(String accountId, Instant at) {
	}

	String id() {
		return summary.id();
	}
}

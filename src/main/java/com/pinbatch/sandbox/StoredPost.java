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
 * @param settlesAt    when its publish attempt (or its schedule) comes to an outcome; null when there is none to come
 */
record StoredPost(SandboxPost summary, ObjectNode json, List<String> accountIds, List<String> fingerprints,
		boolean draft, List<Publication> publications, Instant settlesAt) {

	StoredPost(SandboxPost summary, ObjectNode json, List<String> accountIds, List<String> fingerprints,
			boolean draft, List<Publication> publications) {
		this(summary, json, accountIds, fingerprints, draft, publications, null);
	}

	/** One pin going live on an account at a given instant. */
	record Publication(String accountId, Instant at) {
	}

	String id() {
		return summary.id();
	}

	/** The fingerprint that decides how Pinterest treats it (its first target's). */
	String fate() {
		return fingerprints.isEmpty() ? id() : fingerprints.get(0);
	}

	StoredPost with(SandboxPost newSummary, ObjectNode newJson, Instant newSettlesAt) {
		return new StoredPost(newSummary, newJson, accountIds, fingerprints, draft, publications, newSettlesAt);
	}
}

package com.pinbatch.sandbox;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * A post as the simulator keeps it.
 *
 * @param json         the post exactly as the API returns it
 * @param accountIds   the accounts it targets
 * @param fingerprints one content fingerprint per target, for the 24-hour duplicate check
 * @param draft        drafts are never published, so they neither block duplicates nor use up account caps
 */
record StoredPost(SandboxPost summary, ObjectNode json, List<String> accountIds, List<String> fingerprints,
		boolean draft) {

	String id() {
		return summary.id();
	}
}

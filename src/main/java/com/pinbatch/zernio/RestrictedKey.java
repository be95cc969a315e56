package com.pinbatch.zernio;

import java.util.Set;

/**
 * A 403 that refuses the API key itself, not a row or an account: a restricted key ({@code zrk_}) without the resource
 * group the call needs (publishing, for posts and uploads). Every call of that group fails the same way until the user
 * gives another key, so the run stops at the first, as for a 401, instead of failing each row.
 */
final class RestrictedKey {

	private static final Set<String> CODES = Set.of("insufficient_permissions", "unclassified_resource");

	private RestrictedKey() {
	}

	static boolean refuses(ZernioAnswer answer) {
		return answer.status() == 403 && answer.code() != null && CODES.contains(answer.code());
	}

	/** What to fix, with Zernio's words (they name the group the call needs). */
	static String problem(ZernioAnswer answer) {
		return "Zernio refused this API key for the call (HTTP 403 " + answer.code() + ": \"" + answer.errorMessage()
				+ "\"): it is a restricted key without the group pinbatch needs; create a key with the publishing and"
				+ " accounts groups enabled in Zernio's dashboard (API keys), and give it in ZERNIO_API_KEY";
	}
}

package com.pinbatch.zernio;

import java.time.Instant;

/**
 * Zernio would not publish a failed post again ({@code POST /v1/posts/{id}/retry} answered 402, 403, 429 or another
 * refusal): the post and its failure stay as they are, and so does the rest of the run. A 429 is the account's posting
 * limit or cool-down when the key's request window still had room (Zernio lists both among the retry's 429s), else
 * the key's own request limit, still there after the usual waits.
 */
public class RetryRefusedException extends ZernioApiException {

	private final String words;

	private final boolean accountLimit;

	private final Instant resetsAt;

	/**
	 * @param words        Zernio's own words, made safe to show
	 * @param accountLimit whether it is the account's posting limit or cool-down (a 429 with room left in the window)
	 * @param resetsAt     when Zernio says the account frees up, or null
	 */
	RetryRefusedException(int status, String words, boolean accountLimit, Instant resetsAt) {
		super(status, "Zernio answered POST /v1/posts/{id}/retry with HTTP " + status + ": " + words);
		this.words = words;
		this.accountLimit = accountLimit;
		this.resetsAt = resetsAt;
	}

	public String words() {
		return words;
	}

	public boolean accountLimit() {
		return accountLimit;
	}

	public Instant resetsAt() {
		return resetsAt;
	}
}

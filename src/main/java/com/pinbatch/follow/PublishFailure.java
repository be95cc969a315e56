package com.pinbatch.follow;

import java.util.Locale;

import com.pinbatch.plan.CapAdvice;
import com.pinbatch.zernio.PostState;
import com.pinbatch.zernio.RetryRefusedException;

/**
 * What a refused publish means for the row: a stable {@code publish_*} error code, and a message with Pinterest's
 * (or Zernio's) own words, made safe to show, plus what to do about it.
 */
public final class PublishFailure {

	private static final int WORDS_LIMIT = 300;

	/** The code of a pin Pinterest refused because it limited the account for spam-like activity. */
	public static final String ACCOUNT_LIMITED = "publish_account_limited";

	/** The code of a pin Pinterest removed after publishing it. */
	public static final String REMOVED = "publish_removed";

	/** The code of a post someone cancelled (unpublished) in Zernio. */
	public static final String CANCELLED = "post_cancelled";

	/** The code of a post someone deleted in Zernio. */
	public static final String DELETED = "post_deleted";

	private PublishFailure() {
	}

	/**
	 * Whether the account was at fault, not the pin: limited, its connection expired, or restricted. Once it is in
	 * order, the same post can be published again as it is.
	 */
	public static boolean accountAtFault(String code) {
		return switch (code) {
			case ACCOUNT_LIMITED, "publish_account_expired", "publish_account_issue" -> true;
			default -> false;
		};
	}

	/**
	 * Whether someone took the pin away on purpose, perhaps (deleted on Pinterest, cancelled in Zernio): pinned again
	 * only once the user changes the row, never as it is.
	 */
	public static boolean takenAway(String code) {
		return code.equals(REMOVED) || code.equals(CANCELLED);
	}

	/**
	 * Whether Pinterest could not use the pin's media at its address (unreachable, not an image it reads): set right
	 * where the media is hosted, the same post can be published again as it is (a second create would leave the
	 * failed post on Zernio, or meet its 409 for the same content). Refusals of the content itself (a policy, no
	 * board) are not: the row must change.
	 */
	public static boolean mediaUnusable(String code) {
		return code.equals("publish_url_unreachable") || code.equals("publish_invalid_media");
	}

	/** The row's error code for a failed post. */
	public static String code(PostState state) {
		String category = state.errorCategory() == null ? "" : state.errorCategory();
		String words = state.errorMessage() == null ? "" : state.errorMessage().toLowerCase(Locale.ROOT);
		return switch (category) {
			case "platform_rate_limit" -> "publish_rate_limited";
			case "platform_error" -> "publish_platform_error";
			case "system_error" -> "publish_system_error";
			case "quota_exhausted" -> "publish_quota_exhausted";
			case "auth_expired" -> "publish_account_expired";
			case "account_issue" -> "publish_account_issue";
			case "user_abuse" -> ACCOUNT_LIMITED;
			case "platform_rejected" -> "publish_rejected";
			case PostState.PIN_REMOVED -> REMOVED;
			case PostState.POST_CANCELLED -> CANCELLED;
			case PostState.POST_DELETED -> DELETED;
			case "user_content" -> words.contains("reach the url") ? "publish_url_unreachable"
					: words.contains("invalid url") ? "publish_invalid_media"
							: words.contains("boardid") ? "publish_board_missing" : "publish_content_refused";
			default -> "publish_failed";
		};
	}

	/**
	 * The row's error message: who refused it, in their words, and the fix.
	 *
	 * @param retriesSpent how often pinbatch already asked Zernio to publish it again
	 */
	public static String message(PostState state, int retriesSpent) {
		String words = sanitised(state.errorMessage());
		if (PostState.PIN_REMOVED.equals(state.errorCategory())) {
			return "Pinterest published the pin, then it was removed (Zernio noticed at " + words + "): deleted on"
					+ " Pinterest, or taken down by Pinterest; the account may have had a notice from Pinterest saying"
					+ " why. pinbatch does not pin it again as it is: to pin it anew, change the row (its description,"
					+ " say), then run again with --retry-failed=<this result file>";
		}
		if (PostState.POST_CANCELLED.equals(state.errorCategory())) {
			return "the post was cancelled in Zernio (unpublished there, or stopped before its time), so the pin is"
					+ " not on Pinterest; Pinterest did not refuse it. pinbatch does not pin it again as it is: to pin"
					+ " it anew, change the row (its description, say), then run again with --retry-failed=<this result"
					+ " file>";
		}
		if (PostState.POST_DELETED.equals(state.errorCategory())) {
			return "Zernio no longer has the post (deleted there), so nothing of it will be published; Pinterest did"
					+ " not refuse it. To pin it anew as a new post, run again with --retry-failed=<this result file>";
		}
		return said(words, retriesSpent) + "; " + fix(code(state));
	}

	/**
	 * The row's error message when Zernio would not publish the post again: Pinterest's words, then Zernio's refusal
	 * and what to do about it, which stands in the way now rather than the failure's own fix.
	 *
	 * @param retriesSpent how often pinbatch had Zernio publish it again before
	 */
	public static String message(PostState state, int retriesSpent, RetryRefusedException refused) {
		return said(sanitised(state.errorMessage()), retriesSpent) + "; " + refusal(refused);
	}

	private static String said(String words, int retriesSpent) {
		String said = words.isEmpty() ? "Pinterest did not publish the pin (Zernio gave no reason)"
				: "Pinterest did not publish the pin: \"" + words + "\"";
		String retried = retriesSpent > 0 ? " (still failing after " + retriesSpent + " retr"
				+ (retriesSpent == 1 ? "y" : "ies") + " of the same post)" : "";
		return said + retried;
	}

	/** Why Zernio did not publish the post again, and what to do before asking again. */
	static String refusal(RetryRefusedException refused) {
		String zernio = "Zernio did not publish it again (HTTP " + refused.status() + ": \""
				+ sanitised(refused.words()) + "\")";
		String retry = " --retry-failed=<this result file>, which retries the same post";
		return switch (refused.status()) {
			case 429 -> !refused.accountLimit()
					? zernio + ": too many requests for the API key just now; run again later with" + retry
					: zernio + ": the account is at its posting limit or cooling down" + (refused.resetsAt() == null
							? "; run again in an hour or so with"
							: " until " + CapAdvice.minuteUp(refused.resetsAt()) + "; run again after that with")
							+ retry;
			case 402 -> zernio + ": the Zernio account's owner has a failed payment; settle it in Zernio, then run"
					+ " again with" + retry;
			case 403 -> zernio + ": check in Zernio that the API key may publish and that the Pinterest account is"
					+ " in order, then run again with" + retry;
			default -> zernio + "; run again later with" + retry;
		};
	}

	private static String fix(String code) {
		return switch (code) {
			case "publish_url_unreachable" -> "open the media URL in a private browser window: it must load the image"
					+ " or video without a login and without redirecting to a web page; fix media_url, then run"
					+ " again with --retry-failed=<this result file>";
			case "publish_invalid_media" -> "check that the media URL is public, uses https and returns the image or"
					+ " video itself (not a web page); fix the row, then run again with --retry-failed=<this result file>";
			case "publish_board_missing" -> "give the row a board; then run again with --retry-failed=<this result file>";
			case "publish_rate_limited" -> "Pinterest limited the account for a while: space the pins out (no bursts"
					+ " of 10 or more) and run again later with --retry-failed=<this result file>, which retries the"
					+ " same post";
			case "publish_platform_error", "publish_system_error", "publish_quota_exhausted" -> "a passing problem"
					+ " on Pinterest's or Zernio's side: run again later with --retry-failed=<this result file>, which"
					+ " retries the same post";
			case "publish_account_expired" -> "reconnect the Pinterest account in Zernio, then run again with"
					+ " --retry-failed=<this result file>";
			case "publish_account_issue", "publish_account_limited" -> "check the Pinterest account in Zernio (it"
					+ " may be restricted or limited), then run again with --retry-failed=<this result file>";
			case "publish_rejected" -> "Pinterest's rules refused this pin: change its content, then run again with"
					+ " --retry-failed=<this result file>";
			default -> "check the pin's content and media URL, then run again with --retry-failed=<this result file>";
		};
	}

	/** Another service's words: one line, no control characters, bounded. */
	static String sanitised(String text) {
		if (text == null) {
			return "";
		}
		String flat = text.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]", " ")
			.replace('"', '\'')
			.replaceAll("\\s+", " ")
			.strip();
		return flat.length() > WORDS_LIMIT ? flat.substring(0, WORDS_LIMIT) + "..." : flat;
	}
}

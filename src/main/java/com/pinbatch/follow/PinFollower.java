package com.pinbatch.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;
import com.pinbatch.zernio.AccessRefusedException;
import com.pinbatch.zernio.PostListing;
import com.pinbatch.zernio.PostState;
import com.pinbatch.zernio.RetryRefusedException;
import com.pinbatch.zernio.ZernioApiException;
import com.pinbatch.zernio.ZernioClient;

/**
 * Asks Zernio what became of many posts at once, and publishes the ones that failed for a passing reason again.
 * One round lists each account's posts of the time the rows were sent (pages of 500) instead of asking for each post;
 * only a post the listing does not show is asked for on its own. A transient failure (Pinterest's rate limit, a
 * platform or Zernio error, a used-up quota) is retried with {@code POST /v1/posts/{id}/retry} on the same post,
 * never by creating it again, and at most {@code maxRetries} times; a failure the row causes is final. Every request
 * goes through the client's gate, so it takes its turn in the pace of the run.
 */
public final class PinFollower {

	/** Posts created a little before the row's send time was stored, or on a server clock that runs behind, still count. */
	private static final Duration CLOCK_SLACK = Duration.ofMinutes(2);

	/**
	 * A row on Zernio whose outcome is awaited.
	 *
	 * @param key       the caller's name for the row (unique within a round)
	 * @param accountId its Zernio account, or null when not known (then every account's posts are listed)
	 * @param sentAt    when it was sent, or null when not known (then it is asked for on its own)
	 * @param retries   how often it was already published again on pinbatch's request
	 */
	public record Followed(String key, RowResult row, String accountId, Instant sentAt, int retries) {
	}

	/** The row's new line, and how often its post has been retried so far. */
	public record Update(Followed item, RowResult result, int retries) {

		/** Still to follow: its outcome unknown, or a transient failure with retries left. */
		boolean open(int maxRetries) {
			return result.status().awaitsOutcome() || retryable(result, retries, maxRetries);
		}
	}

	/**
	 * What one round did.
	 *
	 * @param updates     rows whose line changed (or whose post was retried)
	 * @param stillOpen   rows still to follow after this round
	 * @param lookUps     listing pages and single-post requests sent
	 * @param retriesSent {@code /retry} requests sent
	 */
	public record Round(List<Update> updates, List<Followed> stillOpen, int lookUps, int retriesSent) {
	}

	private final ZernioClient client;

	private final int maxRetries;

	private final Clock clock;

	/**
	 * Accounts whose retry Zernio refused for their posting limit or cool-down: their other failed posts are not
	 * asked again until the account frees up (asking only prolongs a cool-down), and say the same.
	 */
	private final Map<String, AccountLimit> limitedAccounts = new HashMap<>();

	/**
	 * A refusal for an account's limit and when it ends: the time Zernio gave, or null (the rest of the run) when it
	 * gave none or one already past, which says nothing of when the account frees up.
	 */
	private record AccountLimit(RetryRefusedException refusal, Instant until) {

		static AccountLimit of(RetryRefusedException refusal, Instant now) {
			Instant resets = refusal.resetsAt();
			return new AccountLimit(refusal, resets != null && resets.isAfter(now) ? resets : null);
		}

		boolean over(Instant now) {
			return until != null && !now.isBefore(until);
		}
	}

	/**
	 * Rows whose retry was refused for their account's limit, which does not free up before the deadline: asking
	 * again within the run would only be refused again (and prolong a cool-down); their line says to retry later.
	 */
	private final Set<String> heldPastDeadline = new HashSet<>();

	/** Told of each retry just before it is sent: the post's id and its retries, this one counted. */
	private final BiConsumer<String, Integer> spendingRetry;

	public PinFollower(ZernioClient client, int maxRetries, Clock clock) {
		this(client, maxRetries, clock, (postId, retries) -> {
		});
	}

	/**
	 * @param spendingRetry told of each retry just before it is sent (the post's id, its retries with this one), so
	 *                      that it is kept before Zernio acts on it: kept at the round's end, the retries of a run
	 *                      killed during a round were lost, and the same command retried those posts again past
	 *                      {@code maxRetries}
	 */
	public PinFollower(ZernioClient client, int maxRetries, Clock clock, BiConsumer<String, Integer> spendingRetry) {
		this.client = Objects.requireNonNull(client, "client");
		this.maxRetries = maxRetries;
		this.clock = clock;
		this.spendingRetry = spendingRetry;
	}

	/** The longest wait between two rounds: outcomes that take longer are asked for every half minute. */
	private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

	/**
	 * How long to wait before the next round: the first wait is {@code pollInterval}, each later one twice the one
	 * before, at most half a minute.
	 *
	 * @param waitsBefore how many waits came before this one
	 */
	public static Duration waitBeforeRound(Duration pollInterval, int waitsBefore) {
		Duration wait = pollInterval.multipliedBy(1L << Math.min(Math.max(waitsBefore, 0), 10));
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}

	/** Error codes of failures that may pass on a retry of the same post. */
	public static boolean transientCode(String errorCode) {
		return errorCode != null && switch (errorCode) {
			case "publish_rate_limited", "publish_platform_error", "publish_system_error", "publish_quota_exhausted" ->
				true;
			default -> false;
		};
	}

	private static boolean retryable(RowResult row, int retries, int maxRetries) {
		return row.status() == RowStatus.FAILED && transientCode(row.errorCode()) && retries < maxRetries;
	}

	/**
	 * The requests a round over {@code open} sends when every listing finds its posts: a listing per account (one page
	 * of 500), and one request per row asked alone.
	 */
	public static int requestsPerRound(List<Followed> open) {
		Asking asking = Asking.of(open);
		return asking.listed().size() + asking.alone().size();
	}

	/**
	 * How a round asks about its rows: by a listing of their account's posts, or one by one.
	 *
	 * @param listed the rows listed, by account ("" for rows whose account is not known: every account is listed)
	 * @param alone  the rows asked for on their own
	 */
	private record Asking(Map<String, List<Followed>> listed, List<Followed> alone) {

		static Asking of(List<Followed> open) {
			Map<String, List<Followed>> byAccount = new LinkedHashMap<>();
			List<Followed> alone = new ArrayList<>();
			for (Followed item : open) {
				if (item.sentAt() == null) {
					alone.add(item);
				}
				else {
					byAccount.computeIfAbsent(item.accountId() == null ? "" : item.accountId(),
							id -> new ArrayList<>()).add(item);
				}
			}
			Map<String, List<Followed>> listed = new LinkedHashMap<>();
			byAccount.forEach((account, rows) -> {
				// a listing saves nothing for one row, and a post it misses (made before the row's last change)
				// would then have spent that row's whole budget: asked alone, every row is learnt in time
				if (rows.size() == 1) {
					alone.add(rows.get(0));
				}
				else {
					listed.put(account, rows);
				}
			});
			return new Asking(listed, alone);
		}
	}

	/**
	 * One round over the open rows.
	 *
	 * @param lookUpBudget the most listing pages and single-post requests this round may send; a round that cannot
	 *                     afford a listing sends nothing
	 * @param deadline     no look-up starts after it: under a 429 storm each waits out a hold, and a round of them
	 *                     would keep the run far past its time to follow (the rows not asked about stay open)
	 */
	public Round round(List<Followed> open, int lookUpBudget, Instant deadline) {
		return round(open, lookUpBudget, deadline, deadline);
	}

	/**
	 * One round over the open rows, its look-ups bounded by one time and the following by another (the first
	 * round's look-ups are owed whatever the window, but a refusal is still weighed against the window's end).
	 *
	 * @param followsUntil when the following ends: a retry refused until after it is not asked again in the run
	 */
	public Round round(List<Followed> open, int lookUpBudget, Instant deadline, Instant followsUntil) {
		Map<String, PostState> states = new HashMap<>();
		Map<String, String> unreadable = new HashMap<>();
		int lookUps = 0;
		Asking asking = Asking.of(open);
		List<Followed> alone = new ArrayList<>(asking.alone());
		Instant now = clock.instant();
		for (Map.Entry<String, List<Followed>> account : asking.listed().entrySet()) {
			if (lookUps >= lookUpBudget || clock.instant().isAfter(deadline)) {
				break;
			}
			Instant from = account.getValue().stream().map(Followed::sentAt).min(Instant::compareTo).orElseThrow();
			PostListing listing;
			try {
				listing = client.listPosts(account.getKey().isEmpty() ? null : account.getKey(),
						from.minus(CLOCK_SLACK), now.plus(CLOCK_SLACK), account.getValue().stream()
							.map(item -> item.row().postId())
							.collect(Collectors.toSet()), lookUpBudget - lookUps);
			}
			catch (AccessRefusedException stop) {
				throw stop;
			}
			catch (ZernioApiException refused) {
				if (refused.status() < 400 || refused.status() >= 500) {
					throw refused;
				}
				// a listing refused as asked (its date filter is loosely specified): each post is asked alone
				lookUps++;
				alone.addAll(account.getValue());
				continue;
			}
			lookUps += listing.requests();
			listing.posts().forEach(state -> states.put(state.postId(), state));
			// a post the listing does not show (made long before, or filtered by another date) is asked for alone
			account.getValue().stream().filter(item -> !states.containsKey(item.row().postId())).forEach(alone::add);
		}
		for (Followed item : alone) {
			if (lookUps >= lookUpBudget || clock.instant().isAfter(deadline)) {
				break;
			}
			lookUps++;
			try {
				states.put(item.row().postId(), lookUpAlone(item.row().postId()));
			}
			catch (LookUpRefusedException refused) {
				unreadable.put(item.row().postId(), refused.getMessage());
			}
		}
		List<Update> updates = new ArrayList<>();
		List<Followed> stillOpen = new ArrayList<>();
		int retriesSent = 0;
		for (Followed item : open) {
			PostState state = states.get(item.row().postId());
			String refusal = unreadable.get(item.row().postId());
			Update update = state != null ? settle(item, state, followsUntil)
					: new Update(item, refusal == null ? item.row() : PostOutcomes.unreadable(item.row(), refusal),
							item.retries());
			if (update.retries() > item.retries()) {
				retriesSent++;
			}
			if (!update.result().equals(item.row()) || update.retries() != item.retries()) {
				updates.add(update);
			}
			// a draft, or a post in a state this client does not know, does not change by waiting
			boolean stays = state != null && (state.phase() == PostState.Phase.DRAFT
					|| state.phase() == PostState.Phase.OTHER);
			if (update.open(maxRetries) && !stays && !heldPastDeadline.contains(item.key())) {
				stillOpen.add(new Followed(item.key(), update.result(), item.accountId(), item.sentAt(),
						update.retries()));
			}
		}
		return new Round(updates, stillOpen, lookUps, retriesSent);
	}

	/** The row with its post's state; a transient failure with retries left is retried on the same post at once. */
	private Update settle(Followed item, PostState state, Instant deadline) {
		Instant now = clock.instant();
		RowResult row = PostOutcomes.apply(item.row(), state, item.retries(), now);
		if (!state.retryable() || item.retries() >= maxRetries) {
			return new Update(item, row, item.retries());
		}
		AccountLimit limited = limitedAccounts.get(item.accountId());
		if (limited != null && limited.over(now)) {
			// the account has freed up since, as Zernio said it would: its rows are asked again
			limitedAccounts.remove(item.accountId());
			limited = null;
		}
		if (limited != null) {
			holdIfPast(item, limited, deadline);
			return new Update(item, PostOutcomes.retryRefused(item.row(), state, item.retries(), limited.refusal(),
					now), item.retries());
		}
		int retries = item.retries() + 1;
		spendingRetry.accept(state.postId(), retries);
		PostState retried;
		try {
			retried = client.retryPost(state.postId());
		}
		catch (RetryRefusedException refused) {
			if (refused.accountLimit()) {
				AccountLimit limit = AccountLimit.of(refused, now);
				if (item.accountId() != null) {
					limitedAccounts.put(item.accountId(), limit);
				}
				holdIfPast(item, limit, deadline);
			}
			// counted as spent, so that a refusal that lasts is not asked again past the retries allowed
			return new Update(item, PostOutcomes.retryRefused(item.row(), state, item.retries(), refused, now),
					retries);
		}
		// while the retry publishes, the row is on Zernio with its outcome unknown again; a DUPLICATE keeps the line
		// that says whose pin it is
		boolean duplicate = item.row().status() == RowStatus.DUPLICATE;
		RowResult publishing = new RowResult(row.rowNumber(), duplicate ? RowStatus.DUPLICATE : RowStatus.CREATED,
				row.postId(), null, null, duplicate ? item.row().errorMessage() : null, row.attempts(), row.requestId(),
				now);
		return new Update(item, PostOutcomes.apply(publishing, retried, retries, now), retries);
	}

	private void holdIfPast(Followed item, AccountLimit limit, Instant deadline) {
		if (limit.until() == null || limit.until().isAfter(deadline)) {
			heldPastDeadline.add(item.key());
		}
	}

	/**
	 * One post on its own; a post Zernio no longer has is a failure of the row, not of the run, and one Zernio will not
	 * show (an id it calls invalid, a post of another key or profile) leaves the row as it is, saying so.
	 */
	private PostState lookUpAlone(String postId) {
		try {
			return client.getPost(postId);
		}
		catch (AccessRefusedException stop) {
			throw stop;
		}
		catch (ZernioApiException ex) {
			if (ex.status() == 404) {
				return PostState.missing(postId);
			}
			if (ex.status() == 400 || ex.status() == 403) {
				throw new LookUpRefusedException("Zernio would not show post " + PublishFailure.sanitised(postId)
						+ " when asked (" + PublishFailure.sanitised(ex.getMessage()) + "): its outcome is not known;"
						+ " if this result file was sent with another API key, follow it up with that key");
			}
			throw ex;
		}
	}

	/** A post Zernio would not show: the row's matter, not the run's. */
	private static final class LookUpRefusedException extends RuntimeException {

		LookUpRefusedException(String note) {
			super(note, null, false, false);
		}
	}
}

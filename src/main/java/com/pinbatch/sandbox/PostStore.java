package com.pinbatch.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every post the simulator created, plus the two memories Zernio keeps to stop duplicates: which
 * {@code x-request-id} made which post (5 minutes) and which content went to which account (24 hours).
 */
final class PostStore {

	private static final Logger LOG = LoggerFactory.getLogger(PostStore.class);

	static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
	static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);

	/** A state file line that records a retry of an earlier post, not a new post. */
	private static final String RETRY_OF = "retryOf";

	/** State file lines that record a post deleted, a post given a new time, and a post unpublished. */
	private static final String DELETED = "deleted";
	private static final String RESCHEDULED = "rescheduled";
	private static final String UNPUBLISHED = "unpublished";

	// how long a request waits for an in-flight twin with the same x-request-id before treating itself as new
	private static final long IN_FLIGHT_WAIT_SECONDS = 120;

	private final Map<String, StoredPost> byId = new LinkedHashMap<>();
	private final Map<String, StoredPost> byRequestId = new HashMap<>();
	private final Map<String, CompletableFuture<StoredPost>> inFlight = new HashMap<>();
	// indexes so that the checks on every create stay cheap in long benchmark runs
	private final Map<String, StoredPost> newestByFingerprint = new HashMap<>();
	private final Map<String, TreeMap<Instant, Integer>> publishTimesByAccount = new HashMap<>();
	private final Set<String> limitedAccounts = new HashSet<>();
	// posts whose outcome is still to come (publishing, or scheduled), soonest first: they settle when it is due
	private final PriorityQueue<StoredPost> unsettled = new PriorityQueue<>(Comparator.comparing(StoredPost::settlesAt));
	private final StateFile stateFile;
	private final Clock clock;
	private final PublishFates fates;

	PostStore(StateFile stateFile, Clock clock, PublishFates fates) {
		this.stateFile = stateFile;
		this.clock = clock;
		this.fates = fates;
		if (stateFile != null) {
			for (JsonNode entry : stateFile.load()) {
				try {
					if (entry.has(RETRY_OF)) {
						retried(entry.path(RETRY_OF).asString(), entry.path("retries").asInt(),
								Instant.parse(entry.path("at").asString()));
					}
					else if (entry.has(DELETED)) {
						Optional.ofNullable(byId.get(entry.path(DELETED).asString())).ifPresent(this::forget);
					}
					else if (entry.has(RESCHEDULED)) {
						Instant at = Instant.parse(entry.path("scheduledFor").asString());
						// a line written by hand, to play a post moved in Zernio, may leave out when it was moved
						Instant when = entry.hasNonNull("at") ? Instant.parse(entry.path("at").asString())
								: clock.instant();
						Optional.ofNullable(byId.get(entry.path(RESCHEDULED).asString()))
							.ifPresent(post -> moved(post, at, when));
					}
					else if (entry.has(UNPUBLISHED)) {
						// whatever it had come to: a line written by hand plays what someone did in Zernio
						Instant when = entry.hasNonNull("at") ? Instant.parse(entry.path("at").asString())
								: clock.instant();
						Optional.ofNullable(byId.get(entry.path(UNPUBLISHED).asString()))
							.ifPresent(post -> cancel(post, when));
					}
					else {
						remember(fromState(entry));
					}
				}
				catch (RuntimeException ex) {
					LOG.debug("Skipping a malformed post in the sandbox state file", ex);
				}
			}
		}
	}

	/**
	 * Claims a request id for one create. Returns the post an earlier request with this id made within the replay
	 * window (answer it as a replay), or empty: then the caller owns the id and must {@link #release} it. A twin
	 * still in flight is waited for, as Zernio does.
	 */
	Optional<StoredPost> claim(String requestId) throws InterruptedException {
		while (true) {
			CompletableFuture<StoredPost> twin;
			synchronized (this) {
				Instant now = clock.instant();
				publishDue(now);
				StoredPost earlier = byRequestId.get(requestId);
				if (earlier != null && !earlier.summary().createdAt().plus(REPLAY_WINDOW).isBefore(now)) {
					return Optional.of(earlier);
				}
				twin = inFlight.get(requestId);
				if (twin == null) {
					inFlight.put(requestId, new CompletableFuture<>());
					return Optional.empty();
				}
			}
			try {
				StoredPost made = twin.get(IN_FLIGHT_WAIT_SECONDS, TimeUnit.SECONDS);
				if (made != null) {
					return find(made.id());
				}
				// the twin created nothing: try to claim the id again
			}
			catch (ExecutionException | TimeoutException ex) {
				synchronized (this) {
					inFlight.remove(requestId, twin);
				}
			}
		}
	}

	/** Ends a claim; {@code created} is the post it made, or null. */
	void release(String requestId, StoredPost created) {
		CompletableFuture<StoredPost> claim;
		synchronized (this) {
			claim = inFlight.remove(requestId);
		}
		if (claim != null) {
			claim.complete(created);
		}
	}

	/**
	 * Stores a new post (on disk first, when there is a state file) and returns it as it stands now: a publish whose
	 * outcome is immediate is settled already.
	 */
	synchronized StoredPost add(StoredPost post) {
		if (stateFile != null) {
			stateFile.append(toState(post));
		}
		remember(post);
		publishDue(clock.instant());
		return byId.get(post.id());
	}

	/**
	 * {@code POST /v1/posts/{id}/retry}: publishes a failed post again; its outcome may be in the answer or come
	 * later, as for a create. Only a failed post can be retried, and only while its accounts are under their caps
	 * now: Zernio's answer to a retry lists the velocity limit among its 429s.
	 */
	synchronized StoredPost retry(String id, AccountCaps caps) {
		Instant now = clock.instant();
		publishDue(now);
		StoredPost post = byId.get(id);
		if (post == null) {
			throw ApiError.notFound("Not found");
		}
		String status = post.summary().status();
		if (status.equals("publishing")) {
			throw new ApiError(409, Json.error("Post is currently publishing."));
		}
		if (!status.equals("failed")) {
			throw ApiError.badRequest("Only failed posts can be retried; this post is " + status + ".");
		}
		for (String accountId : post.accountIds()) {
			caps.check(this, accountId, now);
		}
		int attempt = post.summary().retries() + 1;
		if (stateFile != null) {
			// a restarted sandbox must know the post was retried, or it would fail it again and invite another retry
			stateFile.append(Json.object().put(RETRY_OF, id).put("retries", attempt).put("at", Json.timestamp(now)));
		}
		PublishFates.Fate fate = fates.fate(post.fate(), attempt);
		StoredPost retried = post.with(post.summary().settled("publishing", attempt, null, null),
				PostJson.publishing(post.json(), now), now.plus(fate.delay()));
		replace(retried);
		unsettled.add(retried);
		publishDue(now);
		return byId.get(id);
	}

	/** A retry read back from the state file: the post publishes again from then, its outcome due at once. */
	private void retried(String id, int attempt, Instant at) {
		StoredPost post = byId.get(id);
		if (post == null) {
			return;
		}
		StoredPost retried = post.with(post.summary().settled("publishing", attempt, null, null),
				PostJson.publishing(post.json(), at), at);
		replace(retried);
		unsettled.add(retried);
	}

	/**
	 * {@code DELETE /v1/posts/{id}}: a draft or a scheduled post is gone, and with it its hold on its content (the
	 * duplicate check) and on its account's caps.
	 */
	synchronized void delete(String id) {
		StoredPost post = changeable(id, "deleted");
		if (stateFile != null) {
			stateFile.append(Json.object().put(DELETED, id));
		}
		forget(post);
	}

	/**
	 * {@code PUT /v1/posts/{id}} with a new {@code scheduledFor}: a scheduled post publishes then instead, and counts
	 * against its account's caps then; a draft keeps the time for when it is scheduled.
	 */
	synchronized StoredPost reschedule(String id, Instant at) {
		Instant now = clock.instant();
		StoredPost post = changeable(id, "rescheduled");
		if (!post.draft() && !at.isAfter(now)) {
			throw ApiError.badRequest("scheduledFor must be in the future.");
		}
		if (stateFile != null) {
			stateFile.append(Json.object().put(RESCHEDULED, id).put("scheduledFor", Json.timestamp(at))
				.put("at", Json.timestamp(now)));
		}
		moved(post, at, now);
		return byId.get(id);
	}

	/**
	 * {@code POST /v1/posts/{id}/unpublish}: a published post's pin is taken off Pinterest, and the post is
	 * {@code cancelled} (its pin still counts against its account's caps, as Pinterest counts what was posted).
	 */
	synchronized StoredPost unpublish(String id) {
		Instant now = clock.instant();
		publishDue(now);
		StoredPost post = byId.get(id);
		if (post == null) {
			throw ApiError.notFound("Not found");
		}
		if (!post.summary().status().equals("published")) {
			throw ApiError.badRequest("Only published posts can be unpublished; this post is "
					+ post.summary().status() + ".");
		}
		if (stateFile != null) {
			stateFile.append(Json.object().put(UNPUBLISHED, id).put("at", Json.timestamp(now)));
		}
		return cancel(post, now);
	}

	private StoredPost cancel(StoredPost post, Instant at) {
		SandboxPost summary = post.summary();
		StoredPost cancelled = post.with(summary.settled("cancelled", summary.retries(), null, null),
				PostJson.cancelled(post.json(), at), null); // nothing to come: a queued outcome is passed over
		replace(cancelled);
		return cancelled;
	}

	/** Zernio changes only posts that wait: a draft or a scheduled one. */
	private StoredPost changeable(String id, String change) {
		publishDue(clock.instant());
		StoredPost post = byId.get(id);
		if (post == null) {
			throw ApiError.notFound("Not found");
		}
		String status = post.summary().status();
		if (!status.equals("draft") && !status.equals("scheduled")) {
			throw ApiError.badRequest("Only draft or scheduled posts can be " + change + "; this post is " + status
					+ ".");
		}
		return post;
	}

	private void forget(StoredPost post) {
		byId.remove(post.id());
		if (post.summary().requestId() != null) {
			byRequestId.computeIfPresent(post.summary().requestId(),
					(requestId, old) -> old.id().equals(post.id()) ? null : old);
		}
		for (String fingerprint : post.fingerprints()) {
			// an older post of the same content may hold it again
			newestByFingerprint.remove(fingerprint);
			byId.values().stream()
				.filter(other -> !other.draft() && other.fingerprints().contains(fingerprint))
				.max(Comparator.comparing(other -> other.summary().createdAt()))
				.ifPresent(other -> newestByFingerprint.put(fingerprint, other));
		}
		post.publications().forEach(this::unpublish);
	}

	private void moved(StoredPost post, Instant at, Instant now) {
		ObjectNode json = post.json().deepCopy();
		json.put("scheduledFor", Json.timestamp(at));
		json.put("updatedAt", Json.timestamp(now));
		for (JsonNode platform : json.path("platforms")) {
			if (platform.has("scheduledFor")) {
				((ObjectNode) platform).put("scheduledFor", Json.timestamp(at));
			}
		}
		List<StoredPost.Publication> publications = post.publications()
			.stream()
			.map(pin -> new StoredPost.Publication(pin.accountId(), at))
			.toList();
		post.publications().forEach(this::unpublish);
		StoredPost moved = new StoredPost(post.summary(), json, post.accountIds(), post.fingerprints(), post.draft(),
				publications, post.draft() ? null : at);
		replace(moved);
		publications.forEach(this::publish);
		if (!post.draft()) {
			unsettled.add(moved);
		}
	}

	private void publish(StoredPost.Publication pin) {
		publishTimesByAccount.computeIfAbsent(pin.accountId(), id -> new TreeMap<>()).merge(pin.at(), 1, Integer::sum);
	}

	private void unpublish(StoredPost.Publication pin) {
		TreeMap<Instant, Integer> pins = publishTimesByAccount.get(pin.accountId());
		if (pins != null) {
			pins.computeIfPresent(pin.at(), (at, count) -> count > 1 ? count - 1 : null);
		}
	}

	/** The newest non-draft post with this fingerprint created within the last 24 hours. */
	synchronized Optional<StoredPost> duplicateOf(String fingerprint, Instant now) {
		StoredPost newest = newestByFingerprint.get(fingerprint);
		if (newest == null || !newest.summary().createdAt().isAfter(now.minus(DUPLICATE_WINDOW))) {
			return Optional.empty();
		}
		return Optional.of(newest);
	}

	/**
	 * When the account's pins that count against its caps go live, oldest first, from just after {@code since} on
	 * (one entry per pin, so a time can repeat).
	 */
	synchronized List<Instant> publishTimesAfter(String accountId, Instant since) {
		List<Instant> times = new ArrayList<>();
		TreeMap<Instant, Integer> pins = publishTimesByAccount.get(accountId);
		if (pins != null) {
			pins.tailMap(since, false).forEach((at, count) -> times.addAll(Collections.nCopies(count, at)));
		}
		return times;
	}

	synchronized Optional<StoredPost> find(String id) {
		publishDue(clock.instant());
		return Optional.ofNullable(byId.get(id));
	}

	synchronized List<StoredPost> all() {
		publishDue(clock.instant());
		return new ArrayList<>(byId.values());
	}

	synchronized int size() {
		return byId.size();
	}

	/** Whether from now on Pinterest refuses every publish of this account as spam-like activity (user_abuse). */
	synchronized void limitAccount(String accountId, boolean limited) {
		if (limited) {
			limitedAccounts.add(accountId);
		}
		else {
			limitedAccounts.remove(accountId);
		}
	}

	private void publishDue(Instant now) {
		while (!unsettled.isEmpty() && !unsettled.peek().settlesAt().isAfter(now)) {
			StoredPost due = unsettled.poll();
			if (byId.get(due.id()) != due) {
				continue; // replaced since (a retry): its newer version is queued on its own
			}
			StoredPost settled = settle(due);
			replace(settled);
			if (settled.settlesAt() != null) {
				unsettled.add(settled); // its pin is removed from Pinterest later
			}
		}
	}

	/** The post once its publish attempt came to the outcome its fate says, at the instant it was due. */
	private StoredPost settle(StoredPost due) {
		Instant at = due.settlesAt();
		SandboxPost summary = due.summary();
		if (summary.status().equals("published")) {
			return due.with(summary, PostJson.removed(due.json(), at), null); // the pin's removal came due
		}
		PublishFates.Fate fate = fates.fate(due.fate(), summary.retries());
		if (due.accountIds().stream().anyMatch(limitedAccounts::contains)) {
			fate = new PublishFates.Fate(PublishFates.PinterestError.ACCOUNT_LIMITED, fate.delay());
		}
		if (fate.published()) {
			ObjectNode json = PostJson.published(due.json(), at);
			String pinUrl = json.path("platforms").path(0).path("platformPostUrl").asString(null);
			SandboxPost published = summary.settled("published", summary.retries(), null, pinUrl);
			Duration removal = fates.removal(due.fate()); // due at once for no delay: settled in the same pass
			return due.with(published, json, removal == null ? null : at.plus(removal));
		}
		return due.with(summary.settled("failed", summary.retries(), fate.error().category, null),
				PostJson.failed(due.json(), at, fate.error()), null);
	}

	/** Posts are replaced, never changed in place: answers being written may still hold the old version. */
	private void replace(StoredPost post) {
		byId.put(post.id(), post);
		if (post.summary().requestId() != null) {
			byRequestId.computeIfPresent(post.summary().requestId(), (requestId, old) -> sameId(old, post));
		}
		post.fingerprints().forEach(print -> newestByFingerprint.computeIfPresent(print, (key, old) -> sameId(old, post)));
	}

	private static StoredPost sameId(StoredPost current, StoredPost replacement) {
		return current.id().equals(replacement.id()) ? replacement : current;
	}

	private void remember(StoredPost post) {
		if (post.settlesAt() != null) {
			unsettled.add(post);
		}
		byId.put(post.id(), post);
		if (post.summary().requestId() != null) {
			byRequestId.put(post.summary().requestId(), post);
		}
		if (!post.draft()) {
			post.fingerprints().forEach(fingerprint -> newestByFingerprint.merge(fingerprint, post,
					(old, added) -> added.summary().createdAt().isBefore(old.summary().createdAt()) ? old : added));
		}
		post.publications().forEach(this::publish);
	}

	private static ObjectNode toState(StoredPost post) {
		ObjectNode entry = Json.object();
		entry.put("requestId", post.summary().requestId());
		entry.put("requestBody", post.summary().requestBody());
		entry.put("draft", post.draft());
		post.accountIds().forEach(entry.putArray("accountIds")::add);
		post.fingerprints().forEach(entry.putArray("fingerprints")::add);
		ArrayNode publications = entry.putArray("publications");
		post.publications().forEach(pin -> publications.addObject()
			.put("accountId", pin.accountId())
			.put("at", Json.timestamp(pin.at())));
		entry.set("post", post.json());
		return entry;
	}

	private static StoredPost fromState(JsonNode entry) {
		ObjectNode json = (ObjectNode) entry.get("post");
		List<String> accountIds = strings(entry.path("accountIds"));
		SandboxPost summary = new SandboxPost(json.path("_id").asString(),
				accountIds.isEmpty() ? null : accountIds.get(0), entry.path("requestId").asString(null),
				json.path("status").asString(), entry.path("requestBody").asString(""),
				PostJson.metadataMap(json.path("metadata")), Instant.parse(json.path("createdAt").asString()));
		boolean draft = entry.path("draft").asBoolean();
		// an outcome still to come: a scheduled post at its time, a publish cut short by the restart at once
		Instant settlesAt = summary.status().equals("scheduled") ? Instant.parse(json.path("scheduledFor").asString())
				: summary.status().equals("publishing") ? summary.createdAt() : null;
		return new StoredPost(summary, json, accountIds, strings(entry.path("fingerprints")), draft,
				publications(entry.path("publications"), accountIds, draft, summary.createdAt()), settlesAt);
	}

	/** A state file written before publish times were kept counted non-draft pins at their creation. */
	private static List<StoredPost.Publication> publications(JsonNode array, List<String> accountIds, boolean draft,
			Instant createdAt) {
		List<StoredPost.Publication> publications = new ArrayList<>();
		if (array instanceof ArrayNode) {
			array.forEach(pin -> publications.add(
					new StoredPost.Publication(pin.path("accountId").asString(), Instant.parse(pin.path("at").asString()))));
		}
		else if (!draft) {
			accountIds.forEach(accountId -> publications.add(new StoredPost.Publication(accountId, createdAt)));
		}
		return List.copyOf(publications);
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array instanceof ArrayNode) {
			array.forEach(value -> values.add(value.asString()));
		}
		return values;
	}
}

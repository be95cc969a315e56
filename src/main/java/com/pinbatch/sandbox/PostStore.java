package com.pinbatch.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every post the simulator created, plus the two memories Zernio keeps to stop duplicates: which
 * {@code x-request-id} made which post (5 minutes) and which content went to which account (24 hours).
 */
final class PostStore {

	private static final Logger LOG = Logger.getLogger(PostStore.class.getName());

	static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
	static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);

	// how long a request waits for an in-flight twin with the same x-request-id before treating itself as new
	private static final long IN_FLIGHT_WAIT_SECONDS = 120;

	private final Map<String, StoredPost> byId = new LinkedHashMap<>();
	private final Map<String, StoredPost> byRequestId = new HashMap<>();
	private final Map<String, CompletableFuture<StoredPost>> inFlight = new HashMap<>();
	// indexes so that the checks on every create stay cheap in long benchmark runs
	private final Map<String, StoredPost> newestByFingerprint = new HashMap<>();
	private final Map<String, TreeMap<Instant, Integer>> publishTimesByAccount = new HashMap<>();
	// scheduled posts, soonest first: they turn published when their time comes, as they would on Zernio
	private final PriorityQueue<StoredPost> scheduled = new PriorityQueue<>(
			Comparator.comparing(post -> Instant.parse(post.json().path("scheduledFor").asString())));
	private final StateFile stateFile;
	private final Clock clock;

	PostStore(StateFile stateFile, Clock clock) {
		this.stateFile = stateFile;
		this.clock = clock;
		if (stateFile != null) {
			for (JsonNode entry : stateFile.load()) {
				try {
					remember(fromState(entry));
				}
				catch (RuntimeException ex) {
					LOG.log(Level.FINE, "Skipping a malformed post in the sandbox state file", ex);
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

	/** Stores a new post (on disk first, when there is a state file). */
	synchronized void add(StoredPost post) {
		if (stateFile != null) {
			stateFile.append(toState(post));
		}
		remember(post);
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

	private void publishDue(Instant now) {
		while (!scheduled.isEmpty()
				&& !Instant.parse(scheduled.peek().json().path("scheduledFor").asString()).isAfter(now)) {
			StoredPost due = scheduled.poll();
			Instant at = Instant.parse(due.json().path("scheduledFor").asString());
			SandboxPost summary = due.summary();
			StoredPost published = new StoredPost(new SandboxPost(summary.id(), summary.accountId(),
					summary.requestId(), "published", summary.requestBody(), summary.metadata(), summary.createdAt()),
					PostJson.published(due.json(), at), due.accountIds(), due.fingerprints(), due.draft(),
					due.publications());
			// posts are replaced, never changed in place: answers being written may still hold the old version
			byId.put(published.id(), published);
			if (summary.requestId() != null) {
				byRequestId.computeIfPresent(summary.requestId(), (requestId, post) -> sameId(post, published));
			}
			published.fingerprints()
				.forEach(print -> newestByFingerprint.computeIfPresent(print, (key, post) -> sameId(post, published)));
		}
	}

	private static StoredPost sameId(StoredPost current, StoredPost replacement) {
		return current.id().equals(replacement.id()) ? replacement : current;
	}

	private void remember(StoredPost post) {
		if ("scheduled".equals(post.summary().status())) {
			scheduled.add(post);
		}
		byId.put(post.id(), post);
		if (post.summary().requestId() != null) {
			byRequestId.put(post.summary().requestId(), post);
		}
		if (!post.draft()) {
			post.fingerprints().forEach(fingerprint -> newestByFingerprint.merge(fingerprint, post,
					(old, added) -> added.summary().createdAt().isBefore(old.summary().createdAt()) ? old : added));
		}
		post.publications().forEach(pin -> publishTimesByAccount.computeIfAbsent(pin.accountId(), id -> new TreeMap<>())
			.merge(pin.at(), 1, Integer::sum));
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
		return new StoredPost(summary, json, accountIds, strings(entry.path("fingerprints")), draft,
				publications(entry.path("publications"), accountIds, draft, summary.createdAt()));
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

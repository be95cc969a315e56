package com.pinbatch.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
	private final StateFile stateFile;

	PostStore(StateFile stateFile) {
		this.stateFile = stateFile;
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
	Optional<StoredPost> claim(String requestId, Clock clock) throws InterruptedException {
		while (true) {
			CompletableFuture<StoredPost> twin;
			synchronized (this) {
				StoredPost earlier = byRequestId.get(requestId);
				Instant now = clock.instant();
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
					return Optional.of(made);
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
		Instant horizon = now.minus(DUPLICATE_WINDOW);
		StoredPost newest = null;
		for (StoredPost post : byId.values()) {
			if (!post.draft() && post.fingerprints().contains(fingerprint)
					&& post.summary().createdAt().isAfter(horizon)) {
				newest = post;
			}
		}
		return Optional.ofNullable(newest);
	}

	/** Creation times (oldest first) of the account's non-draft posts since {@code since}. */
	synchronized List<Instant> createdSince(String accountId, Instant since) {
		List<Instant> times = new ArrayList<>();
		for (StoredPost post : byId.values()) {
			Instant created = post.summary().createdAt();
			if (!post.draft() && post.accountIds().contains(accountId) && created.isAfter(since)) {
				times.add(created);
			}
		}
		times.sort(null);
		return times;
	}

	synchronized Optional<StoredPost> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	synchronized List<StoredPost> all() {
		return new ArrayList<>(byId.values());
	}

	synchronized int size() {
		return byId.size();
	}

	private void remember(StoredPost post) {
		byId.put(post.id(), post);
		if (post.summary().requestId() != null) {
			byRequestId.put(post.summary().requestId(), post);
		}
	}

	private static ObjectNode toState(StoredPost post) {
		ObjectNode entry = Json.object();
		entry.put("requestId", post.summary().requestId());
		entry.put("requestBody", post.summary().requestBody());
		entry.put("draft", post.draft());
		post.accountIds().forEach(entry.putArray("accountIds")::add);
		post.fingerprints().forEach(entry.putArray("fingerprints")::add);
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
		return new StoredPost(summary, json, accountIds, strings(entry.path("fingerprints")),
				entry.path("draft").asBoolean());
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array instanceof ArrayNode) {
			array.forEach(value -> values.add(value.asString()));
		}
		return values;
	}
}

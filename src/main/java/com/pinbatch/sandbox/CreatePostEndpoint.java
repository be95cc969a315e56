package com.pinbatch.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/posts}: validation, then Zernio's idempotency layers in its order (request-id replay, then
 * 24-hour content dedup), then the account caps, then the simulated failures, then the create.
 */
final class CreatePostEndpoint {

	private static final Logger LOG = LoggerFactory.getLogger(CreatePostEndpoint.class);

	private static final String DUPLICATE_MESSAGE = "This exact content is already scheduled, publishing, or was "
			+ "posted to this account within the last 24 hours.";

	private final PostStore store;
	private final AccountCaps caps;
	private final FaultInjector faults;
	private final PublishFates fates;
	private final Clock clock;
	private final Duration latency;
	private final Duration jitter;
	private final Random jitterRandom;
	private final PinterestPostValidator validator;
	private final List<Consumer<SandboxPost>> listeners = new CopyOnWriteArrayList<>();
	// duplicate and cap checks must see every earlier create, so check-then-store is one step
	private final Object createLock = new Object();
	private final AtomicInteger inFlight = new AtomicInteger();
	private final AtomicInteger peakInFlight = new AtomicInteger();

	CreatePostEndpoint(PostStore store, SeedAccounts accounts, AccountCaps caps, FaultInjector faults,
			PublishFates fates, Clock clock, SandboxSettings settings) {
		this.store = store;
		this.fates = fates;
		this.validator = new PinterestPostValidator(accounts);
		this.caps = caps;
		this.faults = faults;
		this.clock = clock;
		this.latency = settings.latency();
		this.jitter = settings.latencyJitter();
		this.jitterRandom = new Random(settings.randomSeed());
	}

	void onPostCreated(Consumer<SandboxPost> listener) {
		listeners.add(listener);
	}

	int peakConcurrentCreates() {
		return peakInFlight.get();
	}

	void create(HttpCall call) {
		peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
		try {
			simulateLatency();
			ValidatedPost request = validator.validate(call.jsonBody());
			String requestId = blankToNull(call.header("x-request-id"));
			if (requestId != null) {
				Optional<StoredPost> earlier = store.claim(requestId);
				if (earlier.isPresent()) {
					ObjectNode replay = Json.object().put("message",
							"Request already processed; returning the post it created.");
					replay.set("existingPost", earlier.get().json());
					call.respond(200, replay);
					return;
				}
			}
			StoredPost created = null;
			try {
				created = admitAndStore(request, requestId, call.body());
			}
			finally {
				if (requestId != null) {
					store.release(requestId, created);
				}
			}
			notifyListeners(created.summary());
			if (faults.takeDrop()) {
				call.drop();
				return;
			}
			ObjectNode answer = Json.object().put("message", message(request.kind(), created.summary().status()));
			if (!faults.takeAnswerWithoutPost()) {
				answer.set("post", created.json());
			}
			faults.answer(call, 201, answer);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ApiError(503, Json.error("The sandbox is shutting down."));
		}
		finally {
			inFlight.decrementAndGet();
		}
	}

	private StoredPost admitAndStore(ValidatedPost request, String requestId, String requestBody) {
		synchronized (createLock) {
			Instant now = clock.instant();
			boolean draft = request.kind() == ValidatedPost.Kind.DRAFT;
			List<String> fingerprints = new ArrayList<>();
			List<String> accountIds = new ArrayList<>();
			List<StoredPost.Publication> publications = new ArrayList<>();
			for (ValidatedPost.Target target : request.targets()) {
				String accountId = target.account().id();
				String fingerprint = ContentFingerprint.of("pinterest", accountId, target.content(), target.media());
				if (!draft) {
					Optional<StoredPost> duplicate = store.duplicateOf(fingerprint, now);
					if (duplicate.isPresent()) {
						throw duplicate(accountId, duplicate.get().id());
					}
				}
				Optional<Instant> publishAt = publishTime(request, target, now);
				if (publishAt.isPresent()) {
					caps.check(store, accountId, publishAt.get());
					publications.add(new StoredPost.Publication(accountId, publishAt.get()));
				}
				fingerprints.add(fingerprint);
				accountIds.add(accountId);
			}
			int failure = faults.nextFailure();
			if (failure != 0) {
				throw FaultInjector.failure(failure);
			}
			String id = PostJson.newId(now);
			ObjectNode json = PostJson.build(id, request, now);
			SandboxPost summary = new SandboxPost(id, accountIds.isEmpty() ? null : accountIds.get(0), requestId,
					PostJson.status(request.kind()), requestBody, PostJson.metadataMap(request.metadata()), now);
			StoredPost post = new StoredPost(summary, json, List.copyOf(accountIds), List.copyOf(fingerprints),
					draft, List.copyOf(publications), settlesAt(request, json, fingerprints, now));
			return store.add(post);
		}
	}

	/**
	 * When this pin goes live, the instant its account's caps count it at (see {@link AccountCaps}): now when
	 * published at once, its own or the post's {@code scheduledFor} when scheduled; none for a draft or a post left
	 * to the profile's queue.
	 */
	private static Optional<Instant> publishTime(ValidatedPost request, ValidatedPost.Target target, Instant now) {
		if (request.kind() == ValidatedPost.Kind.PUBLISHED) {
			return Optional.of(now);
		}
		if (request.kind() == ValidatedPost.Kind.DRAFT) {
			return Optional.empty();
		}
		return Optional.ofNullable(target.scheduledFor() != null ? target.scheduledFor() : request.scheduledFor());
	}

	/** When Pinterest's answer is due: a publish now after its fate's delay (none: in this answer), a schedule at its time. */
	private Instant settlesAt(ValidatedPost request, ObjectNode json, List<String> fingerprints, Instant now) {
		if (request.kind() == ValidatedPost.Kind.PUBLISHED) {
			return now.plus(fates.fate(fingerprints.isEmpty() ? null : fingerprints.get(0), 0).delay());
		}
		if (request.kind() == ValidatedPost.Kind.SCHEDULED && json.path("scheduledFor").isString()) {
			return Instant.parse(json.path("scheduledFor").asString());
		}
		return null;
	}

	private void notifyListeners(SandboxPost post) {
		for (Consumer<SandboxPost> listener : listeners) {
			try {
				listener.accept(post);
			}
			catch (RuntimeException ex) {
				LOG.debug("A sandbox onPostCreated listener failed", ex);
			}
		}
	}

	private void simulateLatency() throws InterruptedException {
		long millis = latency.toMillis();
		long jitterMillis = jitter.toMillis();
		if (jitterMillis > 0) {
			synchronized (jitterRandom) {
				millis += (long) (jitterRandom.nextDouble() * jitterMillis);
			}
		}
		if (millis > 0) {
			Thread.sleep(millis);
		}
	}

	private static ApiError duplicate(String accountId, String existingPostId) {
		ApiError error = new ApiError(409, Json.error(DUPLICATE_MESSAGE));
		error.body()
			.putObject("details")
			.put("accountId", accountId)
			.put("platform", "pinterest")
			.put("existingPostId", existingPostId);
		return error;
	}

	private static String message(ValidatedPost.Kind kind, String status) {
		if (kind == ValidatedPost.Kind.PUBLISHED) {
			return switch (status) {
				case "published" -> "Post published successfully";
				case "failed" -> "Post created, but publishing failed";
				default -> "Post created; publishing is in progress";
			};
		}
		return kind == ValidatedPost.Kind.DRAFT ? "Post saved as draft" : "Post scheduled successfully";
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}

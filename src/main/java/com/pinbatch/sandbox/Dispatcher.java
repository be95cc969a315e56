package com.pinbatch.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Front door of every request: bearer check, the throughput window and its headers, routing, error answers, and
 * the request log the tests read.
 */
final class Dispatcher implements HttpHandler {

	private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
	private static final String API_PREFIX = "/api";

	private final String apiKey;
	private final Clock clock;
	private final ThroughputWindow window;
	private final AccountsEndpoint accounts;
	private final CreatePostEndpoint creates;
	private final PostQueryEndpoint queries;
	private final MediaEndpoint media;
	private final RetryEndpoint retries;
	private final PostChangeEndpoint changes;
	private final List<RecordedRequest> recorded = Collections.synchronizedList(new ArrayList<>());
	private final AtomicInteger rateLimited = new AtomicInteger();
	private volatile RateLimitStorms storms;

	private volatile Outage outage = Outage.NONE;

	/** The key's resource groups disabled, as on a restricted Zernio key ({@code zrk_}). */
	private volatile Set<String> disabledGroups = Set.of();
	private volatile Consumer<String> onArrival = request -> {
	};

	Dispatcher(String apiKey, Clock clock, ThroughputWindow window, AccountsEndpoint accounts,
			CreatePostEndpoint creates, PostQueryEndpoint queries, RetryEndpoint retries, PostChangeEndpoint changes,
			MediaEndpoint media) {
		this.retries = retries;
		this.changes = changes;
		this.apiKey = apiKey;
		this.clock = clock;
		this.window = window;
		this.accounts = accounts;
		this.creates = creates;
		this.queries = queries;
		this.media = media;
	}

	List<RecordedRequest> recorded() {
		synchronized (recorded) {
			return List.copyOf(recorded);
		}
	}

	void disableGroups(Set<String> groups) {
		this.disabledGroups = Set.copyOf(groups);
	}

	void storms(RateLimitStorms storms) {
		this.storms = storms;
	}

	void outage(Outage outage) {
		this.outage = outage;
	}

	int rateLimitedResponses() {
		return rateLimited.get();
	}

	void onArrival(Consumer<String> listener) {
		onArrival = listener;
	}

	@Override
	public void handle(HttpExchange exchange) {
		HttpCall call = new HttpCall(exchange, this::record);
		onArrival.accept(call.method() + " " + call.path());
		try {
			route(call);
		}
		catch (ApiError error) {
			if (!call.answered()) {
				error.headers().forEach(call::setHeader);
				call.respond(error.status(), error.body());
			}
		}
		catch (RuntimeException ex) {
			LOG.debug("Sandbox failed on {} {}", call.method(), call.path(), ex);
			if (!call.answered()) {
				call.respond(500, Json.error("Internal server error"));
			}
		}
		finally {
			if (!call.answered()) {
				call.respond(500, Json.error("Internal server error"));
			}
		}
	}

	private void record(HttpCall call) {
		if (call.status() == 429) {
			rateLimited.incrementAndGet();
		}
		recorded.add(new RecordedRequest(call.method(), call.path(), call.rawQuery(), call.headers(),
				call.bodyIfRead(), call.status(), clock.instant()));
		LOG.debug("{} {} -> {}", call.method(), call.path(), call.status());
	}

	private void route(HttpCall call) {
		String path = call.path();
		if (!path.startsWith(API_PREFIX + "/")) {
			rateHeaders(call, window.peek(clock.instant()));
			throw ApiError.notFound("Not found");
		}
		String rest = path.substring(API_PREFIX.length());
		if (rest.startsWith(MediaEndpoint.UPLOAD_PATH)) {
			rateHeaders(call, window.peek(clock.instant()));
			requireMethod(call, "PUT");
			media.upload(call, rest.substring(MediaEndpoint.UPLOAD_PATH.length()));
			return;
		}
		if (!rest.equals("/v1") && !rest.startsWith("/v1/")) {
			rateHeaders(call, window.peek(clock.instant()));
			throw ApiError.notFound("Not found");
		}
		if (outage.on(clock.instant())) {
			throw FaultInjector.failure(503); // what answers for a service that is down: no rate headers
		}
		if (!isAuthorized(call.header("Authorization"))) {
			rateHeaders(call, window.peek(clock.instant()));
			throw new ApiError(401, Json.error("Unauthorized"));
		}
		RateLimitStorms scripted = storms;
		Optional<Duration> storm = scripted == null ? Optional.empty() : scripted.refusal(clock.instant());
		if (storm.isPresent()) {
			ThroughputWindow.Decision now = window.peek(clock.instant());
			int remaining = scripted.showRoom() ? now.remaining() : 0;
			rateHeaders(call, new ThroughputWindow.Decision(false, now.limit(), remaining, now.resetEpochSecond(), 0));
			throw stormRefusal(storm.get());
		}
		ThroughputWindow.Decision decision = window.acquire(clock.instant());
		rateHeaders(call, decision);
		if (!decision.admitted()) {
			throw throughputExceeded(decision);
		}
		routeApi(call, HttpCall.segments(rest));
	}

	private void routeApi(HttpCall call, List<String> segments) {
		// segments start with "v1"
		int size = segments.size();
		String first = size > 1 ? segments.get(1) : "";
		// Zernio's resource group of each operation (its x-resource-group): accounts and boards, or publishing
		String group = first.equals("accounts") ? "accounts" : "publishing";
		if (disabledGroups.contains(group)) {
			ApiError refused = new ApiError(403, Json.error("This API key has the '" + group + "' resource group"
					+ " disabled. " + call.method() + " /api/" + String.join("/", segments) + " requires it. Create a"
					+ " key with '" + group + "' enabled in the dashboard API keys tab."));
			refused.body().put("code", "insufficient_permissions").put("required_group", group);
			throw refused;
		}
		if (first.equals("accounts") && size == 2) {
			requireMethod(call, "GET");
			accounts.list(call);
		}
		else if (first.equals("accounts") && size == 4 && segments.get(3).equals("pinterest-boards")) {
			requireMethod(call, "GET");
			accounts.boards(call, segments.get(2));
		}
		else if (first.equals("posts") && size == 2) {
			requireMethod(call, "GET", "POST");
			if (call.method().equals("POST")) {
				creates.create(call);
			}
			else {
				queries.list(call);
			}
		}
		else if (first.equals("posts") && size == 3) {
			requireMethod(call, "GET", "PUT", "DELETE");
			switch (call.method()) {
				case "PUT" -> changes.update(call, segments.get(2));
				case "DELETE" -> changes.delete(call, segments.get(2));
				default -> queries.get(call, segments.get(2));
			}
		}
		else if (first.equals("posts") && size == 4 && segments.get(3).equals("unpublish")) {
			requireMethod(call, "POST");
			changes.unpublish(call, segments.get(2));
		}
		else if (first.equals("posts") && size == 4 && segments.get(3).equals("retry")) {
			requireMethod(call, "POST");
			retries.retry(call, segments.get(2));
		}
		else if (first.equals("media") && size == 3 && segments.get(2).equals("presign")) {
			requireMethod(call, "POST");
			media.presign(call);
		}
		else {
			throw ApiError.notFound("Not found");
		}
	}

	private boolean isAuthorized(String header) {
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		// constant-time comparison, as any key check should be
		return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
				apiKey.getBytes(StandardCharsets.UTF_8));
	}

	private static void requireMethod(HttpCall call, String... allowed) {
		for (String method : allowed) {
			if (method.equals(call.method())) {
				return;
			}
		}
		throw new ApiError(405, Json.error("Method not allowed")).withHeader("Allow", String.join(", ", allowed));
	}

	private static ApiError throughputExceeded(ThroughputWindow.Decision decision) {
		ApiError error = new ApiError(429, Json.error("Rate limit exceeded: more than " + decision.limit()
				+ " requests per minute for this API key. Retry after " + decision.retryAfterSeconds() + " seconds."));
		error.body()
			.putObject("details")
			.put("reason", "api_rate_limit")
			.put("limit", decision.limit())
			.put("windowSeconds", ThroughputWindow.WINDOW.toSeconds())
			.put("retryAfterSeconds", decision.retryAfterSeconds());
		return error.withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
	}

	private static ApiError stormRefusal(Duration retryAfter) {
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		ApiError error = new ApiError(429, Json.error("Too many requests. Please retry after " + seconds + " seconds."));
		error.body().putObject("details").put("reason", "api_rate_limit").put("retryAfterSeconds", seconds);
		return error.withHeader("Retry-After", Long.toString(seconds));
	}

	private static void rateHeaders(HttpCall call, ThroughputWindow.Decision decision) {
		call.setHeader("X-RateLimit-Limit", Integer.toString(decision.limit()));
		call.setHeader("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
		call.setHeader("X-RateLimit-Reset", Long.toString(decision.resetEpochSecond()));
	}
}

package com.pinbatch.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /v1/posts} and {@code GET /v1/posts/{id}}. */
final class PostQueryEndpoint {

	private static final Set<String> STATUSES = Set.of("draft", "scheduled", "published", "failed");
	private static final Set<String> SORTS = Set.of("scheduled-desc", "scheduled-asc", "created-desc", "created-asc",
			"status", "platform");
	private static final int MAX_LIMIT = 500;

	private final PostStore store;
	private final SeedAccounts accounts;
	private final FaultInjector faults;
	private volatile boolean listingsWithoutMetadata;

	PostQueryEndpoint(PostStore store, SeedAccounts accounts, FaultInjector faults) {
		this.store = store;
		this.accounts = accounts;
		this.faults = faults;
	}

	/** Listings leave each post's metadata out, as a listing that does not return it (or an edited post) would. */
	void listWithoutMetadata(boolean without) {
		listingsWithoutMetadata = without;
	}

	/** A look-up that the test or the settings fail answers as Zernio does when it is down (a 5xx or a 429). */
	private void failIfTold() {
		int failure = faults.nextFailure();
		if (failure != 0) {
			throw FaultInjector.failure(failure);
		}
	}

	void get(HttpCall call, String id) {
		failIfTold();
		PostJson.requireId(id);
		StoredPost post = store.find(id).orElseThrow(() -> ApiError.notFound("Not found"));
		ObjectNode answer = Json.object();
		answer.set("post", post.json());
		faults.answer(call, 200, answer);
	}

	void list(HttpCall call) {
		failIfTold();
		int page = call.queryNumber("page", 1, 1, Integer.MAX_VALUE);
		int limit = call.queryNumber("limit", 10, 1, MAX_LIMIT);
		String status = call.queryText("status");
		if (status != null && !STATUSES.contains(status)) {
			throw ApiError.badRequest("Invalid status '" + status + "'. Use one of draft, scheduled, published, failed.");
		}
		String sortBy = call.queryText("sortBy");
		if (sortBy != null && !SORTS.contains(sortBy)) {
			throw ApiError.badRequest("Invalid sortBy '" + sortBy + "'.");
		}
		Instant from = dateBound(call, "dateFrom", false);
		Instant to = dateBound(call, "dateTo", true);

		Predicate<StoredPost> filter = post -> true;
		if (status != null) {
			filter = filter.and(post -> status.equals(post.json().path("status").asString()));
		}
		String accountId = call.queryText("accountId");
		if (accountId != null) {
			filter = filter.and(post -> post.accountIds().contains(accountId));
		}
		String platform = call.queryText("platform");
		if (platform != null) {
			filter = filter.and(post -> platform.equals(firstPlatform(post)));
		}
		String profileId = call.queryText("profileId");
		if (profileId != null && !"all".equals(profileId)) {
			filter = filter.and(post -> post.accountIds()
				.stream()
				.anyMatch(id -> accounts.find(id).map(a -> a.profileId().equals(profileId)).orElse(false)));
		}
		String search = call.queryText("search");
		if (search != null) {
			String needle = search.toLowerCase(Locale.ROOT);
			filter = filter.and(post -> post.json().path("content").asString("").toLowerCase(Locale.ROOT)
				.contains(needle));
		}
		if (from != null) {
			filter = filter.and(post -> !post.summary().createdAt().isBefore(from));
		}
		if (to != null) {
			filter = filter.and(post -> !post.summary().createdAt().isAfter(to));
		}

		List<StoredPost> matches = store.all().stream().filter(filter).sorted(order(sortBy)).toList();
		int total = matches.size();
		ObjectNode answer = Json.object();
		ArrayNode posts = answer.putArray("posts");
		long skip = (long) (page - 1) * limit;
		matches.stream().skip(skip).limit(limit).forEach(post -> posts.add(listed(post)));
		answer.putObject("pagination")
			.put("page", page)
			.put("limit", limit)
			.put("total", total)
			.put("pages", (total + limit - 1) / limit);
		faults.answer(call, 200, answer);
	}

	private JsonNode listed(StoredPost post) {
		if (!listingsWithoutMetadata) {
			return post.json();
		}
		ObjectNode copy = post.json().deepCopy();
		copy.remove("metadata");
		return copy;
	}

	private static Comparator<StoredPost> order(String sortBy) {
		Comparator<StoredPost> created = Comparator.comparing(post -> post.summary().createdAt());
		Comparator<StoredPost> scheduled = Comparator.comparing(PostQueryEndpoint::scheduledOrCreated);
		String sort = sortBy == null ? "scheduled-desc" : sortBy;
		switch (sort) {
			case "created-asc":
				return created;
			case "created-desc":
				return created.reversed();
			case "scheduled-asc":
				return scheduled.thenComparing(created);
			case "status":
				return Comparator.comparing((StoredPost post) -> post.json().path("status").asString())
					.thenComparing(created.reversed());
			case "platform":
				return Comparator.comparing(PostQueryEndpoint::firstPlatform).thenComparing(created.reversed());
			default:
				return scheduled.thenComparing(created).reversed();
		}
	}

	// drafts and published posts have no schedule; they sort by when they were made
	private static Instant scheduledOrCreated(StoredPost post) {
		JsonNode scheduled = post.json().path("scheduledFor");
		return scheduled.isString() ? Instant.parse(scheduled.stringValue()) : post.summary().createdAt();
	}

	private static String firstPlatform(StoredPost post) {
		JsonNode platforms = post.json().path("platforms");
		return platforms.size() == 0 ? "" : platforms.get(0).path("platform").asString("");
	}

	/** A YYYY-MM-DD date covers the whole UTC day; a date-time without offset is read as UTC. */
	private static Instant dateBound(HttpCall call, String name, boolean endOfDay) {
		String text = call.queryText(name);
		if (text == null) {
			return null;
		}
		try {
			if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
				LocalDate day = LocalDate.parse(text);
				return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
						: day.atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
		}
		catch (DateTimeParseException ex) {
			throw ApiError.badRequest("Invalid " + name + " '" + text
					+ "': use YYYY-MM-DD or an ISO 8601 date-time.");
		}
	}
}

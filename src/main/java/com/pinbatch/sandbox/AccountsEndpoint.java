package com.pinbatch.sandbox;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /v1/accounts} and {@code GET /v1/accounts/{id}/pinterest-boards} over the sandbox's accounts. */
final class AccountsEndpoint {

	private final SeedAccounts directory;

	AccountsEndpoint(SeedAccounts directory) {
		this.directory = directory;
	}

	void list(HttpCall call) {
		String platform = call.queryText("platform");
		String status = call.queryText("status");
		String profileId = call.queryText("profileId");
		String pageText = call.queryText("page");
		String limitText = call.queryText("limit");
		if (status != null && !status.equals("connected") && !status.equals("disconnected")) {
			throw ApiError.badRequest("Invalid status '" + status + "'. Use connected or disconnected.");
		}
		if ((pageText == null) != (limitText == null)) {
			throw ApiError.badRequest("page and limit must be sent together.");
		}
		List<SeedAccounts.Account> matches = directory.all().stream()
			.filter(account -> platform == null || account.platform().equals(platform))
			.filter(account -> profileId == null || account.profileId().equals(profileId))
			.filter(account -> status == null || status.equals(account.needsReconnection() ? "disconnected"
					: "connected"))
			.toList();

		ObjectNode answer = Json.object();
		ArrayNode accounts = answer.putArray("accounts");
		if (pageText == null) {
			matches.forEach(account -> accounts.add(json(account)));
			answer.put("hasAnalyticsAccess", false);
		}
		else {
			int page = call.queryNumber("page", 1, 1, Integer.MAX_VALUE);
			int limit = call.queryNumber("limit", 1, 1, 100);
			matches.stream().skip((long) (page - 1) * limit).limit(limit).forEach(a -> accounts.add(json(a)));
			answer.put("hasAnalyticsAccess", false);
			answer.putObject("pagination")
				.put("page", page)
				.put("limit", limit)
				.put("total", matches.size())
				.put("pages", (matches.size() + limit - 1) / limit);
		}
		call.respond(200, answer);
	}

	void boards(HttpCall call, String accountId) {
		SeedAccounts.Account account = directory.find(accountId)
			.orElseThrow(() -> ApiError.notFound("Account not found"));
		if (!account.isPinterest()) {
			throw ApiError.badRequest("Account " + accountId + " is not a Pinterest account.");
		}
		ObjectNode answer = Json.object();
		ArrayNode boards = answer.putArray("boards");
		for (SeedAccounts.Board board : account.boards()) {
			boards.addObject()
				.put("id", board.id())
				.put("name", board.name())
				.put("description", board.description())
				.put("privacy", "PUBLIC");
		}
		call.respond(200, answer);
	}

	private static ObjectNode json(SeedAccounts.Account account) {
		return Json.object()
			.put("_id", account.id())
			.put("platform", account.platform())
			.put("username", account.username())
			.put("displayName", account.displayName())
			.put("profileId", account.profileId())
			.put("isActive", true)
			.put("enabled", true)
			.put("needsReconnection", account.needsReconnection());
	}
}

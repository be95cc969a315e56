package com.pinbatch.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.pinbatch.text.Formats;

/**
 * The accounts and boards a sandbox knows: the fixed demo accounts every sandbox starts with (shared with samples/
 * and the tests), then optionally generated Pinterest accounts {@code bench-001, bench-002, ...}, so a benchmark can
 * spread its pins over enough accounts to stay under their per-account caps.
 */
final class SeedAccounts {

	/** Usernames are {@code bench-NNN}; three digits at least, so they sort as numbered. */
	static final String GENERATED_PREFIX = "bench-";

	/** Names of the boards each generated account has. */
	static final List<String> GENERATED_BOARDS = List.of("Bench Ideas", "Bench Notes");

	static final int MAX_GENERATED = 9999;

	record Board(String id, String name, String description) {
	}

	record Account(String id, String platform, String username, String displayName, String profileId,
			boolean needsReconnection, List<Board> boards) {

		boolean isPinterest() {
			return "pinterest".equals(platform);
		}

		Optional<Board> board(String boardId) {
			return boards.stream().filter(board -> board.id().equals(boardId)).findFirst();
		}
	}

	// Zernio holds one account per platform in a profile, so each Pinterest account has a profile of its own.
	private static final List<Account> FIXED = List.of(
			new Account("65f1a2b3c4d5e6f708091a01", "pinterest", "acme-home", "Acme Home", "65f1a2b3c4d5e6f708092a01",
					false, List.of(new Board("918273645500000001", "Kitchen Ideas", "Kitchens that work hard"),
							new Board("918273645500000002", "Small Spaces", "Making the most of little rooms"),
							new Board("918273645500000003", "Home Office", "Desks, light and storage"))),
			new Account("65f1a2b3c4d5e6f708091a02", "pinterest", "acme-garden", "Acme Garden",
					"65f1a2b3c4d5e6f708092a02", false,
					List.of(new Board("918273645500000011", "Garden Projects", "Weekend builds outdoors"),
							new Board("918273645500000012", "Balcony Plants", "Green in small places"))),
			new Account("65f1a2b3c4d5e6f708091a03", "pinterest", "acme-recipes", "Acme Recipes",
					"65f1a2b3c4d5e6f708092a03", false,
					List.of(new Board("918273645500000021", "Quick Breakfasts", "Ready in ten minutes"),
							new Board("918273645500000022", "Weeknight Dinners", "Simple evening meals"))),
			new Account("65f1a2b3c4d5e6f708091a04", "pinterest", "acme-archive", "Acme Archive",
					"65f1a2b3c4d5e6f708092a04", true,
					List.of(new Board("918273645500000031", "Old Posts", "Earlier pins"))),
			new Account("65f1a2b3c4d5e6f708091b01", "instagram", "acme-insta", "Acme Insta",
					"65f1a2b3c4d5e6f708092a01", false, List.of()));

	private final List<Account> all;
	private final Map<String, Account> byId = new LinkedHashMap<>();

	/** Accounts of a profile beyond the plan's profile limit: Zernio refuses their posts (PROFILE_OVER_LIMIT). */
	private final Set<String> overLimit = ConcurrentHashMap.newKeySet();

	private SeedAccounts(List<Account> all) {
		this.all = List.copyOf(all);
		this.all.forEach(account -> byId.put(account.id(), account));
	}

	/** The fixed demo accounts, then {@code count} generated Pinterest accounts with two boards each. */
	static SeedAccounts withGenerated(int count) {
		if (count < 0 || count > MAX_GENERATED) {
			throw new IllegalArgumentException("generated accounts must be 0.." + MAX_GENERATED + ", was " + count);
		}
		List<Account> accounts = new ArrayList<>(FIXED);
		for (int number = 1; number <= count; number++) {
			accounts.add(generated(number));
		}
		return new SeedAccounts(accounts);
	}

	List<Account> all() {
		return all;
	}

	void putOverLimit(String id) {
		overLimit.add(id);
	}

	boolean overLimit(String id) {
		return overLimit.contains(id);
	}

	Optional<Account> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	// ids keep Zernio's shapes (24 hex digits for accounts and profiles, 18 digits for boards) in their own range
	private static Account generated(int number) {
		String hex = Formats.plain("%04x", number);
		List<Board> boards = new ArrayList<>();
		for (int index = 0; index < GENERATED_BOARDS.size(); index++) {
			boards.add(new Board(Formats.plain("91827364551%06d%d", number, index + 1), GENERATED_BOARDS.get(index),
					"Generated board " + (index + 1) + " of a benchmark account"));
		}
		String username = Formats.plain(GENERATED_PREFIX + "%03d", number);
		return new Account("65f1a2b3c4d5e6f7080c" + hex, "pinterest", username,
				Formats.plain("Bench %03d", number), "65f1a2b3c4d5e6f7080d" + hex, false, boards);
	}
}

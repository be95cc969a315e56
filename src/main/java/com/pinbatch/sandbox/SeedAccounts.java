package com.pinbatch.sandbox;

import java.util.List;
import java.util.Optional;

/** The fixed demo accounts and boards every sandbox starts with (shared with samples/ and the tests). */
final class SeedAccounts {

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
	static final List<Account> ALL = List.of(
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

	private SeedAccounts() {
	}

	static Optional<Account> find(String id) {
		return ALL.stream().filter(account -> account.id().equals(id)).findFirst();
	}
}

package com.pinbatch.zernio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.pinbatch.sandbox.MovableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import tools.jackson.databind.json.JsonMapper;

class BoardDirectoryTests {

	private static final String HOME = "65f1a2b3c4d5e6f708091a01";

	private static final String GARDEN = "65f1a2b3c4d5e6f708091a02";

	private static final String RECIPES = "65f1a2b3c4d5e6f708091a03";

	private static final String ARCHIVE = "65f1a2b3c4d5e6f708091a04";

	private static final String ALL_ACCOUNTS = """
			{"accounts":[
			 {"_id":"65f1a2b3c4d5e6f708091a01","platform":"pinterest","username":"acme-home","displayName":"Acme Home","isActive":true},
			 {"_id":"65f1a2b3c4d5e6f708091a02","platform":"pinterest","username":"acme-garden","displayName":"Acme Garden","isActive":true},
			 {"_id":"65f1a2b3c4d5e6f708091a03","platform":"pinterest","username":"acme-recipes","displayName":"Acme Recipes","isActive":true},
			 {"_id":"65f1a2b3c4d5e6f708091a04","platform":"pinterest","username":"acme-archive","displayName":"Acme Archive",
			  "isActive":true,"needsReconnection":true}]}
			""";

	/** One server for the class (starting Jetty per test costs more than the tests); stubs reset per test. */
	@RegisterExtension
	static final WireMockExtension zernio = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private BoardDirectory directory;

	@BeforeEach
	void seedAccountsAndBoards() {
		answerAccounts(ALL_ACCOUNTS);
		answerBoards(HOME, "918273645500000001", "Kitchen Ideas", "918273645500000002", "Small Spaces",
				"918273645500000003", "Home Office");
		answerBoards(GARDEN, "918273645500000011", "Garden Projects", "918273645500000012", "Balcony Plants");
		answerBoards(RECIPES, "918273645500000021", "Quick Breakfasts", "918273645500000022", "Weeknight Dinners");
		answerBoards(ARCHIVE, "918273645500000031", "Old Posts");
		ZernioClient client = new ZernioClient(new ZernioClientSettings(
				URI.create("http://127.0.0.1:" + zernio.getPort() + "/api"), "sk_test_key", Duration.ofSeconds(2),
				Duration.ofSeconds(5)), JsonMapper.builder().build());
		directory = new BoardDirectory(client, Clock.fixed(START, ZoneOffset.UTC));
		this.client = client;
	}

	private static final Instant START = Instant.parse("2026-12-03T09:00:00Z");

	private ZernioClient client;

	@Test
	void aBoardMadeSinceTheListsWereFetchedIsFoundOnceTheyAreOlderThanTheRunKeepsThem() {
		// given: a long-lived process resolved a row before the board was made on Pinterest
		MovableClock clock = MovableClock.stoppedAt(START);
		BoardDirectory longLived = new BoardDirectory(client, clock);
		assertThat(longLived.resolve("acme-garden", "Herb Spiral").ok()).isFalse();
		answerBoards(GARDEN, "918273645500000011", "Garden Projects", "918273645500000013", "Herb Spiral");

		// when: a run one minute later keeps the lists; one ten minutes later lets them go
		clock.add(Duration.ofMinutes(1));
		longLived.forgetOlderThan(Duration.ofMinutes(5));
		boolean foundSoon = longLived.resolve("acme-garden", "Herb Spiral").ok();
		clock.add(Duration.ofMinutes(9));
		longLived.forgetOlderThan(Duration.ofMinutes(5));
		BoardResolution later = longLived.resolve("acme-garden", "Herb Spiral");

		// then
		assertThat(foundSoon).as("the inputs of one run share one set of look-ups").isFalse();
		assertThat(later.ok()).isTrue();
		assertThat(later.boardId()).isEqualTo("918273645500000013");
	}

	@Test
	void anIdIsLookedForAmongTheAccountsBoardsAsANameIs() {
		// before: taken as given, so a dry run called VALID the row whose board Zernio then refused
		BoardResolution listed = directory.resolve(GARDEN, "918273645500000012");
		BoardResolution unlisted = directory.resolve(GARDEN, "918273645500000099");
		BoardResolution anotherAccounts = directory.resolve(GARDEN, "918273645500000001");

		assertThat(listed).isEqualTo(new BoardResolution(GARDEN, "acme-garden", "918273645500000012", null, null,
				null));
		assertThat(unlisted.problemCode()).isEqualTo(BoardResolution.BOARD_NOT_FOUND);
		assertThat(unlisted.problemMessage()).startsWith("board 918273645500000099 is not a board of account"
				+ " acme-garden: check the board id, or give the board's name; its boards are ");
		assertThat(anotherAccounts.problemCode()).isEqualTo(BoardResolution.BOARD_NOT_FOUND);
		zernio.verify(1, getRequestedFor(urlMatching(".*/pinterest-boards")));
	}

	@Test
	void anIdNotFoundThatEndsInTheZerosOfARoundedNumberSaysItsDigitsMayHaveBeenLost() {
		// given: 918273645500000012 as a CSV shows it once a spreadsheet kept it in a number cell (15 digits)
		BoardResolution rounded = directory.resolve(GARDEN, "918273645500000000");
		BoardResolution mistyped = directory.resolve(GARDEN, "918273645500000099");

		// then: before, only "check the board id", which looked right to the user
		assertThat(rounded.problemCode()).isEqualTo(BoardResolution.BOARD_NOT_FOUND);
		assertThat(rounded.problemMessage()).contains("its last digits may have been lost",
				"format the column as Text and retype the id");
		assertThat(mistyped.problemMessage()).doesNotContain("digits may have been lost");
		// and when the rows name no account, so every account's boards are looked in
		assertThat(directory.resolve(null, "918273645500000000").problemMessage())
			.contains("its last digits may have been lost");
	}

	@Test
	void aBoardWhoseNameIsDigitsIsFoundByItsName() {
		answerBoards(HOME, "918273645500000001", "Kitchen Ideas", "918273645500000005", "2027");

		assertThat(directory.resolve(HOME, "2027").boardId()).isEqualTo("918273645500000005");
		// a row that names no account, the key having several: looked for in each
		assertThat(directory.resolve(null, "2027").boardId()).isEqualTo("918273645500000005");
	}

	@Test
	void anIdThatIsNotDigitsIsFoundAmongTheAccountsBoards() {
		// given: a Zernio whose board ids are not Pinterest's digits (its spec makes them plain strings)
		answerBoards(HOME, "brd_kitchen", "Kitchen Ideas", "brd_small", "Small Spaces");

		// when / then: the id found as given, with or without the account (before: looked up as a name, not found)
		assertThat(directory.resolve(HOME, "brd_small").boardId()).isEqualTo("brd_small");
		assertThat(directory.resolve(null, "brd_kitchen").boardId()).isEqualTo("brd_kitchen");
	}

	@Test
	void accountIdUnknownToTheListIsStillUsedAsGiven() {
		// the list hides the accounts of profiles over the plan's limit; their boards still answer
		answerBoards("65F1A2B3C4D5E6F708091AFF", "918273645500000099", "Hidden Profile Board");

		BoardResolution resolution = directory.resolve("65F1A2B3C4D5E6F708091AFF", "918273645500000099");

		assertThat(resolution.ok()).isTrue();
		assertThat(resolution.accountId()).isEqualTo("65F1A2B3C4D5E6F708091AFF");
		assertThat(resolution.accountLabel()).isEqualTo("65F1A2B3C4D5E6F708091AFF");
	}

	@Test
	void accountIdZernioDoesNotKnowFailsWhenItsBoardsAreNeeded() {
		zernio.stubFor(get("/api/v1/accounts/65f1a2b3c4d5e6f7080919ff/pinterest-boards")
			.willReturn(aResponse().withStatus(404).withBody("{\"error\":\"Not found\"}")));

		BoardResolution resolution = directory.resolve("65f1a2b3c4d5e6f7080919ff", "Kitchen Ideas");

		assertThat(resolution.problemCode()).isEqualTo(BoardResolution.ACCOUNT_NOT_FOUND);
		assertThat(resolution.problemMessage()).contains("65f1a2b3c4d5e6f7080919ff").contains("check the account id");
	}

	@Test
	void theAccountOfARowNotSentIsNamedFromTheAccountListWithoutFetchingBoards() {
		assertThat(directory.accountLabel(" @ACME-Home", "Kitchen Ideas")).contains("acme-home");
		assertThat(directory.accountLabel(GARDEN, "no such board")).contains("acme-garden");
		assertThat(directory.accountLabel("65F1A2B3C4D5E6F708091AFF", "")).contains("65F1A2B3C4D5E6F708091AFF");
		assertThat(directory.accountLabel("nobody", "Kitchen Ideas")).isEmpty();
		// several usable accounts: only the board lists could tell which one holds the board
		assertThat(directory.accountLabel("", "Kitchen Ideas")).isEmpty();
		zernio.verify(0, getRequestedFor(urlMatching(".*/pinterest-boards")));
	}

	@Test
	void namesMatchIgnoringCaseAndSurroundingSpaces() {
		assertThat(directory.resolve("  ACME-Home ", " kitchen IDEAS  "))
			.isEqualTo(new BoardResolution(HOME, "acme-home", "918273645500000001", null, null, null));
		assertThat(directory.resolve("@acme-garden", "Balcony  Plants").boardId()).isEqualTo("918273645500000012");
		assertThat(directory.resolve("acme recipes", "weeknight dinners").accountId()).isEqualTo(RECIPES);
	}

	@Test
	void misspeltBoardSuggestsTheClosestName() {
		BoardResolution resolution = directory.resolve("acme-home", "Kitchen Idea");

		assertThat(resolution.ok()).isFalse();
		assertThat(resolution.problemCode()).isEqualTo(BoardResolution.BOARD_NOT_FOUND);
		assertThat(resolution.problemMessage())
			.isEqualTo("board 'Kitchen Idea' not found in account acme-home; did you mean 'Kitchen Ideas'?");
		assertThat(resolution.accountId()).isEqualTo(HOME);
	}

	@Test
	void unrelatedBoardNameListsTheAccountsFewBoards() {
		BoardResolution resolution = directory.resolve("acme-garden", "Patio");

		assertThat(resolution.problemMessage()).isEqualTo(
				"board 'Patio' not found in account acme-garden; its boards are 'Balcony Plants', 'Garden Projects'");
	}

	@Test
	void misspeltAccountSuggestsTheClosestUsernames() {
		BoardResolution resolution = directory.resolve("acme-hme", "Kitchen Ideas");

		assertThat(resolution.problemCode()).isEqualTo(BoardResolution.ACCOUNT_NOT_FOUND);
		assertThat(resolution.problemMessage()).isEqualTo("account 'acme-hme' not found; did you mean 'acme-home'?");
	}

	@Test
	void unrelatedAccountListsTheAccounts() {
		assertThat(directory.resolve("globex", "Kitchen Ideas").problemMessage()).isEqualTo(
				"account 'globex' not found; the key's Pinterest accounts are acme-archive, acme-garden, acme-home, "
						+ "acme-recipes");
	}

	@Test
	void disconnectedAccountAsksForReconnection() {
		BoardResolution resolution = directory.resolve("acme-archive", "Old Posts");

		assertThat(resolution.problemCode()).isEqualTo(BoardResolution.ACCOUNT_DISCONNECTED);
		assertThat(resolution.problemMessage()).contains("acme-archive").contains(
				"reconnect it in Zernio, then run again with --retry-failed=<this result file>");
		assertThat(directory.resolve(ARCHIVE, "918273645500000031").problemCode())
			.isEqualTo(BoardResolution.ACCOUNT_DISCONNECTED);
	}

	@Test
	void withoutAccountTheOnlyUsableAccountIsUsed() {
		answerAccounts("""
				{"accounts":[
				 {"_id":"65f1a2b3c4d5e6f708091a01","platform":"pinterest","username":"acme-home","isActive":true},
				 {"_id":"65f1a2b3c4d5e6f708091a04","platform":"pinterest","username":"acme-archive","isActive":true,
				  "needsReconnection":true}]}
				""");

		assertThat(directory.resolve(null, "918273645500000003"))
			.isEqualTo(new BoardResolution(HOME, "acme-home", "918273645500000003", null, null, null));
		assertThat(directory.resolve(" ", "small spaces").boardId()).isEqualTo("918273645500000002");
	}

	@Test
	void withoutAccountABoardNameFoundInOneAccountPicksThatAccount() {
		assertThat(directory.resolve("", "Balcony Plants"))
			.isEqualTo(new BoardResolution(GARDEN, "acme-garden", "918273645500000012", null, null, null));
	}

	@Test
	void withoutAccountABoardIdFoundInOneAccountPicksThatAccount() {
		assertThat(directory.resolve(null, "918273645500000021").accountId()).isEqualTo(RECIPES);
	}

	@Test
	void withoutAccountAnUnlistedBoardIdNeedsAnAccount() {
		BoardResolution resolution = directory.resolve(null, "918273645500000999");

		assertThat(resolution.problemCode()).isEqualTo(BoardResolution.ACCOUNT_REQUIRED);
		assertThat(resolution.problemMessage()).contains("add an account column or pass --account");
	}

	@Test
	void withoutAccountABoardNameInSeveralAccountsNeedsAnAccount() {
		answerBoards(RECIPES, "918273645500000021", "Quick Breakfasts", "918273645500000023", "Kitchen Ideas");

		BoardResolution resolution = directory.resolve(null, "Kitchen Ideas");

		assertThat(resolution.problemCode()).isEqualTo(BoardResolution.ACCOUNT_REQUIRED);
		assertThat(resolution.problemMessage()).isEqualTo(
				"board 'Kitchen Ideas' exists in accounts acme-home, acme-recipes; add an account column or pass --account");
	}

	@Test
	void withoutAccountAnUnknownBoardNameSuggestsAcrossAccounts() {
		BoardResolution resolution = directory.resolve(null, "Balcony Plant");

		assertThat(resolution.problemCode()).isEqualTo(BoardResolution.BOARD_NOT_FOUND);
		assertThat(resolution.problemMessage())
			.isEqualTo("board 'Balcony Plant' not found in any account (acme-garden, acme-home, acme-recipes); "
					+ "did you mean 'Balcony Plants' (acme-garden)?");
	}

	@Test
	void withoutAccountAndNoUsableAccountSaysWhy() {
		answerAccounts("""
				{"accounts":[{"_id":"65f1a2b3c4d5e6f708091a04","platform":"pinterest","username":"acme-archive",
				  "isActive":true,"needsReconnection":true}]}
				""");

		BoardResolution resolution = directory.resolve(null, "Old Posts");

		assertThat(resolution.problemCode()).isEqualTo(BoardResolution.ACCOUNT_DISCONNECTED);
		assertThat(resolution.problemMessage()).contains("acme-archive").contains("reconnect");
	}

	@Test
	void missingBoardIsAProblem() {
		assertThat(directory.resolve("acme-home", "  ").problemCode()).isEqualTo(BoardResolution.BOARD_REQUIRED);
	}

	@Test
	void accountsAndEachAccountsBoardsAreFetchedOnce() {
		for (int i = 0; i < 3; i++) {
			directory.resolve("acme-home", "Kitchen Ideas");
			directory.resolve("acme-home", "Small Spaces");
			directory.resolve(null, "Garden Projects");
			directory.resolve("acme-garden", "Nope");
		}

		zernio.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts")));
		zernio.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts/" + HOME + "/pinterest-boards")));
		zernio.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts/" + GARDEN + "/pinterest-boards")));
		zernio.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts/" + RECIPES + "/pinterest-boards")));
		zernio.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/accounts/" + ARCHIVE + "/pinterest-boards")));
	}

	@Test
	void concurrentResolvesStillFetchOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<BoardResolution>> results = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				results.add(pool.submit(() -> directory.resolve("acme-home", "Home Office")));
			}
			for (Future<BoardResolution> result : results) {
				assertThat(result.get().boardId()).isEqualTo("918273645500000003");
			}
		}
		finally {
			pool.shutdownNow();
		}

		zernio.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts")));
		zernio.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts/" + HOME + "/pinterest-boards")));
	}

	@Test
	void prefetchLooksUpWhatTheRowsNeedOnceAndResolvingThenAsksNothing() {
		// given: rows naming boards by name in two accounts (one written two ways), and by id in a third (its boards
		// looked up too: an id is checked against them)
		BoardNeeds needs = new BoardNeeds();
		needs.add("acme-home", "918273645500000001");
		needs.add("@ACME-Home", "Kitchen Ideas");
		needs.add("acme-garden", "Patio");
		needs.add(RECIPES, "918273645500000021");
		needs.add("acme-garden", "");

		// when
		Prefetched prefetched = directory.prefetch(needs);

		// then
		assertThat(prefetched).isEqualTo(new Prefetched(4, 3, 4));
		zernio.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts")));
		zernio.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts/" + HOME + "/pinterest-boards")));
		zernio.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts/" + GARDEN + "/pinterest-boards")));
		zernio.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts/" + RECIPES + "/pinterest-boards")));
		zernio.resetRequests();
		assertThat(directory.resolve("acme-home", "kitchen ideas").boardId()).isEqualTo("918273645500000001");
		assertThat(directory.resolve("acme-garden", "Patio").problemCode()).isEqualTo(BoardResolution.BOARD_NOT_FOUND);
		assertThat(directory.resolve(RECIPES, "918273645500000021").ok()).isTrue();
		zernio.verify(0, getRequestedFor(urlMatching(".*")));
	}

	@Test
	void prefetchForRowsWithoutAnAccountLooksUpTheBoardsOfEveryUsableAccount() {
		BoardNeeds needs = new BoardNeeds();
		needs.add("", "918273645500000021");

		Prefetched prefetched = directory.prefetch(needs);

		assertThat(prefetched).isEqualTo(new Prefetched(4, 3, 4));
		zernio.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/accounts/" + ARCHIVE + "/pinterest-boards")));
		zernio.resetRequests();
		assertThat(directory.resolve(null, "918273645500000021").accountId()).isEqualTo(RECIPES);
		zernio.verify(0, getRequestedFor(urlMatching(".*")));
	}

	@Test
	void prefetchOfABoardListZernioFailsToGiveStopsWithItsMessage() {
		zernio.stubFor(get("/api/v1/accounts/" + GARDEN + "/pinterest-boards")
			.willReturn(aResponse().withStatus(503).withBody("{\"error\":\"Service unavailable\"}")));
		BoardNeeds needs = new BoardNeeds();
		needs.add("acme-home", "Kitchen Ideas");
		needs.add("acme-garden", "Balcony Plants");

		assertThatThrownBy(() -> directory.prefetch(needs)).isInstanceOf(ZernioApiException.class)
			.hasMessageContaining("503")
			.hasMessageContaining("Service unavailable");
	}

	private static void answerAccounts(String body) {
		zernio.stubFor(get(urlPathEqualTo("/api/v1/accounts")).willReturn(okJson(body)));
	}

	/** @param idsAndNames id, name, id, name, ... */
	private static void answerBoards(String accountId, String... idsAndNames) {
		StringBuilder boards = new StringBuilder();
		for (int i = 0; i < idsAndNames.length; i += 2) {
			boards.append(boards.length() == 0 ? "" : ",")
				.append("{\"id\":\"").append(idsAndNames[i]).append("\",\"name\":\"").append(idsAndNames[i + 1])
				.append("\",\"privacy\":\"PUBLIC\"}");
		}
		zernio.stubFor(get("/api/v1/accounts/" + accountId + "/pinterest-boards")
			.willReturn(okJson("{\"boards\":[" + boards + "]}")));
	}
}

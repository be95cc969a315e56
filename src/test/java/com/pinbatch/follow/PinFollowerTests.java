package com.pinbatch.follow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;
import com.pinbatch.sandbox.MovableClock;
import com.pinbatch.zernio.ZernioClient;
import com.pinbatch.zernio.ZernioClientSettings;

import tools.jackson.databind.json.JsonMapper;

/** A round of the following against a Zernio on loopback. */
class PinFollowerTests {

	private static final Instant START = Instant.parse("2030-01-01T10:00:00Z");

	@RegisterExtension
	static final WireMockExtension zernio = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@Test
	void aRoundStartsNoLookUpAfterTheFollowingsWindowHasEnded() {
		// given: three accounts with two pins each, and look-ups that each take 40 s (a 429 storm's holds)
		stubEmptyListingsAndPublishingPosts();
		Clock slow = new StepClock(START, Duration.ofSeconds(40));

		// when: the window ends a minute after the round starts
		PinFollower.Round round = new PinFollower(client(), 2, slow).round(sixPins(), 100, START.plusSeconds(60));

		// then: the first account's listing went out; nothing after the window's end (before: 3 listings, 6 posts)
		zernio.verify(1, getRequestedFor(anyUrl()));
		assertThat(round.lookUps()).isEqualTo(1);
		assertThat(round.stillOpen()).hasSize(6);
	}

	@Test
	void aFollowUpWithNoTimeToWaitStillAsksAboutEveryRowOnce() throws Exception {
		// given: --follow-up with pinbatch.follow.max-wait=0s (its window ends as it opens), three accounts' pins
		stubEmptyListingsAndPublishingPosts();
		FollowingLoop loop = new FollowingLoop("followUp.", new FollowProperties(Duration.ZERO, Duration.ofSeconds(3), 2),
				new StepClock(START, Duration.ofSeconds(1)), FollowingLoop.Budget.ONCE, true);
		StepExecution step = MetaDataInstanceFactory.createStepExecution("followUp", 1L);

		// when
		Optional<PinFollower.Round> round = loop.next(step, client(), sixPins());

		// then: one round, every account listed, and pins asked about alone within the budget of one request per row
		// (before: nothing asked, the window had ended by the first look-up)
		assertThat(round).isPresent();
		zernio.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/posts")));
		zernio.verify(6, getRequestedFor(anyUrl()));
	}

	@Test
	void aDuplicateRowWhosePostIsPublishedAgainKeepsTheLineThatSaysWhosePinItIs() {
		// given: a row found to be an earlier run's pin, whose post Pinterest refused for a passing reason
		zernio.stubFor(get(urlPathEqualTo("/api/v1/posts/p-9")).willReturn(okJson("""
				{"post":{"_id":"p-9","status":"failed","platforms":[{"platform":"pinterest","status":"failed",
				 "errorMessage":"Pinterest rate limit reached.","errorCategory":"platform_rate_limit",
				 "errorSource":"platform"}]}}""")));
		zernio.stubFor(post(urlPathEqualTo("/api/v1/posts/p-9/retry")).willReturn(okJson("""
				{"message":"Retrying","post":{"_id":"p-9","status":"publishing","platforms":[{"platform":"pinterest",
				 "status":"publishing"}]}}""")));
		String whose = "already on Zernio as post p-9: the run of pins.csv on 2030-01-01 created this pin from its row 9";
		RowResult duplicate = new RowResult(9, RowStatus.DUPLICATE, "p-9", null, null, whose, 0, null,
				START.minusSeconds(60), null);

		// when
		PinFollower.Round round = new PinFollower(client(), 2, Clock.fixed(START, ZoneOffset.UTC))
			.round(List.of(new PinFollower.Followed("9", duplicate, "acct-a", START.minusSeconds(60), 0)), 10,
					Instant.MAX);

		// then: published again on its post, still that pin, and still saying so (before: no message)
		assertThat(round.updates()).singleElement().satisfies(update -> {
			assertThat(update.retries()).isEqualTo(1);
			assertThat(update.result().status()).isEqualTo(RowStatus.DUPLICATE);
			assertThat(update.result().errorMessage()).isEqualTo(whose);
		});
	}

	@Test
	void eachRetryIsToldBeforeItIsSentSoThatAKilledRunHasSpentIt() {
		// given: a post Pinterest refused for a passing reason
		zernio.stubFor(get(urlPathEqualTo("/api/v1/posts/p-1")).willReturn(okJson("{\"post\":" + failedPost("p-1")
				+ "}")));
		zernio.stubFor(post(urlPathEqualTo("/api/v1/posts/p-1/retry")).willReturn(okJson("""
				{"message":"Retrying","post":{"_id":"p-1","status":"publishing","platforms":[{"platform":"pinterest",
				 "status":"publishing"}]}}""")));
		List<String> told = new ArrayList<>();

		// when
		new PinFollower(client(), 2, Clock.fixed(START, ZoneOffset.UTC), (postId, retries) -> told.add(postId + " "
				+ retries + " after " + zernio.countRequestsMatching(postRequestedFor(anyUrl()).build()).getCount()))
			.round(List.of(created(1, "p-1")), 10, Instant.MAX);

		// then: told of the first retry when no retry had gone out yet (before: kept once the round ended, the
		// retries of a run killed meanwhile were sent again by the next run, past the two allowed)
		assertThat(told).containsExactly("p-1 1 after 0");
		zernio.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/posts/p-1/retry")));
	}

	@Test
	void aRetryRefusedForTheAccountsLimitLeavesTheRowFailedAndTheAccountsOtherPostsUnasked() {
		// given: two posts of one account that Pinterest refused for a passing reason; Zernio refuses to publish
		// them again, the account being at its posting limit (a 429 with room left in the key's window)
		twoFailedPostsWhoseRetriesAreRefused(
				"{\"error\":\"Velocity limit reached: at most 25 posts per hour for this account.\"}");
		List<PinFollower.Followed> sent = List.of(created(1, "p-1"), created(2, "p-2"));

		// when
		PinFollower.Round round = new PinFollower(client(), 2, Clock.fixed(START, ZoneOffset.UTC)).round(sent, 10,
				Instant.MAX);

		// then: one retry asked, both rows FAILED with their code and what to do (before: the round failed, and with
		// it the run's following)
		zernio.verify(1, postRequestedFor(urlPathMatching("/api/v1/posts/p-[12]/retry")));
		assertThat(round.updates()).hasSize(2).allSatisfy(update -> {
			assertThat(update.result().status()).isEqualTo(RowStatus.FAILED);
			assertThat(update.result().errorCode()).isEqualTo("publish_platform_error");
			assertThat(update.result().errorMessage()).startsWith("Pinterest did not publish the pin: \"Pinterest is"
					+ " temporarily unavailable.\"; Zernio did not publish it again (HTTP 429: \"Velocity limit"
					+ " reached: at most 25 posts per hour for this account.\"): the account is at its posting limit"
					+ " or cooling down; run again in an hour or so with --retry-failed=<this result file>");
		});
		// and neither is asked again in this run: the limit, with no time said, does not free up within it (before,
		// the rows stayed open, asked again at each round until the run's following ran out of requests)
		assertThat(round.stillOpen()).isEmpty();
	}

	@Test
	void aRetryRefusedUntilTheAccountFreesUpWithinTheWindowIsAskedAgainThenButNotOnePastIt() {
		// given: Zernio says the account's posts-per-hour limit frees up at 10:05
		twoFailedPostsWhoseRetriesAreRefused("""
				{"error":"Velocity limit reached.","details":{"limit":"velocity","max":25,
				"resetsAt":"2030-01-01T10:05:00Z"}}""");
		List<PinFollower.Followed> sent = List.of(created(1, "p-1"), created(2, "p-2"));
		Clock clock = Clock.fixed(START, ZoneOffset.UTC);

		// when: a run that follows its pins until 10:10, and one that stops following at 10:02
		PinFollower.Round withinWindow = new PinFollower(client(), 2, clock).round(sent, 10,
				START.plus(Duration.ofMinutes(10)));
		PinFollower.Round pastWindow = new PinFollower(client(), 2, clock).round(sent, 10,
				START.plus(Duration.ofMinutes(2)));

		// and a first round, whose look-ups are owed whatever the window, weighs the refusal against the window too
		PinFollower.Round firstRound = new PinFollower(client(), 2, clock).round(sent, 10, Instant.MAX,
				START.plus(Duration.ofMinutes(2)));

		// then
		assertThat(withinWindow.stillOpen()).extracting(PinFollower.Followed::key).containsExactly("1", "2");
		assertThat(pastWindow.stillOpen()).isEmpty();
		assertThat(firstRound.stillOpen()).isEmpty();
	}

	@Test
	void aRetryRefusedUntilTheAccountFreesUpIsAskedAgainOnceThatTimeHasCome() {
		// given: Zernio says the account's posts-per-hour limit frees up at 10:05; the run follows until 10:30
		twoFailedPostsWhoseRetriesAreRefused("""
				{"error":"Velocity limit reached.","details":{"limit":"velocity","max":25,
				"resetsAt":"2030-01-01T10:05:00Z"}}""");
		MovableClock clock = MovableClock.stoppedAt(START);
		PinFollower follower = new PinFollower(client(), 2, clock);
		Instant followsUntil = START.plus(Duration.ofMinutes(30));
		PinFollower.Round atTen = follower.round(List.of(created(1, "p-1"), created(2, "p-2")), 10, followsUntil);
		zernio.verify(1, postRequestedFor(urlPathMatching("/api/v1/posts/p-[12]/retry")));

		// when: a round before 10:05, then one after
		PinFollower.Round atTenThree = follower.round(atTen.stillOpen(), 10, followsUntil);
		clock.add(Duration.ofMinutes(6));
		follower.round(atTenThree.stillOpen(), 10, followsUntil);

		// then: not asked before the time Zernio gave, asked again after it (before: the refusal was kept for the
		// rest of the run, and its rows waited open until the following's window ended, never asked)
		zernio.verify(2, postRequestedFor(urlPathMatching("/api/v1/posts/p-[12]/retry")));
	}

	@Test
	void aPostZernioWillNotShowLeavesItsRowAsItIsSayingWhyAndTheRoundGoesOn() {
		// given: two posts of two accounts (each asked alone); Zernio will not show the first (another key's post)
		zernio.stubFor(get(urlPathEqualTo("/api/v1/posts/p-1")).willReturn(aResponse().withStatus(403)
			.withBody("{\"error\":\"Forbidden\"}")));
		zernio.stubFor(get(urlPathEqualTo("/api/v1/posts/p-2")).willReturn(okJson(publishedPost("p-2"))));
		PinFollower.Followed other = new PinFollower.Followed("2", created(2, "p-2").row(), "acct-b",
				START.minusSeconds(60), 0);

		// when
		PinFollower.Round round = new PinFollower(client(), 2, Clock.fixed(START, ZoneOffset.UTC))
			.round(List.of(created(1, "p-1"), other), 10, Instant.MAX);

		// then: the other row learnt; the first still CREATED, saying why (before: the round failed, and with it the
		// run's following or the whole --follow-up, before its result file)
		assertThat(round.updates()).extracting(update -> update.result().status())
			.containsExactlyInAnyOrder(RowStatus.CREATED, RowStatus.PUBLISHED);
		assertThat(round.updates()).filteredOn(update -> update.result().postId().equals("p-1")).singleElement()
			.satisfies(update -> assertThat(update.result().errorMessage())
				.startsWith("Zernio would not show post p-1 when asked (")
				.contains("HTTP 403")
				.endsWith("if this result file was sent with another API key, follow it up with that key"));
		assertThat(round.stillOpen()).extracting(PinFollower.Followed::key).containsExactly("1");
	}

	@Test
	void aListingZernioRefusesAsAskedLeavesEachPostToBeAskedAlone() {
		// given: a Zernio that refuses the listing's date filter (its spec says which forms it takes only loosely)
		zernio.stubFor(get(urlPathEqualTo("/api/v1/posts")).willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":\"Invalid dateFrom\"}")));
		zernio.stubFor(get(urlPathMatching("/api/v1/posts/p-[12]")).willReturn(okJson(publishedPost("p"))));

		// when
		PinFollower.Round round = new PinFollower(client(), 2, Clock.fixed(START, ZoneOffset.UTC))
			.round(List.of(created(1, "p-1"), created(2, "p-2")), 10, Instant.MAX);

		// then: both learnt, one by one (before: the round failed, and with it the run's following)
		assertThat(round.updates()).hasSize(2)
			.allSatisfy(update -> assertThat(update.result().status()).isEqualTo(RowStatus.PUBLISHED));
		assertThat(round.lookUps()).isEqualTo(3);
	}

	/** {@code GET /v1/posts/{id}}'s answer for a post live on Pinterest. */
	private static String publishedPost(String id) {
		return """
				{"post":{"_id":"%s","status":"published","platforms":[{"platform":"pinterest","status":"published",
				 "platformPostUrl":"https://www.pinterest.com/pin/1/"}]}}""".formatted(id);
	}

	private static String failedPost(String id) {
		return """
				{"_id":"%s","status":"failed","platforms":[{"platform":"pinterest","status":"failed",
				 "errorMessage":"Pinterest is temporarily unavailable.","errorCategory":"platform_error",
				 "errorSource":"platform"}]}""".formatted(id);
	}

	private static PinFollower.Followed created(int row, String postId) {
		RowResult created = new RowResult(row, RowStatus.CREATED, postId, null, null, null, 1, null,
				START.minusSeconds(60), null);
		return new PinFollower.Followed(Integer.toString(row), created, "acct-a", START.minusSeconds(60), 0);
	}

	/** Two posts of one account that Pinterest refused for a passing reason, whose retries Zernio refuses so. */
	private static void twoFailedPostsWhoseRetriesAreRefused(String refusal) {
		zernio.stubFor(get(urlPathEqualTo("/api/v1/posts")).willReturn(okJson("""
				{"posts":[%s,%s],"pagination":{"page":1,"limit":500,"total":2,"pages":1}}""".formatted(
				failedPost("p-1"), failedPost("p-2")))));
		// a 429 with room left in the key's window: the account's posting limit
		zernio.stubFor(post(urlPathMatching("/api/v1/posts/p-[12]/retry")).willReturn(aResponse().withStatus(429)
			.withHeader("X-RateLimit-Remaining", "500")
			.withBody(refusal)));
	}

	private static void stubEmptyListingsAndPublishingPosts() {
		zernio.stubFor(get(urlPathEqualTo("/api/v1/posts")).willReturn(okJson("""
				{"posts":[],"pagination":{"page":1,"limit":500,"total":0,"pages":1}}""")));
		zernio.stubFor(get(anyUrl()).atPriority(10).willReturn(okJson("""
				{"post":{"_id":"x","status":"publishing","platforms":[{"platform":"pinterest","status":"publishing"}]}}""")));
	}

	private static ZernioClient client() {
		return new ZernioClient(new ZernioClientSettings(URI.create(zernio.baseUrl() + "/api"), "sk_test",
				Duration.ofSeconds(2), Duration.ofSeconds(5)), JsonMapper.builder().build());
	}

	private static List<PinFollower.Followed> sixPins() {
		return Stream.of("acct-a", "acct-b", "acct-c")
			.flatMap(account -> Stream.of(created(account, 1), created(account, 2)))
			.toList();
	}

	private static PinFollower.Followed created(String account, int row) {
		String postId = account + "-post-" + row;
		RowResult result = new RowResult(row, RowStatus.CREATED, postId, null, null, null, 1, "req-" + postId,
				START.minusSeconds(60), null);
		return new PinFollower.Followed(postId, result, account, START.minusSeconds(60), 0);
	}

	/** A clock that moves on by a step each time it is read: every request the round makes takes that long. */
	private static final class StepClock extends Clock {

		private final Instant start;

		private final Duration step;

		private final AtomicInteger reads = new AtomicInteger();

		StepClock(Instant start, Duration step) {
			this.start = start;
			this.step = step;
		}

		@Override
		public Instant instant() {
			return start.plus(step.multipliedBy(reads.getAndIncrement()));
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}

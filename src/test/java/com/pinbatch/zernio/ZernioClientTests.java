package com.pinbatch.zernio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.threeten.extra.MutableClock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.pinbatch.text.SafeText;
import com.pinbatch.throttle.PacedSender;
import com.pinbatch.throttle.ThrottleListener;
import com.pinbatch.throttle.ThrottleSettings;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ZernioClientTests {

	private static final String KEY = "sk_test_0123456789abcdef0123456789abcdef0123456789abcdef01234567";

	private static final String REQUEST_ID = "0b6f3c1e-9a55-3c1d-8d2e-5f0a1b2c3d4e";

	private static final String ACCOUNT_ID = "65f1a2b3c4d5e6f708091a01";

	private static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");

	private final JsonMapper json = JsonMapper.builder().build();

	/** One server for the class (starting Jetty per test costs more than the tests); stubs reset per test. */
	@RegisterExtension
	static final WireMockExtension zernio = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private ZernioClient client;

	@BeforeEach
	void freshStubs() {
		client = clientAt(loopback(), Duration.ofSeconds(5));
	}

	private ZernioClient clientAt(String root, Duration requestTimeout) {
		return new ZernioClient(new ZernioClientSettings(URI.create(root + "/api"), KEY, Duration.ofSeconds(2),
				requestTimeout), json, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	// ---- createPost: the request

	@Test
	void createPostSendsTheFullRequestWithKeyAndRequestId() {
		zernio.stubFor(post("/api/v1/posts").withHeader("Authorization", equalTo("Bearer " + KEY))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("x-request-id", equalTo(REQUEST_ID))
			.withRequestBody(equalToJson("""
					{"content":"Oak shelves over the sink",
					 "mediaItems":[{"type":"video","url":"https://images.example.com/kitchen.mp4","altText":"Oak shelves"}],
					 "platforms":[{"platform":"pinterest","accountId":"65f1a2b3c4d5e6f708091a01",
					   "platformSpecificData":{"title":"Small kitchen","boardId":"918273645500000001",
					     "link":"https://blog.example.com/kitchen","coverImageUrl":"https://images.example.com/cover.jpg",
					     "coverImageKeyFrameTime":3}}],
					 "scheduledFor":"2026-09-02T14:00:00Z","timezone":"Europe/Berlin",
					 "metadata":{"jobRunId":"7","rowKey":"pins.csv#2"}}
					"""))
			.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
					{"message":"Post scheduled successfully","post":{"_id":"66aa00000000000000000001",
					 "status":"scheduled","somethingNew":true,
					 "platforms":[{"platform":"pinterest","status":"pending",
					   "accountId":{"_id":"65f1a2b3c4d5e6f708091a01","username":"acme-home","isActive":true}}]}}
					""")));

		SendResult result = client.createPost(fullRequest(), REQUEST_ID);

		assertThat(result).isEqualTo(new SendResult.Created("66aa00000000000000000001",
				new PostState("66aa00000000000000000001", PostState.Phase.SCHEDULED, null, null, null, null),
				RateLimitInfo.NONE));
		zernio.verify(1, postRequestedFor(urlEqualTo("/api/v1/posts")));
	}

	@Test
	void createdPostWithAccountIdAsPlainStringIsReadToo() {
		answerCreate(aResponse().withStatus(201).withBody("""
				{"post":{"_id":"p1","platforms":[{"platform":"pinterest","accountId":"65f1a2b3c4d5e6f708091a01"}]}}
				"""));

		assertThat(send()).isInstanceOf(SendResult.Created.class)
			.extracting(result -> ((SendResult.Created) result).postId())
			.isEqualTo("p1");
	}

	// ---- createPost: every answer

	@Test
	void aServerThatEchoesTheKeyInAPostIdOrPinUrlHasItHiddenBeforeAnythingKeepsThem() {
		// given: the run's key (registered as a run registers it), and a hostile or broken server that answers with it,
		// once written as JSON escapes ("_" as \u005f)
		SafeText.hide(KEY);
		String escaped = KEY.replace("_", "\\u005f");
		answerCreate(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
				{"post":{"_id":"%s","status":"published","platforms":[{"platform":"pinterest","status":"published",
				 "platformPostUrl":"https://www.pinterest.com/pin/%s/"}]}}
				""".formatted(KEY, escaped)));

		// when
		SendResult.Created created = (SendResult.Created) send();

		// then: the post id and pin URL go to the job repository and the result file; before, both held the key
		assertThat(created.postId()).isEqualTo("(hidden)");
		assertThat(created.state().pinUrl()).isEqualTo("https://www.pinterest.com/pin/(hidden)/");
	}

	@Test
	void aPostsOwnWordsThatLookLikeATokenAreKeptAsTheyAre() {
		// words compared with the row's to find its pin: hiding "Bearer costume" or an SKU shaped like a key would
		// make the row's post unfindable, and the row sent again
		String content = "Torch Bearer costume, SKU sk_" + "0a1b2c3d".repeat(4);

		JsonNode answer = ZernioAnswer.parse("{\"post\":{\"content\":\"" + content + "\"}}", json);

		assertThat(answer.path("post").path("content").stringValue()).isEqualTo(content);
	}

	@Test
	void aPublishedOrFailedPostInTheCreatedAnswerGivesThePinUrlOrPinterestsError() {
		answerCreate(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
				{"message":"Post published successfully","post":{"_id":"p-1","status":"published",
				 "platforms":[{"platform":"pinterest","status":"published","platformPostId":"1","platformPostUrl":
				   "https://www.pinterest.com/pin/1/","accountId":{"_id":"65f1a2b3c4d5e6f708091a01"}}]}}
				"""));
		SendResult published = send();
		answerCreate(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
				{"post":{"_id":"p-2","status":"failed","platforms":[{"platform":"pinterest","status":"failed",
				 "errorMessage":"Pinterest rate limit reached.","errorCategory":"platform_rate_limit",
				 "errorSource":"platform"}]}}
				"""));
		SendResult failed = send();

		assertThat(((SendResult.Created) published).state()).isEqualTo(new PostState("p-1",
				PostState.Phase.PUBLISHED, "https://www.pinterest.com/pin/1/", null, null, null));
		PostState refused = ((SendResult.Created) failed).state();
		assertThat(refused).isEqualTo(new PostState("p-2", PostState.Phase.FAILED, null,
				"Pinterest rate limit reached.", "platform_rate_limit", "platform"));
		assertThat(refused.retryable()).isTrue();
	}

	@Test
	void listsAnAccountsPostsByDateRangeInPagesOf500AndRetriesAPostOnItself() {
		zernio.stubFor(get(urlPathEqualTo("/api/v1/posts")).withQueryParam("accountId", equalTo(ACCOUNT_ID))
			.withQueryParam("limit", equalTo("500"))
			.withQueryParam("dateFrom", equalTo("2026-09-01T11:00:00Z"))
			.withQueryParam("dateTo", equalTo("2026-09-01T12:00:00Z"))
			.withQueryParam("page", equalTo("1"))
			.willReturn(okJson("""
					{"posts":[{"_id":"p-1","status":"publishing","platforms":[{"platform":"pinterest",
					 "status":"publishing"}]}],"pagination":{"page":1,"limit":500,"total":2,"pages":2}}
					""")));
		zernio.stubFor(get(urlPathEqualTo("/api/v1/posts")).withQueryParam("page", equalTo("2"))
			.willReturn(okJson("""
					{"posts":[{"_id":"p-2","status":"failed","platforms":[{"platform":"pinterest","status":"failed",
					 "errorMessage":"Invalid URL or request data.","errorCategory":"user_content","errorSource":"user"}]}],
					 "pagination":{"page":2,"limit":500,"total":2,"pages":2}}
					""")));
		zernio.stubFor(post(urlPathEqualTo("/api/v1/posts/p-3/retry")).willReturn(okJson("""
				{"message":"Retrying","post":{"_id":"p-3","status":"publishing","platforms":[{"platform":"pinterest",
				 "status":"publishing"}]}}
				""")));

		PostListing listing = client.listPosts(ACCOUNT_ID, NOW.minusSeconds(3600), NOW, Set.of("p-1", "p-2"), 10);
		PostState retried = client.retryPost("p-3");

		assertThat(listing.requests()).isEqualTo(2);
		assertThat(listing.posts()).extracting(PostState::phase).containsExactly(PostState.Phase.PUBLISHING,
				PostState.Phase.FAILED);
		assertThat(listing.posts().get(1).retryable()).isFalse();
		assertThat(retried.phase()).isEqualTo(PostState.Phase.PUBLISHING);
		zernio.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/posts/p-3/retry"))
			.withHeader("Authorization", equalTo("Bearer " + KEY)));
	}

	/**
	 * A listing keeps only the posts asked about, no more of a page than asked for, and asks no further than they
	 * are found or the budget allows (before: every post of every page was kept, and a server answering 100,000 posts
	 * a page over 1,000 pages ran the run out of memory).
	 */
	@Test
	void aListingKeepsOnlyThePostsAskedAboutAndAsksNoFurtherThanNeeded() {
		StringBuilder page = new StringBuilder("{\"posts\":[");
		for (int i = 0; i < 2_000; i++) {
			page.append(i == 0 ? "" : ",").append("{\"_id\":\"other-").append(i).append("\",\"status\":\"published\"}");
		}
		String many = page + "],\"pagination\":{\"page\":1,\"limit\":500,\"total\":2000000,\"pages\":1000}}";
		zernio.stubFor(get(urlPathEqualTo("/api/v1/posts")).willReturn(okJson(many)));
		zernio.stubFor(get(urlPathEqualTo("/api/v1/posts")).withQueryParam("page", equalTo("3"))
			.willReturn(okJson(many.replace("other-7\"", "mine\""))));

		PostListing found = client.listPosts(ACCOUNT_ID, NOW.minusSeconds(3600), NOW, Set.of("mine"), 50);
		PostListing missing = client.listPosts(ACCOUNT_ID, NOW.minusSeconds(3600), NOW, Set.of("gone"), 5);

		assertThat(found.posts()).extracting(PostState::postId).containsExactly("mine");
		assertThat(found.requests()).isEqualTo(3);
		assertThat(missing.posts()).isEmpty();
		assertThat(missing.requests()).isEqualTo(5);
	}

	@Test
	void aPostCarryingOneOfSeveralMarksIsFoundAndOneCarryingNoneIsNot() {
		// the mark this version sends a row with, or the one an earlier version sent (posts made before an upgrade)
		zernio.stubFor(get(urlPathEqualTo("/api/v1/posts/p-9")).willReturn(okJson("""
				{"post":{"_id":"p-9","status":"failed","metadata":{"pinbatchCells":"former-mark"},
				 "platforms":[{"platform":"pinterest","status":"failed","errorMessage":"Pinterest could not read it"}]}}
				""")));

		assertThat(client.postCarryingAny("p-9", "pinbatchCells", List.of("new-mark", "former-mark"))).isPresent();
		assertThat(client.postCarryingAny("p-9", "pinbatchCells", List.of("new-mark"))).isEmpty();
	}

	// ---- retryPost: a refusal is the post's, not the run's

	@Test
	void aRetryRefusedForTheAccountsPostingLimitIsAskedOnceAndSaysUntilWhen() {
		// given: the key's window has room, so the 429 is the account's (Zernio names its velocity limit and an
		// account's cool-down among the retry's 429s)
		zernio.stubFor(post(urlPathEqualTo("/api/v1/posts/p-3/retry")).willReturn(aResponse().withStatus(429)
			.withHeader("X-RateLimit-Limit", "600")
			.withHeader("X-RateLimit-Remaining", "540")
			.withBody("""
					{"error":"Velocity limit reached","details":{"limit":"velocity","resetsAt":"2026-09-01T12:40:00Z"}}
					""")));
		ZernioClient paced = client.pacedBy(pace(8).requestGate());

		// when / then: refused for the account, asked once (before: eight times, each holding every call of the key,
		// then the run stopped)
		assertThatThrownBy(() -> paced.retryPost("p-3")).isInstanceOfSatisfying(RetryRefusedException.class,
				refused -> {
					assertThat(refused.status()).isEqualTo(429);
					assertThat(refused.accountLimit()).isTrue();
					assertThat(refused.resetsAt()).isEqualTo(Instant.parse("2026-09-01T12:40:00Z"));
				});
		zernio.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/posts/p-3/retry")));
	}

	@ParameterizedTest
	@CsvSource({ "402, The account owner has a failed payment", "403, Forbidden", "422, Unprocessable" })
	void aRetryZernioRefusesIsARefusalOfThatPost(int status, String words) {
		zernio.stubFor(post(urlPathEqualTo("/api/v1/posts/p-3/retry"))
			.willReturn(aResponse().withStatus(status).withBody("{\"error\":\"" + words + "\"}")));

		assertThatThrownBy(() -> client.retryPost("p-3")).isInstanceOfSatisfying(RetryRefusedException.class,
				refused -> {
					assertThat(refused.status()).isEqualTo(status);
					assertThat(refused.words()).isEqualTo(words);
					assertThat(refused.accountLimit()).isFalse();
				});
	}

	@Test
	void aPostGoneBeforeItsRetryIsAMissingPost() {
		zernio.stubFor(post(urlPathEqualTo("/api/v1/posts/p-3/retry"))
			.willReturn(aResponse().withStatus(404).withBody("{\"error\":\"Not found\"}")));

		assertThat(client.retryPost("p-3")).isEqualTo(PostState.missing("p-3"));
	}

	@Test
	void replayOfTheSameRequestIdIsADuplicateOfTheExistingPost() {
		answerCreate(okJson("""
				{"message":"Request already processed","existingPost":{"_id":"p-existing","status":"scheduled"}}
				"""));

		assertThat(send()).isEqualTo(new SendResult.Duplicate("p-existing", "Request already processed",
				new PostState("p-existing", PostState.Phase.SCHEDULED, null, null, null, null), RateLimitInfo.NONE));
	}

	@Test
	void replayCarryingPostInsteadOfExistingPostIsADuplicateToo() {
		answerCreate(okJson("{\"post\":{\"_id\":\"p-replayed\"}}"));

		assertThat(((SendResult.Duplicate) send()).postId()).isEqualTo("p-replayed");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "201|{\"message\":\"Post created\"}", "201|<html>Created</html>",
			"201|{\"message\":\"Post created\",\"post\":{\"status\":\"published\"}}",
			"200|{\"message\":\"Request already processed\"}", "202|{}" })
	void aSuccessThatDoesNotNameItsPostIsAnUnknownOutcomeNotAPinWithoutAnId(int status, String body) {
		answerCreate(aResponse().withStatus(status).withBody(body));

		SendResult result = send();

		assertThat(result).isInstanceOf(SendResult.ServerError.class);
		assertThat(((SendResult.ServerError) result).message()).contains("HTTP " + status)
			.contains("without the post's id");
	}

	@Test
	void contentDuplicateIsNotTheRowsOwnPostButNamesTheExistingOneFromDetails() {
		answerCreate(aResponse().withStatus(409).withBody("""
				{"error":"This exact content is already scheduled, publishing, or was posted to this account within the last 24 hours.",
				 "details":{"accountId":"65f1a2b3c4d5e6f708091a01","platform":"pinterest","existingPostId":"p-dup"}}
				"""));

		SendResult.ContentExists duplicate = (SendResult.ContentExists) send();

		assertThat(duplicate.existingPostId()).isEqualTo("p-dup");
		assertThat(duplicate.message()).startsWith("This exact content is already scheduled");
	}

	@Test
	void contentDuplicateFallsBackToTopLevelExistingPostId() {
		answerCreate(aResponse().withStatus(409).withBody("{\"error\":\"Duplicate content\",\"existingPostId\":\"p-top\"}"));

		assertThat(send()).isEqualTo(new SendResult.ContentExists("p-top", "Duplicate content", RateLimitInfo.NONE));
	}

	@Test
	void badRequestIsRejectedWithZerniosMessage() {
		answerCreate(aResponse().withStatus(400).withBody("{\"error\":\"Invalid URL or request data.\"}"));

		assertThat(send()).isEqualTo(new SendResult.Rejected(400, null, "Invalid URL or request data.",
				RateLimitInfo.NONE));
	}

	@Test
	void validationErrorKeepsTheCode() {
		answerCreate(aResponse().withStatus(422)
			.withBody("{\"error\":\"title too long\",\"type\":\"invalid_request_error\",\"code\":\"VALIDATION_ERROR\"}"));

		assertThat(send()).isEqualTo(new SendResult.Rejected(422, "VALIDATION_ERROR", "title too long",
				RateLimitInfo.NONE));
	}

	@Test
	void unauthorizedIsReportedAsSuch() {
		answerCreate(aResponse().withStatus(401).withBody("{\"error\":\"Unauthorized\"}"));

		assertThat(send()).isEqualTo(new SendResult.Unauthorized("Unauthorized", RateLimitInfo.NONE));
	}

	@Test
	void disconnectedAccountIsTold() {
		answerCreate(aResponse().withStatus(403)
			.withBody("{\"error\":\"Account token expired. Please reconnect.\",\"code\":\"ACCOUNT_DISCONNECTED\"}"));

		assertThat(send()).isEqualTo(new SendResult.AccountRefused(SendResult.AccountRefused.DISCONNECTED,
				"Account token expired. Please reconnect.", RateLimitInfo.NONE));
	}

	@Test
	void anAccountOfAProfileOverThePlansLimitIsTold() {
		answerCreate(aResponse().withStatus(403)
			.withBody("{\"error\":\"Profile over plan limit\",\"code\":\"PROFILE_OVER_LIMIT\"}"));

		assertThat(send()).isEqualTo(new SendResult.AccountRefused(SendResult.AccountRefused.OVER_LIMIT,
				"Profile over plan limit", RateLimitInfo.NONE));
	}

	@Test
	void forbiddenWithoutCodeIsRejected() {
		answerCreate(aResponse().withStatus(403).withBody("{\"error\":\"Account does not belong to you\"}"));

		assertThat(send()).isEqualTo(new SendResult.Rejected(403, null, "Account does not belong to you",
				RateLimitInfo.NONE));
	}

	@Test
	void rateLimitedCarriesRetryAfterLimitsAndDetails() {
		answerCreate(aResponse().withStatus(429)
			.withHeader("Retry-After", "17")
			.withHeader("X-RateLimit-Limit", "60")
			.withHeader("X-RateLimit-Remaining", "0")
			.withHeader("X-RateLimit-Reset", "1788264017")
			.withBody("{\"error\":\"Rate limit exceeded\",\"details\":{\"limit\":\"velocity\",\"max\":25,"
					+ "\"resetsAt\":\"2026-09-01T13:00:00.000Z\",\"accountId\":\"65f1a2b3c4d5e6f708091a01\"}}"));

		SendResult.RateLimited limited = (SendResult.RateLimited) send();

		assertThat(limited.rateLimit()).isEqualTo(new RateLimitInfo(60, 0, Instant.ofEpochSecond(1788264017L),
				Duration.ofSeconds(17)));
		// the details are read into fields, never passed on as JSON
		assertThat(limited.message()).isEqualTo("Rate limit exceeded");
		assertThat(limited.accountLimit()).isEqualTo(new SendResult.AccountLimit("hourly", 25,
				Instant.parse("2026-09-01T13:00:00Z")));
	}

	@Test
	void retryAfterAsHttpDateIsTurnedIntoADuration() {
		answerCreate(aResponse().withStatus(429)
			.withHeader("Retry-After", "Tue, 01 Sep 2026 12:00:45 GMT")
			.withBody("{\"error\":\"Too many requests\"}"));

		assertThat(send().rateLimit().retryAfter()).isEqualTo(Duration.ofSeconds(45));
	}

	@Test
	void rateLimitHeadersAreReadOnSuccessToo() {
		answerCreate(aResponse().withStatus(201)
			.withHeader("X-RateLimit-Limit", "600")
			.withHeader("X-RateLimit-Remaining", "599")
			.withHeader("X-RateLimit-Reset", "1788264001")
			.withBody("{\"post\":{\"_id\":\"p1\"}}"));

		assertThat(send().rateLimit())
			.isEqualTo(new RateLimitInfo(600, 599, Instant.ofEpochSecond(1788264001L), null));
	}

	@Test
	void malformedRateLimitHeadersAreIgnored() {
		answerCreate(aResponse().withStatus(201)
			.withHeader("X-RateLimit-Limit", "lots")
			.withHeader("X-RateLimit-Remaining", "12")
			.withHeader("Retry-After", "soon")
			.withBody("{\"post\":{\"_id\":\"p1\"}}"));

		assertThat(send().rateLimit()).isEqualTo(new RateLimitInfo(null, 12, null, null));
	}

	@Test
	void serverErrorKeepsStatusAndMessage() {
		answerCreate(aResponse().withStatus(500).withBody("{\"error\":\"Internal server error\"}"));

		assertThat(send()).isEqualTo(new SendResult.ServerError(500, "Internal server error", RateLimitInfo.NONE));
	}

	@Test
	void htmlFromAProxyIsTolerated() {
		answerCreate(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));

		SendResult.ServerError error = (SendResult.ServerError) send();

		assertThat(error.status()).isEqualTo(502);
		assertThat(error.message()).contains("HTTP 502").contains("without a JSON body").doesNotContain("<html>");
	}

	@Test
	void noAnswerInTimeIsATimeout() {
		answerCreate(aResponse().withStatus(201).withFixedDelay(1000).withBody("{\"post\":{\"_id\":\"late\"}}"));

		SendResult result = clientAt(loopback(), Duration.ofMillis(200)).createPost(minimalRequest(), REQUEST_ID);

		assertThat(result).isInstanceOf(SendResult.NoAnswer.class);
		assertThat(((SendResult.NoAnswer) result).timeout()).isTrue();
	}

	@Test
	@Timeout(60) // a guard, not a measure: without a deadline on the whole answer, this waited for ever
	void anAnswerThatStallsAfterItsHeadersIsATimeoutNotAWaitForEver() throws IOException {
		try (StallingServer stalling = new StallingServer(201,
				"{\"message\":\"Post created\",\"post\":{\"_id\":\"stalled\",\"status\":\"published\"}}")) {
			SendResult result = clientAt(stalling.root(), Duration.ofMillis(300)).createPost(minimalRequest(),
					REQUEST_ID);

			assertThat(result).isInstanceOf(SendResult.NoAnswer.class);
			assertThat(((SendResult.NoAnswer) result).timeout()).isTrue();
		}
	}

	@Test
	@Timeout(60) // a guard, not a measure: without a deadline on the whole answer, this waited for ever
	void aLookUpWhoseAnswerStallsFailsWithAMessage() throws IOException {
		try (StallingServer stalling = new StallingServer(200, "{\"accounts\":[]}")) {
			ZernioClient client = clientAt(stalling.root(), Duration.ofMillis(300));

			assertThatThrownBy(client::listPinterestAccounts).isInstanceOf(ZernioApiException.class)
				.hasMessageContaining("no answer within");
		}
	}

	@Test
	void anAnswerTooLargeToBeZerniosIsNotReadToItsEnd() {
		String huge = "x".repeat(20 * 1024 * 1024);
		answerCreate(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"post\":{\"_id\":\"p-huge\",\"content\":\"" + huge + "\"}}"));

		SendResult result = send();

		assertThat(result).isInstanceOf(SendResult.NoAnswer.class);
		assertThat(((SendResult.NoAnswer) result).message()).contains("larger than 16 MB")
			.contains("may or may not have been created");
	}

	@Test
	void connectionResetIsNoAnswerWithoutTimeout() {
		answerCreate(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

		SendResult.NoAnswer noAnswer = (SendResult.NoAnswer) send();

		assertThat(noAnswer.timeout()).isFalse();
		assertThat(noAnswer.message()).contains("127.0.0.1").doesNotContain(KEY);
	}

	@Test
	void emptyAnswerIsNoAnswer() {
		answerCreate(aResponse().withFault(Fault.EMPTY_RESPONSE));

		assertThat(send()).isInstanceOf(SendResult.NoAnswer.class);
	}

	@Test
	void aNameThatIsNotFoundIsSaidSoNotCalledARefusedConnection() {
		// as the JDK client reports an address whose name does not resolve: a refused connection without a message
		ConnectException unresolved = new ConnectException();
		unresolved.initCause(new UnresolvedAddressException());

		assertThat(ZernioClient.describe(unresolved)).contains("name is not found").doesNotContain("refused");
		assertThat(ZernioClient.describe(new ConnectException())).isEqualTo("connection refused");
	}

	@Test
	void refusedConnectionIsNoAnswer() throws IOException {
		ZernioClient client = clientAt("http://127.0.0.1:" + closedPort(), Duration.ofSeconds(2));

		SendResult result = client.createPost(minimalRequest(), REQUEST_ID);

		assertThat(result).isInstanceOf(SendResult.NoAnswer.class);
		assertThat(((SendResult.NoAnswer) result).timeout()).isFalse();
	}

	// ---- accounts and boards

	@Test
	void listsPinterestAccountsWithUsability() {
		zernio.stubFor(get(urlPathEqualTo("/api/v1/accounts")).withQueryParam("platform", equalTo("pinterest"))
			.withHeader("Authorization", equalTo("Bearer " + KEY))
			.willReturn(okJson("""
					{"accounts":[
					 {"_id":"a1","platform":"pinterest","username":"acme-home","displayName":"Acme Home","isActive":true,
					  "profileId":{"_id":"pr1","name":"Main"},"enabled":true},
					 {"_id":"a2","platform":"pinterest","username":"acme-garden","displayName":"Acme Garden","isActive":true,
					  "profileId":"pr2"},
					 {"_id":"a3","platform":"pinterest","username":"acme-archive","isActive":true,"needsReconnection":true},
					 {"_id":"a4","platform":"pinterest","username":"acme-auto","isActive":true,"enabled":false},
					 {"_id":"a5","platform":"pinterest","username":"acme-off","isActive":false},
					 {"_id":"b1","platform":"instagram","username":"acme-insta","isActive":true}],
					 "hasAnalyticsAccess":false}
					""")));

		assertThat(client.listPinterestAccounts()).containsExactly(
				new Account("a1", "acme-home", "Acme Home", true, "pr1"),
				new Account("a2", "acme-garden", "Acme Garden", true, "pr2"),
				new Account("a3", "acme-archive", null, false),
				new Account("a4", "acme-auto", null, false),
				new Account("a5", "acme-off", null, false));
		zernio.verify(1, getRequestedFor(urlEqualTo("/api/v1/accounts?platform=pinterest")));
	}

	@Test
	void listsBoardsOfAnAccountWithTheIdEncoded() {
		zernio.stubFor(get("/api/v1/accounts/" + ACCOUNT_ID + "/pinterest-boards")
			.withHeader("Authorization", equalTo("Bearer " + KEY))
			.willReturn(okJson("""
					{"boards":[{"id":"918273645500000001","name":"Kitchen Ideas","description":"","privacy":"PUBLIC"},
					           {"id":"918273645500000002","name":"Small Spaces","privacy":"SECRET"}]}
					""")));
		zernio.stubFor(get("/api/v1/accounts/a%20b%2Fc/pinterest-boards").willReturn(okJson("{\"boards\":[]}")));

		assertThat(client.listBoards(ACCOUNT_ID)).containsExactly(new Board("918273645500000001", "Kitchen Ideas"),
				new Board("918273645500000002", "Small Spaces"));
		assertThat(client.listBoards("a b/c")).isEmpty();
	}

	@Test
	void rejectedKeyOnListingStopsWithAMessageWithoutTheKey() {
		zernio.stubFor(get(urlPathEqualTo("/api/v1/accounts"))
			.willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Unauthorized\"}")));

		assertThatThrownBy(client::listPinterestAccounts).isInstanceOf(AccessRefusedException.class)
			.hasMessage("Zernio rejected the API key (401): check ZERNIO_API_KEY")
			.hasMessageNotContaining(KEY);
	}

	@Test
	void otherListingFailureIsOneLineWithStatusAndZerniosMessage() {
		zernio.stubFor(get("/api/v1/accounts/" + ACCOUNT_ID + "/pinterest-boards")
			.willReturn(aResponse().withStatus(404).withBody("{\"error\":\"Not found\"}")));

		assertThatThrownBy(() -> client.listBoards(ACCOUNT_ID)).isInstanceOf(ZernioApiException.class)
			.hasMessage("Zernio answered GET /v1/accounts/" + ACCOUNT_ID + "/pinterest-boards with HTTP 404: Not found")
			.satisfies(failure -> assertThat(((ZernioApiException) failure).status()).isEqualTo(404));
	}

	@Test
	void aPacedLookUpAnsweredTooManyRequestsIsSentAgain() {
		answerAccountsAfterTooManyRequests(1);
		ZernioClient paced = client.pacedBy(pace(3).requestGate());

		assertThat(paced.listPinterestAccounts()).extracting(Account::username).containsExactly("acme-home");
		zernio.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/accounts")));
	}

	@Test
	void aPacedLookUpStillTooManyRequestsAfterEveryAttemptStopsWithZerniosMessage() {
		answerAccountsAfterTooManyRequests(5);
		ZernioClient paced = client.pacedBy(pace(3).requestGate());

		assertThatThrownBy(paced::listPinterestAccounts).isInstanceOf(ZernioApiException.class)
			.hasMessageContaining("HTTP 429: Too many requests");
		zernio.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/accounts")));
	}

	@Test
	void aPacedLookUpAnsweredBadGatewayOrUnavailableIsSentAgainLikeACreate() {
		String state = Scenario.STARTED;
		for (int status : new int[] { 503, 502 }) {
			zernio.stubFor(get(urlPathEqualTo("/api/v1/accounts")).inScenario("flaky").whenScenarioStateIs(state)
				.willReturn(aResponse().withStatus(status).withHeader("Retry-After", "0")
					.withBody("{\"error\":\"Service temporarily unavailable\"}"))
				.willSetStateTo("answered " + status));
			state = "answered " + status;
		}
		zernio.stubFor(get(urlPathEqualTo("/api/v1/accounts")).inScenario("flaky").whenScenarioStateIs(state)
			.willReturn(okJson("""
					{"accounts":[{"_id":"a1","platform":"pinterest","username":"acme-home","isActive":true}]}
					""")));
		ZernioClient paced = client.pacedBy(pace(3).requestGate());

		assertThat(paced.listPinterestAccounts()).extracting(Account::username).containsExactly("acme-home");
		zernio.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/accounts")));
	}

	@Test
	void aPacedLookUpFailingEveryAttemptStopsWithZerniosMessage() {
		zernio.stubFor(get("/api/v1/accounts/" + ACCOUNT_ID + "/pinterest-boards")
			.willReturn(aResponse().withStatus(502).withBody("{\"error\":\"Bad gateway\"}")));
		zernio.stubFor(post("/api/v1/media/presign").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		ZernioClient paced = client.pacedBy(pace(3).requestGate());

		assertThatThrownBy(() -> paced.listBoards(ACCOUNT_ID)).isInstanceOf(ZernioApiException.class)
			.hasMessageContaining("HTTP 502: Bad gateway");
		assertThatThrownBy(() -> paced.presign("a.jpg", "image/jpeg", 10)).isInstanceOf(ZernioApiException.class)
			.hasMessageStartingWith("cannot reach Zernio at ");
		zernio.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/accounts/" + ACCOUNT_ID + "/pinterest-boards")));
		zernio.verify(3, postRequestedFor(urlPathEqualTo("/api/v1/media/presign")));
	}

	@Test
	void aLookUpWithoutAPaceTakesTooManyRequestsAsFinal() {
		answerAccountsAfterTooManyRequests(1);

		assertThatThrownBy(client::listPinterestAccounts).isInstanceOf(ZernioApiException.class)
			.satisfies(failure -> assertThat(((ZernioApiException) failure).status()).isEqualTo(429));
		zernio.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts")));
	}

	@Test
	void unreachableZernioIsNamedByHost() throws IOException {
		String host = "127.0.0.1:" + closedPort();
		ZernioClient client = clientAt("http://" + host, Duration.ofSeconds(2));

		assertThatThrownBy(client::listPinterestAccounts).isInstanceOf(ZernioApiException.class)
			.hasMessageStartingWith("cannot reach Zernio at " + host + ": ")
			.hasMessageNotContaining(KEY);
	}

	// ---- reconciling

	@Test
	void findsAPostByMetadataOnALaterPage() {
		String query = "/api/v1/posts?accountId=" + ACCOUNT_ID
				+ "&platform=pinterest&sortBy=created-desc&dateFrom=2026-08-30T10%3A15%3A00Z&limit=500";
		zernio.stubFor(get(query + "&page=1").willReturn(okJson("""
				{"posts":[{"_id":"p1","metadata":{"rowKey":"pins.csv#3"},
				           "platforms":[{"platform":"pinterest","accountId":{"_id":"65f1a2b3c4d5e6f708091a01"}}]},
				          {"_id":"p2","platforms":[{"accountId":"65f1a2b3c4d5e6f708091a01"}]}],
				 "pagination":{"page":1,"limit":500,"total":3,"pages":2}}
				""")));
		zernio.stubFor(get(query + "&page=2").willReturn(okJson("""
				{"posts":[{"_id":"p3","metadata":{"rowKey":"pins.csv#2","jobRunId":"7"}}],
				 "pagination":{"page":2,"limit":500,"total":3,"pages":2}}
				""")));

		assertThat(client.findEarlierPost(ACCOUNT_ID, Instant.parse("2026-08-30T10:15:00.123Z"),
				withMetadata(Map.of("rowKey", "pins.csv#2", "jobRunId", "7")))).contains(new EarlierPost("p3", true));
		assertThat(client.findEarlierPost(ACCOUNT_ID, Instant.parse("2026-08-30T10:15:00Z"),
				withMetadata(Map.of("rowKey", "pins.csv#2", "jobRunId", "8")))).isEmpty();
		zernio.verify(2, getRequestedFor(urlEqualTo(query + "&page=2")));
	}

	@Test
	void findsAPostByWhatZernioFingerprintsWhenTheListingLacksItsMetadata() {
		String query = "/api/v1/posts?accountId=" + ACCOUNT_ID
				+ "&platform=pinterest&sortBy=created-desc&dateFrom=2026-08-30T10%3A15%3A00Z&limit=500&page=1";
		zernio.stubFor(get(query).willReturn(okJson("""
				{"posts":[{"_id":"other-time","content":"Oak shelves","scheduledFor":"2026-10-01T09:00:00.000Z",
				           "mediaItems":[{"type":"image","url":"https://images.example.com/k.jpg"}],
				           "platforms":[{"platform":"pinterest","accountId":{"_id":"65f1a2b3c4d5e6f708091a01"}}]},
				          {"_id":"other-media","content":"Oak shelves","scheduledFor":"2026-10-01T08:00:00.000Z",
				           "mediaItems":[{"type":"image","url":"https://images.example.com/other.jpg"}]},
				          {"_id":"ours","content":"Oak shelves","scheduledFor":"2026-10-01T08:00:00.000Z",
				           "mediaItems":[{"type":"image","url":"https://images.example.com/k.jpg"}],
				           "platforms":[{"platform":"pinterest","accountId":"65f1a2b3c4d5e6f708091a01"}]}],
				 "pagination":{"page":1,"limit":500,"total":3,"pages":1}}
				""")));
		CreatePostRequest scheduled = new CreatePostRequest("Oak shelves", minimalRequest().mediaItems(),
				minimalRequest().platforms(), "2026-10-01T08:00:00Z", null, "UTC", null,
				Map.of("pinbatchRun", "r", "pinbatchRow", "2"));

		assertThat(client.findEarlierPost(ACCOUNT_ID, Instant.parse("2026-08-30T10:15:00Z"), scheduled))
			.contains(new EarlierPost("ours", false));
	}

	// ---- media

	@Test
	void presignsAndUploadsWithoutTheKey(@TempDir Path dir) throws Exception {
		Path image = Files.write(dir.resolve("kitchen.jpg"), new byte[] { (byte) 0xFF, (byte) 0xD8, 1, 2, 3 });
		String uploadPath = "/storage/temp/123_kitchen.jpg?X-Amz-Signature=abc";
		zernio.stubFor(post("/api/v1/media/presign").withHeader("Authorization", equalTo("Bearer " + KEY))
			.withRequestBody(equalToJson("{\"filename\":\"kitchen.jpg\",\"contentType\":\"image/jpeg\",\"size\":5}"))
			.willReturn(okJson(json.writeValueAsString(Map.of("uploadUrl", loopback() + uploadPath,
					"publicUrl", "https://media.zernio.com/temp/123_kitchen.jpg", "key", "temp/123_kitchen.jpg",
					"expiresIn", 3600)))));
		zernio.stubFor(put(uploadPath).willReturn(aResponse().withStatus(200)));

		PresignedUpload target = client.presign("kitchen.jpg", "image/jpeg", 5);
		upload(client, target, image);

		assertThat(target.publicUrl()).isEqualTo("https://media.zernio.com/temp/123_kitchen.jpg");
		assertThat(target.key()).isEqualTo("temp/123_kitchen.jpg");
		zernio.verify(1, putRequestedFor(urlEqualTo(uploadPath)).withoutHeader("Authorization")
			.withHeader("Content-Type", equalTo("image/jpeg"))
			.withRequestBody(binaryEqualTo(Files.readAllBytes(image))));
	}

	/** Before: an https URL of this machine or a private network was sent the file (a security review's find). */
	@ParameterizedTest
	@ValueSource(strings = { "http://169.254.169.254/latest/meta-data/x.jpg", "http://storage.zernio.com/x.jpg",
			"file:///etc/passwd", "ftp://storage.zernio.com/x.jpg", "not a url", "https:///x.jpg",
			"https://169.254.169.254/latest/meta-data/x.jpg", "https://10.0.0.5/x.jpg", "https://localhost:8443/x.jpg",
			"https://[::1]/x.jpg", "https://192.168.1.20/x.jpg" })
	void anUploadUrlThatIsNotZerniosStorageOverHttpsIsNotSentTo(String url, @TempDir Path dir) throws Exception {
		Path image = Files.write(dir.resolve("kitchen.jpg"), new byte[] { 1, 2, 3 });
		PresignedUpload elsewhere = new PresignedUpload(url, "https://media.zernio.com/x.jpg", "x.jpg");

		assertThatThrownBy(() -> upload(client, elsewhere, image)).isInstanceOf(ZernioApiException.class)
			.hasMessageContaining("kitchen.jpg")
			.hasMessageContaining("not a public https address");
		zernio.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void anUploadUrlOnThePlainHttpApisOwnHostIsSentToWhateverItsPort(@TempDir Path dir) throws Exception {
		// given: a Zernio simulator on this machine whose storage listens on a port of its own (before: refused, and
		// the run stopped at its first local file)
		Path image = Files.write(dir.resolve("kitchen.jpg"), new byte[] { 1, 2, 3 });
		zernio.stubFor(put(urlPathEqualTo("/storage/x.jpg")).willReturn(aResponse().withStatus(200)));
		ZernioClient simulators = clientAt("http://127.0.0.1:" + closedPort(), Duration.ofSeconds(5));
		PresignedUpload storage = new PresignedUpload(loopback() + "/storage/x.jpg", "https://media.example/x.jpg",
				"x.jpg");

		// when
		upload(simulators, storage, image);

		// then
		zernio.verify(1, putRequestedFor(urlEqualTo("/storage/x.jpg")));
	}

	@Test
	void failedUploadNamesTheFileAndHostButNotTheSignature(@TempDir Path dir) throws Exception {
		Path image = Files.write(dir.resolve("kitchen.jpg"), new byte[] { 1, 2, 3 });
		zernio.stubFor(put(urlPathEqualTo("/storage/x.jpg")).willReturn(aResponse().withStatus(403)));
		PresignedUpload expired = new PresignedUpload(loopback() + "/storage/x.jpg?X-Amz-Signature=secret",
				"https://media.zernio.com/x.jpg", "x.jpg");

		assertThatThrownBy(() -> upload(client, expired, image)).isInstanceOf(ZernioApiException.class)
			.hasMessageContaining("kitchen.jpg")
			.hasMessageContaining("HTTP 403")
			.hasMessageNotContaining("secret");
	}

	@Test
	void settingsDoNotPrintTheKey() {
		ZernioClientSettings settings = new ZernioClientSettings(URI.create("https://zernio.com/api"), KEY,
				Duration.ofSeconds(10), Duration.ofSeconds(60));

		assertThat(settings.toString()).contains("https://zernio.com/api").doesNotContain(KEY);
	}

	@Test
	void settingsRefuseABaseUrlThatIsNotHttp() {
		assertThatThrownBy(() -> new ZernioClientSettings(URI.create("zernio.com/api"), KEY, Duration.ofSeconds(1),
				Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("https://zernio.com/api")
			.hasMessageNotContaining(KEY);
	}

	// ---- helpers

	/** WireMock's own base URL says localhost, which may resolve to ::1 first; the server listens on IPv4. */
	private static String loopback() {
		return "http://127.0.0.1:" + zernio.getPort();
	}

	/** A loopback port nobody listens on (just released by the OS). */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** The account list answers 429 (window used up, no wait asked for) this many times, then the list. */
	private static void answerAccountsAfterTooManyRequests(int times) {
		String state = Scenario.STARTED;
		for (int answer = 1; answer <= times; answer++) {
			zernio.stubFor(get(urlPathEqualTo("/api/v1/accounts")).inScenario("busy").whenScenarioStateIs(state)
				.willReturn(aResponse().withStatus(429).withHeader("X-RateLimit-Limit", "600")
					.withHeader("X-RateLimit-Remaining", "0").withHeader("Retry-After", "0")
					.withBody("{\"error\":\"Too many requests\"}"))
				.willSetStateTo("answered " + answer));
			state = "answered " + answer;
		}
		zernio.stubFor(get(urlPathEqualTo("/api/v1/accounts")).inScenario("busy").whenScenarioStateIs(state)
			.willReturn(okJson("""
					{"accounts":[{"_id":"a1","platform":"pinterest","username":"acme-home","isActive":true}]}
					""")));
	}

	/**
	 * A pace on a clock that moves only when the pace waits: a window drained to Remaining 0 is waited out (a second
	 * each time) without the test spending it.
	 */
	private static PacedSender pace(int maxAttempts) {
		MutableClock time = MutableClock.epochUTC();
		return new PacedSender((request, requestId) -> {
			throw new AssertionError("no create in these tests");
		}, new ThrottleSettings(null, 600, 1.0, 25, 25, maxAttempts, Duration.ofMillis(1), Duration.ofMillis(5),
				Duration.ofSeconds(1), 8), ThrottleListener.NONE, time, time::add);
	}

	private void answerCreate(ResponseDefinitionBuilder answer) {
		zernio.stubFor(post("/api/v1/posts").willReturn(answer));
	}

	private SendResult send() {
		return client.createPost(minimalRequest(), REQUEST_ID);
	}

	private static CreatePostRequest withMetadata(Map<String, String> metadata) {
		CreatePostRequest request = minimalRequest();
		return new CreatePostRequest(request.content(), request.mediaItems(), request.platforms(), null, true, null,
				null, metadata);
	}

	private static CreatePostRequest minimalRequest() {
		return new CreatePostRequest("Oak shelves",
				List.of(new CreatePostRequest.MediaItem("image", "https://images.example.com/k.jpg", null)),
				List.of(new CreatePostRequest.PlatformTarget("pinterest", ACCOUNT_ID,
						new CreatePostRequest.PinterestData("Kitchen", "918273645500000001", null, null, null))),
				null, true, null, null, null);
	}

	private static CreatePostRequest fullRequest() {
		return new CreatePostRequest("Oak shelves over the sink",
				List.of(new CreatePostRequest.MediaItem("video", "https://images.example.com/kitchen.mp4",
						"Oak shelves")),
				List.of(new CreatePostRequest.PlatformTarget("pinterest", ACCOUNT_ID,
						new CreatePostRequest.PinterestData("Small kitchen", "918273645500000001",
								"https://blog.example.com/kitchen", "https://images.example.com/cover.jpg", 3))),
				"2026-09-02T14:00:00Z", null, "Europe/Berlin", null,
				Map.of("jobRunId", "7", "rowKey", "pins.csv#2"));
	}

	/** A post's time as Zernio holds it now, with an offset or Zulu, its Pinterest target's own before the post's. */
	@Test
	void aScheduledPostSaysWhenItPublishesAndItsTargetsOwnTimeComesFirst() {
		zernio.stubFor(get(urlEqualTo("/api/v1/posts/moved")).willReturn(okJson("""
				{"post":{"_id":"moved","status":"scheduled","scheduledFor":"2030-03-08T10:00:00+01:00",
				  "platforms":[{"platform":"pinterest","status":"pending"}]}}""")));
		zernio.stubFor(get(urlEqualTo("/api/v1/posts/own")).willReturn(okJson("""
				{"post":{"_id":"own","status":"scheduled","scheduledFor":"2030-03-01T09:00:00.000Z",
				  "platforms":[{"platform":"pinterest","status":"pending",
				                "scheduledFor":"2030-03-02T09:00:00.000Z"}]}}""")));
		zernio.stubFor(get(urlEqualTo("/api/v1/posts/live")).willReturn(okJson("""
				{"post":{"_id":"live","status":"published","scheduledFor":"2030-03-01T09:00:00.000Z",
				  "platforms":[{"platform":"pinterest","status":"published"}]}}""")));

		assertThat(client.getPost("moved").scheduledFor()).isEqualTo(Instant.parse("2030-03-08T09:00:00Z"));
		assertThat(client.getPost("own").scheduledFor()).isEqualTo(Instant.parse("2030-03-02T09:00:00Z"));
		assertThat(client.getPost("live").scheduledFor()).isNull();
		assertThat(client.schedule("moved")).hasValueSatisfying(schedule -> assertThat(
				schedule.scheduledAt(Instant.parse("2030-03-08T09:00:00Z"))).isTrue());
	}

	/** Zernio keeps a published post "published" when the pin later vanishes, and says so in removedFromPlatformAt. */
	@Test
	void aPinRemovedFromPinterestAfterItWasPublishedIsNoLongerAPublishedPin() {
		zernio.stubFor(get(urlEqualTo("/api/v1/posts/gone")).willReturn(okJson("""
				{"post":{"_id":"gone","status":"published",
				  "platforms":[{"platform":"pinterest","status":"published","platformPostUrl":
				    "https://www.pinterest.com/pin/7/","removedFromPlatformAt":"2026-09-03T08:00:00.000Z"}]}}""")));
		zernio.stubFor(get(urlEqualTo("/api/v1/posts/back")).willReturn(okJson("""
				{"post":{"_id":"back","status":"published",
				  "platforms":[{"platform":"pinterest","status":"published","platformPostUrl":
				    "https://www.pinterest.com/pin/8/","removedFromPlatformAt":null}]}}""")));

		PostState gone = client.getPost("gone");

		assertThat(gone).isEqualTo(new PostState("gone", PostState.Phase.FAILED, "https://www.pinterest.com/pin/7/",
				"2026-09-03T08:00:00.000Z", PostState.PIN_REMOVED, null));
		assertThat(gone.retryable()).isFalse();
		assertThat(client.getPost("back").phase()).isEqualTo(PostState.Phase.PUBLISHED);
	}

	/** Uploads a JPEG as the local media uploader does: from the file it opened. */
	private static void upload(ZernioClient client, PresignedUpload target, Path file) throws IOException {
		try (FileChannel content = FileChannel.open(file, StandardOpenOption.READ)) {
			client.upload(target, content, file.getFileName().toString(), "image/jpeg");
		}
	}
}

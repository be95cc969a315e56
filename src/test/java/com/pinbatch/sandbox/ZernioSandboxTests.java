package com.pinbatch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.threeten.extra.MutableClock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Contract tests: a real sandbox on loopback, driven with the JDK HTTP client like any Zernio client. */
class ZernioSandboxTests {

	private static final String HOME = "65f1a2b3c4d5e6f708091a01";
	private static final String GARDEN = "65f1a2b3c4d5e6f708091a02";
	private static final String ARCHIVE = "65f1a2b3c4d5e6f708091a04";
	private static final String INSTA = "65f1a2b3c4d5e6f708091b01";
	private static final String KITCHEN_BOARD = "918273645500000001";
	private static final String GARDEN_BOARD = "918273645500000011";

	// one client for the class: building one per test costs more than the tests themselves
	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();
	private final MutableClock clock = MutableClock.of(Instant.parse("2026-09-01T10:00:00Z"), ZoneOffset.UTC);
	private final List<ZernioSandbox> started = new ArrayList<>();

	@TempDir
	Path dir;

	@AfterEach
	void stopSandboxes() {
		started.forEach(ZernioSandbox::close);
	}

	record Answer(int status, JsonNode json, HttpHeaders headers) {

		String header(String name) {
			return headers.firstValue(name).orElse(null);
		}
	}

	// ---- authentication and the throughput window ----

	@Test
	void rejectsMissingOrWrongKeyWith401() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());

		Answer none = send(sandbox, "GET", "/v1/accounts", null, null, null);
		Answer wrong = send(sandbox, "GET", "/v1/accounts", null, "sk_wrong", null);

		assertThat(none.status()).isEqualTo(401);
		assertThat(none.json().path("error").asString()).isEqualTo("Unauthorized");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(none.header("X-RateLimit-Limit")).isEqualTo("600");
	}

	@Test
	void everyAnswerCarriesRateLimitHeadersThatCountDown() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withRequestsPerMinute(10));

		Answer first = get(sandbox, "/v1/accounts");
		Answer second = get(sandbox, "/v1/posts");
		Answer missing = get(sandbox, "/v1/nothing-here");

		assertThat(first.header("X-RateLimit-Limit")).isEqualTo("10");
		assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("9");
		assertThat(second.header("X-RateLimit-Remaining")).isEqualTo("8");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("X-RateLimit-Remaining")).isEqualTo("7");
		long reset = Long.parseLong(first.header("X-RateLimit-Reset"));
		assertThat(reset).isEqualTo(clock.instant().plusSeconds(60).getEpochSecond());
	}

	@Test
	void answers429WithRetryAfterPastTheCeilingAndRecoversWhenTheWindowSlides() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withRequestsPerMinute(3));
		for (int i = 0; i < 3; i++) {
			assertThat(get(sandbox, "/v1/accounts").status()).isEqualTo(200);
			clock.add(Duration.ofSeconds(10));
		}

		Answer limited = createPin(sandbox, validPin(1), null);

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.json().path("error").asString()).contains("Rate limit");
		assertThat(limited.json().path("details").isObject()).isTrue();
		assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
		assertThat(limited.header("Retry-After")).isEqualTo("30");
		assertThat(sandbox.rateLimitedResponses()).isEqualTo(1);
		assertThat(sandbox.postCount()).isZero();

		clock.add(Duration.ofSeconds(31));
		assertThat(createPin(sandbox, validPin(1), null).status()).isEqualTo(201);
	}

	@Test
	void phantomRequestsFromAnotherProcessUseUpTheWindow() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withRequestsPerMinute(5));
		sandbox.consumeRateWindow(5);

		Answer limited = get(sandbox, "/v1/accounts");

		assertThat(limited.status()).isEqualTo(429);
		assertThat(Integer.parseInt(limited.header("Retry-After"))).isGreaterThanOrEqualTo(1);
	}

	@Test
	void scriptedStormsRefuseEveryRequestWithTheirRetryAfterThenPass() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		sandbox.contend(
				new KeyContention(0, Duration.ofMinutes(2), Duration.ofSeconds(20), Duration.ofSeconds(45), false));

		Answer before = get(sandbox, "/v1/accounts");
		clock.add(Duration.ofSeconds(125));
		Answer during = createPin(sandbox, validPin(1), null);
		clock.add(Duration.ofSeconds(20));
		Answer after = createPin(sandbox, validPin(1), null);
		clock.add(Duration.ofSeconds(100));
		Answer nextStorm = get(sandbox, "/v1/accounts");

		assertThat(before.status()).isEqualTo(200);
		assertThat(during.status()).isEqualTo(429);
		assertThat(during.header("Retry-After")).isEqualTo("45");
		assertThat(during.header("X-RateLimit-Remaining")).isEqualTo("0");
		assertThat(after.status()).isEqualTo(201);
		assertThat(nextStorm.status()).isEqualTo(429);
		assertThat(sandbox.postCount()).isEqualTo(1);
	}

	@Test
	void stormsThatShowRoomLeftRefuseWithTheWindowsRemainingAndTheirRetryAfter() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withRequestsPerMinute(600));
		sandbox.contend(
				new KeyContention(0, Duration.ofMinutes(2), Duration.ofSeconds(20), Duration.ofSeconds(2), true));

		clock.add(Duration.ofSeconds(125));
		Answer during = createPin(sandbox, validPin(1), null);

		assertThat(during.status()).isEqualTo(429);
		assertThat(during.header("Retry-After")).isEqualTo("2");
		assertThat(Integer.parseInt(during.header("X-RateLimit-Remaining"))).isPositive();
		assertThat(sandbox.postCount()).isZero();
	}

	@Test
	void anOutageAnswersEveryRequest503ForItsLengthThenZernioIsBack() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		sandbox.goDown(Duration.ofSeconds(30), Duration.ofMinutes(2));

		Answer before = createPin(sandbox, validPin(1), null);
		clock.add(Duration.ofSeconds(30));
		Answer create = createPin(sandbox, validPin(2), null);
		Answer lookUp = get(sandbox, "/v1/accounts");
		clock.add(Duration.ofMinutes(2));
		Answer after = createPin(sandbox, validPin(2), null);

		assertThat(before.status()).isEqualTo(201);
		assertThat(create.status()).isEqualTo(503);
		assertThat(lookUp.status()).isEqualTo(503);
		assertThat(create.header("X-RateLimit-Remaining")).isNull();
		assertThat(after.status()).isEqualTo(201);
		assertThat(sandbox.postCount()).isEqualTo(2);
	}

	@Test
	void aNeighbourOnTheKeyTakesSlotsOfTheWindow() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withRequestsPerMinute(60));
		// 6,000 a minute: the window is full within a second of real time
		sandbox.contend(new KeyContention(6_000, Duration.ZERO, Duration.ZERO, Duration.ZERO, false));

		Answer limited = null;
		for (int tries = 0; tries < 100 && (limited == null || limited.status() != 429); tries++) {
			Thread.sleep(20);
			limited = get(sandbox, "/v1/accounts");
		}

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
	}

	// ---- accounts and boards ----

	@Test
	void listsTheSeededAccountsWithTheirFilters() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());

		Answer all = get(sandbox, "/v1/accounts");
		Answer pinterest = get(sandbox, "/v1/accounts?platform=pinterest");
		Answer disconnected = get(sandbox, "/v1/accounts?platform=pinterest&status=disconnected");
		Answer paged = get(sandbox, "/v1/accounts?platform=pinterest&page=2&limit=3");

		assertThat(all.json().path("accounts")).hasSize(5);
		assertThat(all.json().path("hasAnalyticsAccess").asBoolean(true)).isFalse();
		assertThat(pinterest.json().path("accounts").findValuesAsString("username")).containsExactly("acme-home",
				"acme-garden", "acme-recipes", "acme-archive");
		JsonNode home = pinterest.json().path("accounts").get(0);
		assertThat(home.path("_id").asString()).isEqualTo(HOME);
		assertThat(home.path("displayName").asString()).isEqualTo("Acme Home");
		assertThat(home.path("isActive").asBoolean()).isTrue();
		assertThat(home.path("enabled").asBoolean()).isTrue();
		assertThat(home.path("needsReconnection").asBoolean()).isFalse();
		assertThat(home.path("profileId").asString()).hasSize(24);
		assertThat(disconnected.json().path("accounts").findValuesAsString("_id")).containsExactly(ARCHIVE);
		assertThat(paged.json().path("accounts").findValuesAsString("username")).containsExactly("acme-archive");
		assertThat(paged.json().path("pagination").path("total").asInt()).isEqualTo(4);
	}

	@Test
	void rejectsHalfAPageRequestOrAnOversizedLimit() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());

		assertThat(get(sandbox, "/v1/accounts?page=1").status()).isEqualTo(400);
		assertThat(get(sandbox, "/v1/accounts?limit=10").status()).isEqualTo(400);
		assertThat(get(sandbox, "/v1/accounts?page=1&limit=101").status()).isEqualTo(400);
	}

	@Test
	void listsBoardsOfAPinterestAccountOnly() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());

		Answer boards = get(sandbox, "/v1/accounts/" + HOME + "/pinterest-boards");
		Answer unknown = get(sandbox, "/v1/accounts/65f1a2b3c4d5e6f708091fff/pinterest-boards");
		Answer instagram = get(sandbox, "/v1/accounts/" + INSTA + "/pinterest-boards");

		assertThat(boards.status()).isEqualTo(200);
		assertThat(boards.json().path("boards").findValuesAsString("name")).containsExactly("Kitchen Ideas",
				"Small Spaces", "Home Office");
		JsonNode first = boards.json().path("boards").get(0);
		assertThat(first.path("id").asString()).isEqualTo(KITCHEN_BOARD);
		assertThat(first.path("privacy").asString()).isEqualTo("PUBLIC");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(instagram.status()).isEqualTo(400);
	}

	@Test
	void generatedBenchAccountsFollowTheDemoAccountsAndTakePins() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withGeneratedAccounts(12));

		JsonNode accounts = get(sandbox, "/v1/accounts?platform=pinterest&status=connected").json().path("accounts");
		List<String> usernames = accounts.findValuesAsString("username");
		JsonNode last = accounts.get(accounts.size() - 1);
		Answer boards = get(sandbox, "/v1/accounts/" + last.path("_id").asString() + "/pinterest-boards");
		ObjectNode pin = validPin(1);
		target(pin).put("accountId", last.path("_id").asString());
		data(pin).put("boardId", boards.json().path("boards").get(1).path("id").asString());

		assertThat(usernames).hasSize(15).startsWith("acme-home", "acme-garden", "acme-recipes", "bench-001")
			.endsWith("bench-011", "bench-012")
			.doesNotHaveDuplicates();
		assertThat(accounts.findValuesAsString("_id")).allMatch(id -> id.matches("[0-9a-f]{24}"))
			.doesNotHaveDuplicates();
		assertThat(boards.json().path("boards").findValuesAsString("name")).containsExactly("Bench Ideas",
				"Bench Notes");
		assertThat(createPin(sandbox, pin, null).status()).isEqualTo(201);
		assertThat(get(start(SandboxSettings.defaults()), "/v1/accounts").json().path("accounts")).hasSize(5);
	}

	// ---- creating posts ----

	@Test
	void createsAScheduledPinInZernioShape() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());

		Answer created = createPin(sandbox, validPin(1), "6f1c2a8e-0000-4000-8000-000000000001");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("message").asString()).isEqualTo("Post scheduled successfully");
		JsonNode post = created.json().path("post");
		assertThat(post.path("_id").asString()).matches("[0-9a-f]{24}");
		assertThat(post.path("status").asString()).isEqualTo("scheduled");
		assertThat(post.path("content").asString()).isEqualTo("Modern kitchen ideas 1");
		assertThat(post.path("title").asString()).isEqualTo("Kitchen 1");
		assertThat(post.path("scheduledFor").asString()).isEqualTo("2026-12-01T14:00:00.000Z");
		assertThat(post.path("timezone").asString()).isEqualTo("UTC");
		assertThat(post.path("metadata").path("rowKey").asString()).isEqualTo("row-1");
		assertThat(post.path("mediaItems").get(0).path("url").asString())
			.isEqualTo("https://images.example.com/kitchen-1.jpg");
		assertThat(post.path("createdAt").asString()).isEqualTo("2026-09-01T10:00:00.000Z");
		JsonNode platform = post.path("platforms").get(0);
		assertThat(platform.path("platform").asString()).isEqualTo("pinterest");
		assertThat(platform.path("status").asString()).isEqualTo("pending");
		assertThat(platform.path("accountId").path("_id").asString()).isEqualTo(HOME);
		assertThat(platform.path("accountId").path("username").asString()).isEqualTo("acme-home");
		assertThat(platform.has("platformPostUrl")).isFalse();

		SandboxPost stored = sandbox.posts().get(0);
		assertThat(stored.id()).isEqualTo(post.path("_id").asString());
		assertThat(stored.accountId()).isEqualTo(HOME);
		assertThat(stored.requestId()).isEqualTo("6f1c2a8e-0000-4000-8000-000000000001");
		assertThat(stored.status()).isEqualTo("scheduled");
		assertThat(stored.metadata()).containsEntry("rowKey", "row-1");
		assertThat(stored.requestBody()).contains("\"boardId\":\"" + KITCHEN_BOARD + "\"");
		assertThat(sandbox.requests()).last().satisfies(request -> {
			assertThat(request.path()).isEqualTo("/api/v1/posts");
			assertThat(request.status()).isEqualTo(201);
			assertThat(request.header("X-Request-Id")).isEqualTo("6f1c2a8e-0000-4000-8000-000000000001");
		});
	}

	@Test
	void publishNowAnswersWithThePinUrl() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		ObjectNode pin = validPin(1);
		pin.remove("scheduledFor");
		pin.put("publishNow", true);

		Answer created = createPin(sandbox, pin, null);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("message").asString()).isEqualTo("Post published successfully");
		JsonNode platform = created.json().path("post").path("platforms").get(0);
		assertThat(created.json().path("post").path("status").asString()).isEqualTo("published");
		assertThat(platform.path("status").asString()).isEqualTo("published");
		assertThat(platform.path("platformPostId").asString()).matches("\\d{18}");
		assertThat(platform.path("platformPostUrl").asString()).startsWith("https://www.pinterest.com/pin/");
		assertThat(platform.path("publishedAt").asString()).isNotEmpty();
	}

	@Test
	void withoutScheduleOrPublishNowThePostSilentlyBecomesADraft() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		ObjectNode pin = validPin(1);
		pin.remove("scheduledFor");

		Answer created = createPin(sandbox, pin, null);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("post").path("status").asString()).isEqualTo("draft");
		assertThat(sandbox.posts().get(0).status()).isEqualTo("draft");
	}

	static Stream<Arguments> invalidPins() {
		return Stream.of(
				invalid("no platforms", pin -> pin.putArray("platforms"), "At least one platform is required"),
				invalid("other platform", pin -> target(pin).put("platform", "instagram"), "only pinterest"),
				invalid("text-only", pin -> pin.remove("mediaItems"), "text-only"),
				invalid("two media", pin -> ((ArrayNode) pin.get("mediaItems")).add(pin.get("mediaItems").get(0)),
						"exactly one image or video"),
				invalid("document", pin -> media(pin).put("type", "document"), "image or a video"),
				invalid("http media", pin -> media(pin).put("url", "http://images.example.com/a.jpg"), "https"),
				invalid("long title", pin -> data(pin).put("title", "t".repeat(101)), "title is too long"),
				invalid("long description", pin -> pin.put("content", "d".repeat(501)), "description is too long"),
				invalid("long alt text", pin -> media(pin).put("altText", "a".repeat(501)), "alt text is too long"),
				invalid("http link", pin -> data(pin).put("link", "http://blog.example.com/k"), "valid https URL"),
				invalid("shortener", pin -> data(pin).put("link", "https://bit.ly/abc"), "shortened links"),
				invalid("no board", pin -> data(pin).remove("boardId"),
						"Pinterest requires a boardId. Provide platformSpecificData.boardId."),
				invalid("foreign board", pin -> data(pin).put("boardId", GARDEN_BOARD), "was not found"),
				invalid("schedule without zone", pin -> pin.put("scheduledFor", "2026-12-01T14:00:00"),
						"Invalid scheduledFor"),
				invalid("cover on image", pin -> data(pin).put("coverImageUrl", "https://images.example.com/c.jpg"),
						"video pins only"));
	}

	private static Arguments invalid(String name, Consumer<ObjectNode> breakIt, String message) {
		return Arguments.of(name, breakIt, message);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidPins")
	void rejectsInvalidPinsWith400(String name, Consumer<ObjectNode> breakIt, String message) throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		ObjectNode pin = validPin(1);
		breakIt.accept(pin);

		Answer rejected = createPin(sandbox, pin, null);

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.json().path("error").asString()).contains(message);
		assertThat(sandbox.postCount()).isZero();
	}

	@Test
	void acceptsAVideoPinWithACover() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		ObjectNode pin = validPin(1);
		media(pin).put("type", "video").put("url", "https://images.example.com/clip.mp4");
		data(pin).put("coverImageKeyFrameTime", 3);

		assertThat(createPin(sandbox, pin, null).status()).isEqualTo(201);
	}

	@Test
	void rejectsMalformedJsonWith400() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());

		Answer rejected = send(sandbox, "POST", "/v1/posts", "{\"content\":", ZernioSandbox.API_KEY, null);

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.json().path("error").asString()).contains("Invalid JSON");
	}

	@Test
	void refusesDisconnectedAndForeignAccountsWith403() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		ObjectNode archived = validPin(1);
		target(archived).put("accountId", ARCHIVE);
		data(archived).put("boardId", "918273645500000031");
		ObjectNode foreign = validPin(2);
		target(foreign).put("accountId", "65f1a2b3c4d5e6f708091fff");

		Answer disconnected = createPin(sandbox, archived, null);
		Answer notYours = createPin(sandbox, foreign, null);

		assertThat(disconnected.status()).isEqualTo(403);
		assertThat(disconnected.json().path("code").asString()).isEqualTo("ACCOUNT_DISCONNECTED");
		assertThat(notYours.status()).isEqualTo(403);
		assertThat(notYours.json().has("code")).isFalse();
		assertThat(sandbox.postCount()).isZero();
	}

	// ---- idempotency ----

	@Test
	void aRepeatedRequestIdReplaysTheOriginalPostWithin5Minutes() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		String requestId = "6f1c2a8e-0000-4000-8000-000000000002";
		Answer first = createPin(sandbox, validPin(1), requestId);
		clock.add(Duration.ofMinutes(4));

		Answer replay = createPin(sandbox, validPin(2), requestId);

		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.json().path("existingPost").path("_id").asString())
			.isEqualTo(first.json().path("post").path("_id").asString());
		assertThat(sandbox.postCount()).isEqualTo(1);

		clock.add(Duration.ofMinutes(2));
		assertThat(createPin(sandbox, validPin(2), requestId).status()).isEqualTo(201);
	}

	@Test
	void twinRequestsWithOneRequestIdCreateOnePost() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withLatency(Duration.ofMillis(50)));
		String requestId = "6f1c2a8e-0000-4000-8000-000000000008";
		ExecutorService clients = Executors.newFixedThreadPool(2);
		try {
			Future<Answer> one = clients.submit(() -> createPin(sandbox, validPin(1), requestId));
			Future<Answer> two = clients.submit(() -> createPin(sandbox, validPin(1), requestId));

			assertThat(List.of(one.get(10, TimeUnit.SECONDS).status(), two.get(10, TimeUnit.SECONDS).status()))
				.containsExactlyInAnyOrder(201, 200);
			assertThat(sandbox.postCount()).isEqualTo(1);
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void theSameContentForTheSameAccountWithin24HoursIsA409() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		Answer first = createPin(sandbox, validPin(1), "6f1c2a8e-0000-4000-8000-000000000003");
		ObjectNode otherBoard = validPin(1);
		data(otherBoard).put("boardId", "918273645500000002").put("title", "Another title");
		ObjectNode otherAccount = validPin(1);
		target(otherAccount).put("accountId", GARDEN);
		data(otherAccount).put("boardId", GARDEN_BOARD);

		Answer duplicate = createPin(sandbox, otherBoard, "6f1c2a8e-0000-4000-8000-000000000004");

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().path("error").asString()).isEqualTo(
				"This exact content is already scheduled, publishing, or was posted to this account within the last 24 hours.");
		JsonNode details = duplicate.json().path("details");
		assertThat(details.path("existingPostId").asString())
			.isEqualTo(first.json().path("post").path("_id").asString());
		assertThat(details.path("accountId").asString()).isEqualTo(HOME);
		assertThat(details.path("platform").asString()).isEqualTo("pinterest");
		assertThat(createPin(sandbox, otherAccount, null).status()).isEqualTo(201);

		clock.add(Duration.ofHours(24).plusSeconds(1));
		assertThat(createPin(sandbox, validPin(1), null).status()).isEqualTo(201);
	}

	// ---- per-account caps ----

	@Test
	void anAccountPastItsHourlyCapGets429WhileOthersStillPost() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withAccountCaps(2, 3));
		assertThat(createPin(sandbox, immediatePin(1), null).status()).isEqualTo(201);
		assertThat(createPin(sandbox, immediatePin(2), null).status()).isEqualTo(201);

		Answer capped = createPin(sandbox, immediatePin(3), null);
		ObjectNode garden = immediatePin(4);
		target(garden).put("accountId", GARDEN);
		data(garden).put("boardId", GARDEN_BOARD);
		Answer other = createPin(sandbox, garden, null);

		assertThat(capped.status()).isEqualTo(429);
		assertThat(Integer.parseInt(capped.header("X-RateLimit-Remaining"))).isPositive();
		assertThat(capped.header("Retry-After")).isNull();
		assertThat(capped.json().path("details").path("accountId").asString()).isEqualTo(HOME);
		assertThat(capped.json().path("details").path("limit").asString()).isEqualTo("hourly");
		assertThat(capped.json().path("details").path("resetsAt").asString()).isEqualTo("2026-09-01T11:00:00.000Z");
		assertThat(other.status()).isEqualTo(201);

		clock.add(Duration.ofHours(1).plusSeconds(1));
		assertThat(createPin(sandbox, immediatePin(3), null).status()).isEqualTo(201);
		Answer daily = createPin(sandbox, immediatePin(5), null);
		assertThat(daily.status()).isEqualTo(429);
		assertThat(daily.json().path("details").path("limit").asString()).isEqualTo("daily");
	}

	@Test
	void theTwentySixthImmediatePinOfAnAccountGets429() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		for (int n = 1; n <= 25; n++) {
			assertThat(createPin(sandbox, immediatePin(n), null).status()).as("pin %d", n).isEqualTo(201);
		}

		Answer capped = createPin(sandbox, immediatePin(26), null);

		assertThat(capped.status()).isEqualTo(429);
		assertThat(Integer.parseInt(capped.header("X-RateLimit-Remaining"))).isPositive();
		// both caps are full; the daily one is named, as it frees last
		assertThat(capped.json().path("details").path("limit").asString()).isEqualTo("daily");
		assertThat(capped.json().path("details").path("resetsAt").asString()).isEqualTo("2026-09-02T10:00:00.000Z");
	}

	@Test
	void pinsScheduledOverSeveralDaysCountWhenTheyGoLiveNotWhenCreated() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		// 25, 25 and 10 pins on three days, half an hour apart: every rolling hour and 24 hours within the caps
		Instant firstDay = Instant.parse("2026-09-02T08:00:00Z");
		for (int n = 0; n < 60; n++) {
			Instant at = firstDay.plus(Duration.ofDays(n / 25)).plus(Duration.ofMinutes(30L * (n % 25)));
			ObjectNode pin = validPin(n).put("scheduledFor", at.toString());

			assertThat(createPin(sandbox, pin, null).status()).as("pin %d at %s", n, at).isEqualTo(201);
		}
		// yet the day is full: one more pin in it is refused
		Answer extra = createPin(sandbox, validPin(60).put("scheduledFor", "2026-09-03T02:00:00Z"), null);
		assertThat(extra.status()).isEqualTo(429);
		assertThat(extra.json().path("details").path("limit").asString()).isEqualTo("daily");
	}

	@Test
	void theTwentySixthPinScheduledWithinOneHourGets429() throws Exception {
		// a daily cap above the hourly one, so that the hour is what refuses
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withAccountCaps(25, 50));
		Instant hour = Instant.parse("2026-09-05T12:00:00Z");
		for (int n = 1; n <= 25; n++) {
			ObjectNode pin = validPin(n).put("scheduledFor", hour.plus(Duration.ofMinutes(2L * n)).toString());
			assertThat(createPin(sandbox, pin, null).status()).as("pin %d", n).isEqualTo(201);
		}

		Answer capped = createPin(sandbox, validPin(26).put("scheduledFor", "2026-09-05T12:59:00Z"), null);
		Answer nextHour = createPin(sandbox, validPin(27).put("scheduledFor", "2026-09-05T13:02:00Z"), null);
		Answer immediate = createPin(sandbox, immediatePin(28), null);

		assertThat(capped.status()).isEqualTo(429);
		assertThat(capped.json().path("details").path("limit").asString()).isEqualTo("hourly");
		assertThat(capped.json().path("details").path("resetsAt").asString()).isEqualTo("2026-09-05T13:02:00.000Z");
		assertThat(nextHour.status()).isEqualTo(201);
		assertThat(immediate.status()).isEqualTo(201);
	}

	@Test
	void draftsAndQueuedPinsUseNoCap() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withAccountCaps(1, 1));
		assertThat(createPin(sandbox, immediatePin(1), null).status()).isEqualTo(201);

		ObjectNode draft = validPin(2);
		draft.remove("scheduledFor");
		ObjectNode queued = validPin(3);
		queued.remove("scheduledFor");
		queued.put("queuedFromProfile", "65f1a2b3c4d5e6f708091c01");

		assertThat(createPin(sandbox, draft, null).status()).isEqualTo(201);
		assertThat(createPin(sandbox, queued, null).status()).isEqualTo(201);
		assertThat(createPin(sandbox, immediatePin(4), null).status()).isEqualTo(429);
	}

	// ---- injected failures ----

	@Test
	void injectedFailuresAnswerWithoutCreating() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		sandbox.failNextCreates(2, 503);

		Answer first = createPin(sandbox, validPin(1), null);
		Answer second = createPin(sandbox, validPin(1), null);
		Answer third = createPin(sandbox, validPin(1), null);

		assertThat(first.status()).isEqualTo(503);
		assertThat(first.json().path("error").asString()).isNotEmpty();
		assertThat(second.status()).isEqualTo(503);
		assertThat(third.status()).isEqualTo(201);
		assertThat(sandbox.postCount()).isEqualTo(1);
	}

	@Test
	void lookUpsOfPostsFailAsToldWhileCreatesGoOn() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		String postId = createPin(sandbox, validPin(1), null).json().path("post").path("_id").asString();
		sandbox.failNextLookUps(2, 503);

		Answer single = get(sandbox, "/v1/posts/" + postId);
		Answer listing = get(sandbox, "/v1/posts");
		Answer created = createPin(sandbox, validPin(2), null);
		Answer again = get(sandbox, "/v1/posts/" + postId);
		sandbox.failLookUps(1.0);
		Answer down = get(sandbox, "/v1/posts");

		assertThat(single.status()).isEqualTo(503);
		assertThat(listing.status()).isEqualTo(503);
		assertThat(created.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(down.status()).isIn(500, 502, 503);
	}

	@Test
	void aServerErrorRateOfOneFailsEveryCreateWithA5xx() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withServerErrorRate(1.0));

		Answer failed = createPin(sandbox, validPin(1), null);

		assertThat(failed.status()).isIn(500, 502, 503);
		assertThat(sandbox.postCount()).isZero();
	}

	@Test
	void aDroppedAnswerLeavesThePostCreatedAndReplayable() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		sandbox.dropConnectionAfterCreate(1);
		String requestId = "6f1c2a8e-0000-4000-8000-000000000005";

		assertThatThrownBy(() -> createPin(sandbox, validPin(1), requestId)).isInstanceOf(IOException.class);
		assertThat(sandbox.postCount()).isEqualTo(1);
		assertThat(sandbox.requests()).last().extracting(RecordedRequest::status).isEqualTo(0);

		Answer replay = createPin(sandbox, validPin(1), requestId);
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.json().path("existingPost").path("_id").asString()).isEqualTo(sandbox.posts().get(0).id());
	}

	@Test
	void aPinRemovedFromPinterestLaterKeepsItsPostPublishedAndIsMarkedWhenItsRemovalComes() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withPublishDelay(Duration.ZERO));
		sandbox.removePinsAfterPublishing(1.0, Duration.ofHours(2));
		Answer created = createPin(sandbox, immediatePin(1), null);
		String id = created.json().path("post").path("_id").asString();

		Answer live = get(sandbox, "/v1/posts/" + id);
		clock.add(Duration.ofHours(2));
		Answer removed = get(sandbox, "/v1/posts/" + id);

		assertThat(live.json().path("post").path("platforms").path(0).has("removedFromPlatformAt")).isFalse();
		JsonNode target = removed.json().path("post").path("platforms").path(0);
		assertThat(target.path("status").asString()).isEqualTo("published");
		assertThat(target.path("removedFromPlatformAt").asString()).isEqualTo(Json.timestamp(clock.instant()));
		assertThat(removed.json().path("post").path("status").asString()).isEqualTo("published");
	}

	@Test
	void aPinRemovedWithoutDelayIsMarkedInTheAnswerThatPublishesIt() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withPublishDelay(Duration.ZERO));
		sandbox.removePinsAfterPublishing(1.0, Duration.ZERO);

		Answer created = createPin(sandbox, immediatePin(1), null);

		JsonNode target = created.json().path("post").path("platforms").path(0);
		assertThat(target.path("status").asString()).isEqualTo("published");
		assertThat(target.path("removedFromPlatformAt").asString()).isEqualTo(Json.timestamp(clock.instant()));
	}

	@Test
	void aCreateAnsweredWithoutItsPostStillCreatedItAndTheReplayNamesIt() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		sandbox.answerCreatesWithoutPost(1.0);
		String requestId = "6f1c2a8e-0000-4000-8000-000000000006";

		Answer created = createPin(sandbox, validPin(1), requestId);
		Answer replay = createPin(sandbox, validPin(1), requestId);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().has("post")).isFalse();
		assertThat(sandbox.postCount()).isEqualTo(1);
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.json().path("existingPost").path("_id").asString()).isEqualTo(sandbox.posts().get(0).id());
	}

	@Test
	void listenersSeeEachPostBeforeItsAnswerAndConcurrentCreatesAreCounted() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		CountDownLatch allInside = new CountDownLatch(3);
		List<SandboxPost> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
		sandbox.onPostCreated(post -> {
			seen.add(post);
			allInside.countDown();
			try {
				// hold every create open until all three are in progress at once
				allInside.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		ExecutorService clients = Executors.newFixedThreadPool(3);
		try {
			List<Future<Answer>> answers = new ArrayList<>();
			for (int i = 1; i <= 3; i++) {
				ObjectNode pin = validPin(i);
				answers.add(clients.submit(() -> createPin(sandbox, pin, null)));
			}
			for (Future<Answer> answer : answers) {
				assertThat(answer.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
			}
		}
		finally {
			clients.shutdownNow();
		}

		assertThat(seen).hasSize(3);
		assertThat(sandbox.peakConcurrentCreates()).isEqualTo(3);
	}

	// ---- reading posts back ----

	@Test
	void listsAndFindsPostsWithFilters() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		String firstId = createPin(sandbox, validPin(1), null).json().path("post").path("_id").asString();
		clock.add(Duration.ofDays(1));
		ObjectNode garden = validPin(2);
		target(garden).put("accountId", GARDEN);
		data(garden).put("boardId", GARDEN_BOARD);
		createPin(sandbox, garden, null);
		createPin(sandbox, validPin(3), null);

		Answer home = get(sandbox, "/v1/posts?accountId=" + HOME + "&platform=pinterest&sortBy=created-desc&limit=500");
		Answer recent = get(sandbox, "/v1/posts?dateFrom=2026-09-02&sortBy=created-asc");
		Answer paged = get(sandbox, "/v1/posts?page=2&limit=2&sortBy=created-asc");
		Answer one = get(sandbox, "/v1/posts/" + firstId);

		assertThat(home.json().path("posts").findValuesAsString("content")).containsExactly("Modern kitchen ideas 3",
				"Modern kitchen ideas 1");
		assertThat(home.json().path("pagination").path("total").asInt()).isEqualTo(2);
		assertThat(recent.json().path("posts").findValuesAsString("content")).containsExactly(
				"Modern kitchen ideas 2", "Modern kitchen ideas 3");
		assertThat(paged.json().path("posts")).hasSize(1);
		assertThat(paged.json().path("pagination").path("pages").asInt()).isEqualTo(2);
		assertThat(one.json().path("post").path("_id").asString()).isEqualTo(firstId);
		assertThat(get(sandbox, "/v1/posts/65f1a2b3c4d5e6f708091fff").status()).isEqualTo(404);
		assertThat(get(sandbox, "/v1/posts?limit=501").status()).isEqualTo(400);
		assertThat(get(sandbox, "/v1/posts?dateFrom=yesterday").status()).isEqualTo(400);
	}

	@Test
	void aScheduledPinIsPublishedOnceItsTimeHasCome() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		ObjectNode pin = validPin(1).put("scheduledFor", "2026-09-01T12:01:00+02:00");
		String id = createPin(sandbox, pin, null).json().path("post").path("_id").asString();

		JsonNode before = get(sandbox, "/v1/posts/" + id).json().path("post");
		clock.add(Duration.ofMinutes(1));
		JsonNode after = get(sandbox, "/v1/posts/" + id).json().path("post");

		assertThat(before.path("status").asString()).isEqualTo("scheduled");
		assertThat(after.path("status").asString()).isEqualTo("published");
		JsonNode platform = after.path("platforms").get(0);
		assertThat(platform.path("status").asString()).isEqualTo("published");
		assertThat(platform.path("platformPostUrl").asString()).startsWith("https://www.pinterest.com/pin/");
		assertThat(platform.path("publishedAt").asString()).isEqualTo("2026-09-01T10:01:00.000Z");
		assertThat(sandbox.posts().get(0).status()).isEqualTo("published");
	}

	// ---- publishing to Pinterest ----

	private static final List<String> GUIDE_ERRORS = List.of("Invalid URL or request data.",
			"Unable to reach the URL. Please check the URL is correct and try again.", "Pinterest rate limit reached.",
			"Pinterest is temporarily unavailable. Please try again later.");

	@Test
	void withAFailureRateSomePublishesFailWithTheGuidesErrorsAndTheSameSeedFailsTheSameOnes() throws Exception {
		SandboxSettings settings = SandboxSettings.defaults().withPublishFailures(0.5).withAccountCaps(100, 100);
		ZernioSandbox first = start(settings);
		ZernioSandbox second = start(settings);

		List<String> outcomes = new ArrayList<>();
		for (int n = 1; n <= 40; n++) {
			JsonNode post = createPin(first, immediatePin(n), null).json().path("post");
			JsonNode again = createPin(second, immediatePin(n), null).json().path("post");
			assertThat(again.path("status").asString()).isEqualTo(post.path("status").asString());
			assertThat(again.path("platforms").get(0).path("errorMessage"))
				.isEqualTo(post.path("platforms").get(0).path("errorMessage"));
			outcomes.add(post.path("status").asString());
			JsonNode platform = post.path("platforms").get(0);
			if (post.path("status").asString().equals("failed")) {
				assertThat(platform.path("status").asString()).isEqualTo("failed");
				assertThat(platform.path("errorMessage").asString()).isIn(GUIDE_ERRORS);
				assertThat(platform.path("errorCategory").asString()).isIn("user_content", "platform_rate_limit",
						"platform_error");
				assertThat(platform.path("errorSource").asString()).isIn("user", "platform");
				assertThat(platform.has("platformPostUrl")).isFalse();
			}
			else {
				assertThat(platform.path("platformPostUrl").asString()).startsWith("https://www.pinterest.com/pin/");
			}
		}

		assertThat(outcomes).contains("published", "failed").containsOnly("published", "failed");
		assertThat(first.posts()).extracting(SandboxPost::status).containsExactlyElementsOf(outcomes);
	}

	@Test
	void withoutAFailureRateEveryPublishSucceeds() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withAccountCaps(100, 100));

		for (int n = 1; n <= 30; n++) {
			assertThat(createPin(sandbox, immediatePin(n), null).json().path("post").path("status").asString())
				.isEqualTo("published");
		}
	}

	@Test
	void somePublishesComeToTheirOutcomeSecondsAfterTheAnswer() throws Exception {
		ZernioSandbox sandbox = start(
				SandboxSettings.defaults().withPublishDelay(Duration.ofSeconds(4)).withAccountCaps(100, 100));
		List<String> publishing = new ArrayList<>();
		for (int n = 1; n <= 20; n++) {
			Answer created = createPin(sandbox, immediatePin(n), null);
			JsonNode post = created.json().path("post");
			if (post.path("status").asString().equals("publishing")) {
				assertThat(post.path("platforms").get(0).path("status").asString()).isEqualTo("publishing");
				assertThat(created.json().path("message").asString()).contains("in progress");
				publishing.add(post.path("_id").asString());
			}
		}
		assertThat(publishing).isNotEmpty().hasSizeLessThan(20);

		clock.add(Duration.ofSeconds(4));

		for (String id : publishing) {
			JsonNode post = get(sandbox, "/v1/posts/" + id).json().path("post");
			assertThat(post.path("status").asString()).isEqualTo("published");
			assertThat(post.path("platforms").get(0).path("platformPostUrl").asString()).isNotEmpty();
		}
	}

	@Test
	void aRetryRepublishesTheSamePostAndTransientFailuresPassWhilePermanentOnesDoNot() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withPublishFailures(1).withAccountCaps(100, 100));
		int transientPassed = 0;
		int permanentFailedAgain = 0;
		for (int n = 1; n <= 30; n++) {
			JsonNode post = createPin(sandbox, immediatePin(n), null).json().path("post");
			String id = post.path("_id").asString();
			String category = post.path("platforms").get(0).path("errorCategory").asString();
			assertThat(post.path("status").asString()).isEqualTo("failed");
			JsonNode retried = null;
			for (int retry = 1; retry <= 5; retry++) {
				Answer answer = send(sandbox, "POST", "/v1/posts/" + id + "/retry", null, ZernioSandbox.API_KEY, null);
				assertThat(answer.status()).isEqualTo(200);
				retried = answer.json().path("post");
				assertThat(retried.path("_id").asString()).isEqualTo(id);
				if (!retried.path("status").asString().equals("failed")) {
					break;
				}
			}
			if (category.equals("user_content")) {
				assertThat(retried.path("status").asString()).isEqualTo("failed");
				permanentFailedAgain++;
			}
			else if (retried.path("status").asString().equals("published")) {
				transientPassed++;
				Answer again = send(sandbox, "POST", "/v1/posts/" + id + "/retry", null, ZernioSandbox.API_KEY, null);
				assertThat(again.status()).as("only a failed post can be retried").isEqualTo(400);
			}
		}

		assertThat(transientPassed).isPositive();
		assertThat(permanentFailedAgain).isPositive();
		assertThat(sandbox.postCount()).isEqualTo(30);
		assertThat(sandbox.posts()).filteredOn(post -> post.status().equals("published"))
			.allSatisfy(post -> assertThat(post.retries()).isPositive());
		Answer unknown = send(sandbox, "POST", "/v1/posts/65f1a2b3c4d5e6f708091fff/retry", null,
				ZernioSandbox.API_KEY, null);
		assertThat(unknown.status()).isEqualTo(404);
	}

	@Test
	void aRetryWhilePublishingIsA409() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withPublishFailures(1)
			.withPublishDelay(Duration.ofSeconds(4))
			.withAccountCaps(100, 100));
		String publishing = null;
		for (int n = 1; publishing == null && n <= 20; n++) {
			JsonNode post = createPin(sandbox, immediatePin(n), null).json().path("post");
			publishing = post.path("status").asString().equals("publishing") ? post.path("_id").asString() : null;
		}

		Answer retry = send(sandbox, "POST", "/v1/posts/" + publishing + "/retry", null, ZernioSandbox.API_KEY, null);

		assertThat(retry.status()).isEqualTo(409);
	}

	@Test
	void aScheduledPinCanFailWhenItsTimeComes() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withPublishFailures(1));
		String id = createPin(sandbox, validPin(1).put("scheduledFor", "2026-09-01T10:05:00Z"), null).json()
			.path("post")
			.path("_id")
			.asString();

		clock.add(Duration.ofMinutes(5));
		Answer failed = get(sandbox, "/v1/posts?status=failed&accountId=" + HOME + "&dateFrom=2026-09-01T09:00:00Z"
				+ "&dateTo=2026-09-01T11:00:00Z&limit=500");

		assertThat(failed.json().path("posts")).hasSize(1);
		assertThat(failed.json().path("posts").get(0).path("_id").asString()).isEqualTo(id);
		assertThat(failed.json().path("posts").get(0).path("platforms").get(0).path("errorMessage").asString())
			.isIn(GUIDE_ERRORS);
	}

	// ---- changing a post that waits (what a user does in Zernio) ----

	@Test
	void aScheduledPinMovedToAnotherTimePublishesThenAndCountsAgainstItsAccountThen() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withAccountCaps(1, 25));
		String id = createPin(sandbox, validPin(1).put("scheduledFor", "2026-09-01T10:05:00Z"), null).json()
			.path("post")
			.path("_id")
			.asString();

		Answer moved = send(sandbox, "PUT", "/v1/posts/" + id, "{\"scheduledFor\":\"2026-09-01T14:00:00+02:00\"}",
				ZernioSandbox.API_KEY, null);
		clock.add(Duration.ofMinutes(5));
		String atTheOldTime = get(sandbox, "/v1/posts/" + id).json().path("post").path("status").asString();
		Answer inTheFreedHour = createPin(sandbox, validPin(2).put("scheduledFor", "2026-09-01T10:30:00Z"), null);
		Answer inTheNewHour = createPin(sandbox, validPin(3).put("scheduledFor", "2026-09-01T12:30:00Z"), null);
		clock.add(Duration.ofHours(2));

		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.json().path("post").path("scheduledFor").asString()).isEqualTo("2026-09-01T12:00:00.000Z");
		assertThat(atTheOldTime).isEqualTo("scheduled");
		assertThat(inTheFreedHour.status()).isEqualTo(201);
		assertThat(inTheNewHour.status()).isEqualTo(429);
		JsonNode published = get(sandbox, "/v1/posts/" + id).json().path("post");
		assertThat(published.path("status").asString()).isEqualTo("published");
		assertThat(published.path("platforms").get(0).path("publishedAt").asString())
			.isEqualTo("2026-09-01T12:00:00.000Z");
	}

	@Test
	void aDeletedPinIsGoneAndNoLongerHoldsItsContentOrItsSlot() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults().withAccountCaps(1, 25));
		String id = createPin(sandbox, validPin(1), null).json().path("post").path("_id").asString();

		Answer deleted = send(sandbox, "DELETE", "/v1/posts/" + id, null, ZernioSandbox.API_KEY, null);
		Answer lookedUp = get(sandbox, "/v1/posts/" + id);
		Answer deletedAgain = send(sandbox, "DELETE", "/v1/posts/" + id, null, ZernioSandbox.API_KEY, null);
		Answer sameContentAgain = createPin(sandbox, validPin(1), null);

		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.json().path("message").asString()).isEqualTo("Post deleted successfully");
		assertThat(lookedUp.status()).isEqualTo(404);
		assertThat(deletedAgain.status()).isEqualTo(404);
		assertThat(sameContentAgain.status()).isEqualTo(201);
		assertThat(sandbox.posts()).extracting(SandboxPost::id)
			.containsExactly(sameContentAgain.json().path("post").path("_id").asString());
	}

	@Test
	void onlyAPostThatWaitsCanBeMovedOrDeletedAndOnlyItsTimeChanged() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		String published = createPin(sandbox, immediatePin(1), null).json().path("post").path("_id").asString();
		String scheduled = createPin(sandbox, validPin(2), null).json().path("post").path("_id").asString();

		Answer deletePublished = send(sandbox, "DELETE", "/v1/posts/" + published, null, ZernioSandbox.API_KEY, null);
		Answer movePublished = send(sandbox, "PUT", "/v1/posts/" + published,
				"{\"scheduledFor\":\"2026-12-02T14:00:00Z\"}", ZernioSandbox.API_KEY, null);
		Answer intoThePast = send(sandbox, "PUT", "/v1/posts/" + scheduled,
				"{\"scheduledFor\":\"2026-08-31T14:00:00Z\"}", ZernioSandbox.API_KEY, null);
		Answer editedText = send(sandbox, "PUT", "/v1/posts/" + scheduled, "{\"content\":\"Other words\"}",
				ZernioSandbox.API_KEY, null);
		Answer badId = send(sandbox, "DELETE", "/v1/posts/not-an-id", null, ZernioSandbox.API_KEY, null);

		assertThat(deletePublished.status()).isEqualTo(400);
		assertThat(deletePublished.json().path("error").asString()).contains("this post is published");
		assertThat(movePublished.status()).isEqualTo(400);
		assertThat(intoThePast.status()).isEqualTo(400);
		assertThat(editedText.status()).isEqualTo(400);
		assertThat(editedText.json().path("error").asString()).contains("only scheduledFor").contains("content");
		assertThat(badId.status()).isEqualTo(400);
		assertThat(sandbox.posts()).hasSize(2);
		assertThat(get(sandbox, "/v1/posts/" + scheduled).json().path("post").path("scheduledFor").asString())
			.isEqualTo("2026-12-01T14:00:00.000Z");
	}

	@Test
	void aPublishedPostUnpublishedIsCancelledWithItsTargetAndOnlyAPublishedOneCanBe() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		String published = createPin(sandbox, immediatePin(1), null).json().path("post").path("_id").asString();
		String scheduled = createPin(sandbox, validPin(2), null).json().path("post").path("_id").asString();

		Answer unpublished = send(sandbox, "POST", "/v1/posts/" + published + "/unpublish",
				"{\"platform\":\"pinterest\"}", ZernioSandbox.API_KEY, null);
		Answer lookedUp = get(sandbox, "/v1/posts/" + published);
		Answer unpublishScheduled = send(sandbox, "POST", "/v1/posts/" + scheduled + "/unpublish",
				"{\"platform\":\"pinterest\"}", ZernioSandbox.API_KEY, null);

		assertThat(unpublished.status()).isEqualTo(200);
		assertThat(lookedUp.json().path("post").path("status").asString()).isEqualTo("cancelled");
		assertThat(lookedUp.json().path("post").path("platforms").path(0).path("status").asString())
			.isEqualTo("cancelled");
		assertThat(unpublishScheduled.status()).isEqualTo(400);
		assertThat(unpublishScheduled.json().path("error").asString()).contains("this post is scheduled");
	}

	@Test
	void answersUnknownPathsWith404AndWrongMethodsWith405() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());

		Answer unknown = get(sandbox, "/v1/unknown");
		Answer wrongMethod = send(sandbox, "DELETE", "/v1/accounts", null, ZernioSandbox.API_KEY, null);

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("error").asString()).isEqualTo("Not found");
		assertThat(wrongMethod.status()).isEqualTo(405);
	}

	// ---- media ----

	@Test
	void presignsAnUploadAndAcceptsThePut() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		ObjectNode request = Json.object().put("filename", "kitchen photo.jpg").put("contentType", "image/jpeg");

		Answer presigned = send(sandbox, "POST", "/v1/media/presign", request.toString(), ZernioSandbox.API_KEY, null);
		String uploadUrl = presigned.json().path("uploadUrl").asString();
		String key = presigned.json().path("key").asString();
		HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(uploadUrl))
			.header("Content-Type", "image/jpeg")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1234]))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> wrongType = HTTP.send(HttpRequest.newBuilder(URI.create(uploadUrl))
			.header("Content-Type", "image/png")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[10]))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(presigned.status()).isEqualTo(200);
		assertThat(key).startsWith("temp/").endsWith("_kitchen_photo.jpg");
		assertThat(uploadUrl).startsWith(sandbox.baseUrl() + "/");
		assertThat(presigned.json().path("publicUrl").asString()).startsWith("https://").endsWith(key);
		assertThat(presigned.json().path("expiresIn").asInt()).isEqualTo(3600);
		assertThat(put.statusCode()).isEqualTo(200);
		assertThat(wrongType.statusCode()).isEqualTo(403);
		assertThat(sandbox.uploads()).containsEntry(key, new SandboxUpload(key, "image/jpeg", 1234));
	}

	@Test
	void anUploadTheStorageFailsKeepsNothingAndTheSameUrlTakesItAfterwards() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());
		ObjectNode request = Json.object().put("filename", "lamp.jpg").put("contentType", "image/jpeg");
		Answer presigned = send(sandbox, "POST", "/v1/media/presign", request.toString(), ZernioSandbox.API_KEY, null);
		HttpRequest put = HttpRequest.newBuilder(URI.create(presigned.json().path("uploadUrl").asString()))
			.header("Content-Type", "image/jpeg")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[100]))
			.build();
		sandbox.failNextUploads(1, 503);

		HttpResponse<String> failed = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(sandbox.uploads()).isEmpty();
		HttpResponse<String> again = HTTP.send(put, HttpResponse.BodyHandlers.ofString());

		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(sandbox.uploads()).hasSize(1);
	}

	@Test
	void refusesPresignWithoutFilenameOrWithAnUnsupportedType() throws Exception {
		ZernioSandbox sandbox = start(SandboxSettings.defaults());

		Answer noName = send(sandbox, "POST", "/v1/media/presign", "{\"contentType\":\"image/png\"}",
				ZernioSandbox.API_KEY, null);
		Answer badType = send(sandbox, "POST", "/v1/media/presign",
				"{\"filename\":\"a.bmp\",\"contentType\":\"image/bmp\"}", ZernioSandbox.API_KEY, null);

		assertThat(noName.status()).isEqualTo(400);
		assertThat(badType.status()).isEqualTo(400);
	}

	// ---- restart ----

	@Test
	void aStateFileCarriesPostsAndDuplicateMemoryAcrossRestarts() throws Exception {
		Path state = dir.resolve("sandbox/state.jsonl");
		SandboxSettings settings = SandboxSettings.defaults().withStateFile(state);
		String requestId = "6f1c2a8e-0000-4000-8000-000000000006";
		ZernioSandbox before = start(settings);
		String id = createPin(before, validPin(1), requestId).json().path("post").path("_id").asString();
		before.close();
		// a kill during a write leaves a torn last line; the next start must shrug it off
		Files.writeString(state, "{\"post\":{\"_id\":", java.nio.file.StandardOpenOption.APPEND);

		ZernioSandbox after = start(settings);
		Answer replay = createPin(after, validPin(1), requestId);
		Answer duplicate = createPin(after, validPin(1), "6f1c2a8e-0000-4000-8000-000000000007");
		Answer fresh = createPin(after, validPin(2), null);
		after.close();
		ZernioSandbox third = start(settings);

		assertThat(after.posts()).extracting(SandboxPost::id).startsWith(id);
		assertThat(after.posts().get(0).metadata()).containsEntry("rowKey", "row-1");
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.json().path("existingPost").path("_id").asString()).isEqualTo(id);
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().path("details").path("existingPostId").asString()).isEqualTo(id);
		assertThat(fresh.status()).isEqualTo(201);
		assertThat(third.postCount()).isEqualTo(2);
	}

	@Test
	void aStateFileRemembersRetriesSoARestartedSandboxShowsThePostAsItWas() throws Exception {
		SandboxSettings settings = SandboxSettings.defaults().withPublishFailures(1).withAccountCaps(100, 100)
			.withStateFile(dir.resolve("sandbox/state.jsonl"));
		ZernioSandbox before = start(settings);
		for (int n = 1; n <= 30; n++) {
			String id = createPin(before, immediatePin(n), null).json().path("post").path("_id").asString();
			send(before, "POST", "/v1/posts/" + id + "/retry", null, ZernioSandbox.API_KEY, null);
		}
		List<SandboxPost> was = before.posts();
		before.close();

		ZernioSandbox after = start(settings);

		assertThat(was).anyMatch(post -> post.status().equals("published"));
		assertThat(after.posts()).extracting(SandboxPost::id, SandboxPost::status, SandboxPost::retries,
				SandboxPost::pinUrl)
			.containsExactlyElementsOf(was.stream()
				.map(post -> tuple(post.id(), post.status(), post.retries(), post.pinUrl()))
				.toList());
	}

	@Test
	void scheduledPinsKeepUsingTheirSlotsAfterARestart() throws Exception {
		SandboxSettings settings = SandboxSettings.defaults().withAccountCaps(2, 25)
			.withStateFile(dir.resolve("sandbox/state.jsonl"));
		ZernioSandbox before = start(settings);
		assertThat(createPin(before, validPin(1), null).status()).isEqualTo(201);
		assertThat(createPin(before, validPin(2).put("scheduledFor", "2026-12-01T14:30:00Z"), null).status())
			.isEqualTo(201);
		before.close();

		ZernioSandbox after = start(settings);

		assertThat(createPin(after, validPin(3).put("scheduledFor", "2026-12-01T14:50:00Z"), null).status())
			.isEqualTo(429);
		assertThat(createPin(after, validPin(4).put("scheduledFor", "2026-12-01T16:00:00Z"), null).status())
			.isEqualTo(201);
	}

	@Test
	void aStateFileRemembersPostsMovedAndDeleted() throws Exception {
		SandboxSettings settings = SandboxSettings.defaults().withStateFile(dir.resolve("sandbox/state.jsonl"));
		ZernioSandbox before = start(settings);
		String moved = createPin(before, validPin(1), null).json().path("post").path("_id").asString();
		String deleted = createPin(before, validPin(2), null).json().path("post").path("_id").asString();
		send(before, "PUT", "/v1/posts/" + moved, "{\"scheduledFor\":\"2026-12-03T09:00:00Z\"}", ZernioSandbox.API_KEY,
				null);
		send(before, "DELETE", "/v1/posts/" + deleted, null, ZernioSandbox.API_KEY, null);
		before.close();

		ZernioSandbox after = start(settings);

		assertThat(after.posts()).extracting(SandboxPost::id).containsExactly(moved);
		assertThat(get(after, "/v1/posts/" + moved).json().path("post").path("scheduledFor").asString())
			.isEqualTo("2026-12-03T09:00:00.000Z");
		assertThat(createPin(after, validPin(2), null).status()).isEqualTo(201);
	}

	@Test
	void aLineAddedToTheStateFileByHandDeletesOrMovesAPostAsAUserWouldInZernio() throws Exception {
		Path state = dir.resolve("sandbox/state.jsonl");
		SandboxSettings settings = SandboxSettings.defaults().withStateFile(state);
		ZernioSandbox before = start(settings);
		String moved = createPin(before, validPin(1), null).json().path("post").path("_id").asString();
		String deleted = createPin(before, validPin(2), null).json().path("post").path("_id").asString();
		before.close();
		Files.writeString(state, "{\"rescheduled\":\"" + moved + "\",\"scheduledFor\":\"2026-12-03T09:00:00Z\"}\n"
				+ "{\"deleted\":\"" + deleted + "\"}\n", java.nio.file.StandardOpenOption.APPEND);

		ZernioSandbox after = start(settings);

		assertThat(after.posts()).extracting(SandboxPost::id).containsExactly(moved);
		assertThat(get(after, "/v1/posts/" + moved).json().path("post").path("scheduledFor").asString())
			.isEqualTo("2026-12-03T09:00:00.000Z");
	}

	// ---- helpers ----

	private ZernioSandbox start(SandboxSettings settings) {
		ZernioSandbox sandbox = ZernioSandbox.start(settings, clock);
		started.add(sandbox);
		return sandbox;
	}

	private Answer get(ZernioSandbox sandbox, String path) throws IOException, InterruptedException {
		return send(sandbox, "GET", path, null, ZernioSandbox.API_KEY, null);
	}

	private Answer createPin(ZernioSandbox sandbox, ObjectNode pin, String requestId)
			throws IOException, InterruptedException {
		return send(sandbox, "POST", "/v1/posts", pin.toString(), ZernioSandbox.API_KEY, requestId);
	}

	private Answer send(ZernioSandbox sandbox, String method, String path, String body, String key, String requestId)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		if (requestId != null) {
			request.header("x-request-id", requestId);
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode json = response.body().isEmpty() ? Json.object() : Json.MAPPER.readTree(response.body());
		return new Answer(response.statusCode(), json, response.headers());
	}

	private static ObjectNode validPin(int n) {
		ObjectNode pin = Json.object().put("content", "Modern kitchen ideas " + n);
		pin.putArray("mediaItems")
			.addObject()
			.put("type", "image")
			.put("url", "https://images.example.com/kitchen-" + n + ".jpg")
			.put("altText", "A bright kitchen");
		pin.putArray("platforms")
			.addObject()
			.put("platform", "pinterest")
			.put("accountId", HOME)
			.putObject("platformSpecificData")
			.put("title", "Kitchen " + n)
			.put("boardId", KITCHEN_BOARD)
			.put("link", "https://blog.example.com/kitchen-" + n);
		pin.put("scheduledFor", "2026-12-01T14:00:00Z");
		pin.put("timezone", "UTC");
		pin.putObject("metadata").put("jobRunId", "run-1").put("rowKey", "row-" + n);
		return pin;
	}

	private static ObjectNode immediatePin(int n) {
		ObjectNode pin = validPin(n);
		pin.remove("scheduledFor");
		return pin.put("publishNow", true);
	}

	private static ObjectNode target(ObjectNode pin) {
		return (ObjectNode) pin.get("platforms").get(0);
	}

	private static ObjectNode data(ObjectNode pin) {
		return (ObjectNode) target(pin).get("platformSpecificData");
	}

	private static ObjectNode media(ObjectNode pin) {
		return (ObjectNode) pin.get("mediaItems").get(0);
	}
}

package com.pinbatch.zernio;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.pinbatch.net.PublicAddresses;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Zernio calls the job makes, over one shared JDK HTTP client. Thread-safe.
 * <p>
 * {@link #createPost} makes exactly one attempt and reports every outcome as a {@link SendResult}: retrying and
 * pacing belong to the caller. The other calls either return what was asked for or throw a
 * {@link ZernioApiException} whose one-line message is fit for the user; they go through the client's
 * {@link RequestGate} (see {@link #pacedBy}), which paces them with the creates and may have a 429 sent again. The
 * API key only ever travels in the Authorization header; it is never part of a message.
 */
public class ZernioClient {

	/** Slowest upload speed we still wait for before calling an upload stuck (bytes per second). */
	private static final long MIN_UPLOAD_BYTES_PER_SECOND = 512 * 1024;

	/** The largest page {@code GET /v1/posts} allows; more is a 400, not a clamp. */
	private static final int POSTS_PAGE_SIZE = 500;

	/** The proxy's answer when it wants (other) credentials; the request never went further. */
	private static final int PROXY_AUTHENTICATION_REQUIRED = 407;

	/** Stops a server that ignores {@code page} from keeping us paging forever. */
	private static final int MAX_POST_PAGES = 1000;

	private final ZernioClientSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http;

	private final WholeAnswers answers;

	private final String apiRoot;

	private final String zernioHost;

	/** The proxy the API's calls go through, if any: decided once, as the API's host does not change. */
	private final Optional<HttpProxy> apiProxy;

	/** " through the proxy ..." when API calls go through one, for messages; else empty. */
	private final String throughProxy;

	/** The {@code Proxy-Authorization} header every API call carries, if its proxy wants credentials. */
	private final Optional<String> apiProxyCredentials;

	private final RequestGate gate;

	public ZernioClient(ZernioClientSettings settings, JsonMapper json) {
		this(settings, json, Clock.systemUTC());
	}

	/** With a clock, so an HTTP-date Retry-After can be tested. */
	ZernioClient(ZernioClientSettings settings, JsonMapper json, Clock clock) {
		this(settings, json, clock, httpClient(settings), RequestGate.OPEN);
	}

	private static HttpClient httpClient(ZernioClientSettings settings) {
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER);
		HttpProxy proxy = settings.proxy();
		if (proxy != null) {
			builder.proxy(proxy.selector());
		}
		return builder.build();
	}

	private ZernioClient(ZernioClientSettings settings, JsonMapper json, Clock clock, HttpClient http,
			RequestGate gate) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.json = Objects.requireNonNull(json, "json");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.http = http;
		this.answers = new WholeAnswers(http, settings.requestTimeout());
		this.gate = Objects.requireNonNull(gate, "gate");
		String base = settings.baseUrl().toString();
		this.apiRoot = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.zernioHost = hostOf(settings.baseUrl());
		this.apiProxy = proxyTo(settings.baseUrl().getHost());
		this.throughProxy = via(settings.baseUrl().getHost());
		this.apiProxyCredentials = apiProxy.flatMap(HttpProxy::authorization);
	}

	/**
	 * The same client (same connections), whose calls other than {@link #createPost} go through {@code gate}: the
	 * sender's pace, so look-ups and creates share the key's request window without overfilling it.
	 */
	public ZernioClient pacedBy(RequestGate gate) {
		return new ZernioClient(settings, json, clock, http, gate);
	}

	/** The proxy of pinbatch's own that calls to the API go through, if any. */
	public Optional<HttpProxy> apiProxy() {
		return apiProxy;
	}

	/** The proxy of pinbatch's own that requests to {@code host} go through: none for a host it bypasses. */
	private Optional<HttpProxy> proxyTo(String host) {
		HttpProxy proxy = settings.proxy();
		return proxy == null || proxy.bypasses(host) ? Optional.empty() : Optional.of(proxy);
	}

	/**
	 * One attempt of {@code POST /v1/posts}. Never throws for an answer or a network failure.
	 *
	 * @param requestId the row attempt's x-request-id; Zernio replays the original post for a repeat
	 */
	public SendResult createPost(CreatePostRequest request, String requestId) {
		HttpRequest httpRequest = zernioRequest("/v1/posts")
			.header("Content-Type", "application/json")
			.header("x-request-id", requestId)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request), StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<String> response = answers.send(httpRequest);
			if (response.statusCode() == PROXY_AUTHENTICATION_REQUIRED) {
				return new SendResult.AccessRefused(proxyProblem());
			}
			return CreatePostAnswers.classify(ZernioAnswer.read(response, json, clock.instant()), json);
		}
		catch (HttpTimeoutException timeout) {
			return new SendResult.NoAnswer(true, "no answer from Zernio at " + zernioHost + throughProxy + " within "
					+ seconds(settings.requestTimeout()) + "; the pin may or may not have been created");
		}
		catch (IOException failure) {
			return new SendResult.NoAnswer(false, "connection to Zernio at " + zernioHost + throughProxy + " failed ("
					+ describe(failure) + "); the pin may or may not have been created");
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return new SendResult.NoAnswer(false, "interrupted while waiting for Zernio; the pin may or may not "
					+ "have been created");
		}
	}

	/** Every Pinterest account the key can see, usable or not. */
	public List<Account> listPinterestAccounts() {
		ZernioPayloads.AccountList list = get("/v1/accounts?platform=pinterest", ZernioPayloads.AccountList.class);
		if (list.accounts() == null) {
			return List.of();
		}
		return list.accounts()
			.stream()
			.filter(ZernioPayloads.SocialAccount::pinterest)
			.map(ZernioPayloads.SocialAccount::toAccount)
			.toList();
	}

	public List<Board> listBoards(String accountId) {
		ZernioPayloads.BoardList list = get("/v1/accounts/" + pathSegment(accountId) + "/pinterest-boards",
				ZernioPayloads.BoardList.class);
		if (list.boards() == null) {
			return List.of();
		}
		return list.boards().stream().map(board -> new Board(board.id(), board.name())).toList();
	}

	/**
	 * Finds the post an earlier attempt of {@code request} may have created, for rows whose send is older than
	 * Zernio's idempotency windows (a restart days later, a --retry-failed): by the metadata the request carries, or,
	 * where no listed post has it (the listing left it out, or it was edited), by what Zernio fingerprints and the
	 * publish time. Newest first, every page.
	 */
	public Optional<EarlierPost> findEarlierPost(String accountId, Instant createdSince, CreatePostRequest request) {
		String query = "/v1/posts?accountId=" + queryValue(accountId) + "&platform=pinterest&sortBy=created-desc"
				+ "&dateFrom=" + queryValue(createdSince.truncatedTo(ChronoUnit.SECONDS).toString()) + "&limit="
				+ POSTS_PAGE_SIZE;
		EarlierPost alike = null;
		for (int page = 1; page <= MAX_POST_PAGES; page++) {
			ZernioPayloads.PostList list = get(query + "&page=" + page, ZernioPayloads.PostList.class);
			List<ZernioPayloads.PostEntry> posts = list.posts() == null ? List.of() : list.posts();
			for (ZernioPayloads.PostEntry post : posts) {
				if (post.id() == null) {
					continue;
				}
				if (EarlierPostMatch.byMetadata(post, request.metadata())) {
					return Optional.of(new EarlierPost(post.id(), true));
				}
				if (alike == null && EarlierPostMatch.byFingerprint(post, accountId, request)) {
					alike = new EarlierPost(post.id(), false);
				}
			}
			if (posts.isEmpty() || isLastPage(list.pagination(), page, posts.size())) {
				break;
			}
		}
		return Optional.ofNullable(alike);
	}

	/**
	 * The post's state when its metadata {@code key} holds one of {@code values} ({@code GET /v1/posts/{id}}): whether
	 * a failed post is still the row's as it is now. Empty when it does not, or when Zernio does not know the post
	 * (404, or an id it calls invalid).
	 */
	public Optional<PostState> postCarryingAny(String postId, String key, Collection<String> values) {
		return firstCarried(postId, values.stream().map(value -> Map.of(key, value)).toList())
			.map(CarriedMetadata::state);
	}

	/**
	 * Which of these metadata sets the post carries, the first in their order, with its state (one
	 * {@code GET /v1/posts/{id}} for them all). Empty when it carries none, or when Zernio does not know the post.
	 */
	public Optional<CarriedMetadata> firstCarried(String postId, List<Map<String, String>> alternatives) {
		try {
			ZernioPayloads.PostAnswer answer = get("/v1/posts/" + pathSegment(postId), ZernioPayloads.PostAnswer.class);
			for (int which = 0; answer.post() != null && which < alternatives.size(); which++) {
				if (answer.post().carries(alternatives.get(which))) {
					return Optional.of(new CarriedMetadata(which, answer.post().toState()));
				}
			}
			return Optional.empty();
		}
		catch (ZernioApiException failure) {
			if (failure.status() == 400 || failure.status() == 404) {
				return Optional.empty();
			}
			throw failure;
		}
	}

	/** @param which the index of the metadata set the post carries, among those asked about */
	public record CarriedMetadata(int which, PostState state) {
	}

	/**
	 * A post's status and, while it waits to be published, when ({@code GET /v1/posts/{id}}): whether a pin someone
	 * moved in Zernio now stands where a row puts it, or is gone. Empty when Zernio does not have the post;
	 * {@link PostSchedule#UNKNOWN} when it cannot be asked now (the post counts as standing, at no row's time).
	 */
	public Optional<PostSchedule> schedule(String postId) {
		try {
			ZernioPayloads.PostEntry post = get("/v1/posts/" + pathSegment(postId), ZernioPayloads.PostAnswer.class)
				.post();
			if (post == null) {
				return Optional.empty();
			}
			// read by the same rule as the following of pins, where a cancelled post has failed too
			PostState state = post.toState();
			return Optional.of(new PostSchedule(state.phase() == PostState.Phase.FAILED, state.scheduledFor()));
		}
		catch (AccessRefusedException rejected) {
			throw rejected;
		}
		catch (ZernioApiException failure) {
			if (failure.status() == 400 || failure.status() == 404) {
				return Optional.empty();
			}
			return Optional.of(PostSchedule.UNKNOWN);
		}
	}

	/**
	 * The wanted posts among the Pinterest posts of an account created within the given time, oldest first, page by
	 * page until every wanted post is found or the pages end: how a run learns what became of many posts with few
	 * requests. Only the wanted posts are kept, and a page holds no more posts than asked for: an account's other
	 * posts, or a server that answers far more, cost no memory.
	 *
	 * @param accountId   the account, or null for every account the key can see
	 * @param maxRequests the pages it may ask for at most (the caller's budget of requests)
	 */
	public PostListing listPosts(String accountId, Instant createdFrom, Instant createdTo, Set<String> wanted,
			int maxRequests) {
		String query = "/v1/posts?platform=pinterest&sortBy=created-asc&limit=" + POSTS_PAGE_SIZE + "&dateFrom="
				+ queryValue(createdFrom.truncatedTo(ChronoUnit.SECONDS).toString()) + "&dateTo="
				+ queryValue(createdTo.truncatedTo(ChronoUnit.SECONDS).toString())
				+ (accountId == null ? "" : "&accountId=" + queryValue(accountId));
		Map<String, PostState> found = new LinkedHashMap<>();
		int requests = 0;
		int pages = Math.min(MAX_POST_PAGES, maxRequests);
		for (int page = 1; page <= pages && found.size() < wanted.size(); page++) {
			ZernioPayloads.PostList list = get(query + "&page=" + page, ZernioPayloads.PostList.class);
			requests++;
			List<ZernioPayloads.PostEntry> posts = list.posts() == null ? List.of() : list.posts();
			posts.stream()
				.limit(POSTS_PAGE_SIZE)
				.filter(post -> post.id() != null && wanted.contains(post.id()))
				.forEach(post -> found.putIfAbsent(post.id(), post.toState()));
			if (posts.isEmpty() || isLastPage(list.pagination(), page, posts.size())) {
				break;
			}
		}
		return new PostListing(List.copyOf(found.values()), requests);
	}

	/** {@code GET /v1/posts/{id}}: one post's state. A post Zernio no longer has is a 404 ZernioApiException. */
	public PostState getPost(String postId) {
		ZernioPayloads.PostAnswer answer = get("/v1/posts/" + pathSegment(postId), ZernioPayloads.PostAnswer.class);
		return answer.post() == null ? PostState.unknown(postId) : answer.post().toState();
	}

	/**
	 * {@code POST /v1/posts/{id}/retry}: Zernio publishes the same failed post again (never a new post).
	 *
	 * @return the post's state after the retry started; {@link PostState#unknown} when Zernio says it is publishing
	 *         already (409) or is no longer failed (400): ask again later; {@link PostState#missing} when Zernio no
	 *         longer has it (404)
	 * @throws RetryRefusedException when Zernio refuses to publish it again (the account's posting limit, a failed
	 *                               payment, a key that may not publish, ...): a refusal of this post, not of the run
	 */
	public PostState retryPost(String postId) {
		HttpRequest request = zernioRequest("/v1/posts/" + pathSegment(postId) + "/retry")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		ZernioAnswer answer = gated(request, true);
		stopIfKeyRefused(answer);
		if (answer.status() == 409 || answer.status() == 400) {
			return PostState.unknown(postId);
		}
		if (answer.status() == 404) {
			return PostState.missing(postId);
		}
		if (answer.status() >= 400 && answer.status() < 500) {
			throw new RetryRefusedException(answer.status(), answer.errorMessage(), answer.accountLimited(),
					CreatePostAnswers.accountLimit(answer.body()).resetsAt());
		}
		if (!answer.success()) {
			throw new ZernioApiException(answer.status(), "Zernio answered POST /v1/posts/{id}/retry with HTTP "
					+ answer.status() + ": " + answer.errorMessage());
		}
		PostState state = CreatePostAnswers.state(answer.body().path("post"), postId, json);
		return state.postId() == null ? PostState.unknown(postId) : state;
	}

	/** Asks for an upload slot; the bytes then go to {@link #upload}, the public URL into the pin. */
	public PresignedUpload presign(String filename, String contentType, long size) {
		HttpRequest request = zernioRequest("/v1/media/presign")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					json.writeValueAsString(new ZernioPayloads.PresignRequest(filename, contentType, size)),
					StandardCharsets.UTF_8))
			.build();
		ZernioPayloads.PresignAnswer answer = call(request, "POST /v1/media/presign",
				ZernioPayloads.PresignAnswer.class);
		if (answer.uploadUrl() == null || answer.publicUrl() == null) {
			throw new ZernioApiException(200, "Zernio answered POST /v1/media/presign without an upload URL");
		}
		return new PresignedUpload(answer.uploadUrl(), answer.publicUrl(), answer.key());
	}

	/**
	 * PUTs a file's bytes to a presigned URL. The URL carries its own signature, so no Authorization header. A
	 * storage answering 5xx, 408 or 429, or not reachable, is asked again after the same waits as Zernio's failures
	 * (storages have their bad moments, and one of them stopped the whole run). The bytes are read from a file the
	 * caller opened (and checked): what is sent is that very file, whatever is put at its name since; each try reads
	 * it from its start.
	 *
	 * @param name the file's name, for messages
	 */
	public void upload(PresignedUpload target, FileChannel content, String name, String contentType)
			throws IOException {
		URI uploadUri = uploadAddress(target.uploadUrl());
		if (uploadUri == null) {
			throw new ZernioApiException(200, "Zernio's upload URL for " + name
					+ " is not a public https address of its storage, so the file was not sent there; run again later,"
					+ " and if it persists, tell Zernio's support");
		}
		String where = "upload of " + name + " to " + hostOf(uploadUri) + via(uploadUri.getHost());
		long size = content.size();
		HttpRequest request = withProxyCredentials(HttpRequest.newBuilder(uploadUri)
			.timeout(uploadTimeout(size))
			.header("Content-Type", contentType)
			.PUT(HttpRequest.BodyPublishers.fromPublisher(
					HttpRequest.BodyPublishers.ofInputStream(() -> ChannelInput.fromStart(content)), size)),
				proxyTo(uploadUri.getHost()).flatMap(HttpProxy::authorization))
			.build();
		try {
			for (int attempts = 1;; attempts++) {
				HttpResponse<String> response = sendOrWait(request, where, attempts);
				if (response == null) {
					continue;
				}
				int status = response.statusCode();
				if (status >= 200 && status < 300) {
					return;
				}
				boolean passing = status >= 500 || status == 408 || status == 429;
				if (!passing || !gate.retryAfterFailure(null, attempts)) {
					// the storage answers in its own (XML) format; the status says enough
					throw new ZernioApiException(status, where + " failed: HTTP " + status
							+ (status == 403 ? " (the upload URL may have expired)" : "")
							+ (attempts > 1 ? " (" + attempts + " tries)" : ""));
				}
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new ZernioApiException("interrupted while waiting for " + where, interrupted);
		}
	}

	/**
	 * The upload URL of a presign answer, when it is one to send a file to: https on a public host, or the API's own
	 * host (plain http there when the API is plain http too: the sandbox, or a simulator whose storage has a port of
	 * its own). An answer is not trusted to send the user's files anywhere it names (a plain-http or internal
	 * address, 169.254.169.254); null otherwise.
	 */
	private URI uploadAddress(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException | NullPointerException malformed) {
			return null;
		}
		if (uri.getHost() == null) {
			return null;
		}
		URI api = URI.create(apiRoot);
		boolean apisHost = uri.getHost().equalsIgnoreCase(api.getHost());
		if ("https".equalsIgnoreCase(uri.getScheme())) {
			// a name this machine cannot resolve is left to the proxy (a network whose DNS knows no outside names)
			return apisHost || !PublicAddresses.knownPrivate(uri.getHost()) ? uri : null;
		}
		boolean apisOwn = "http".equalsIgnoreCase(uri.getScheme()) && "http".equalsIgnoreCase(api.getScheme())
				&& apisHost;
		return apisOwn ? uri : null;
	}

	private <T> T get(String pathAndQuery, Class<T> type) {
		HttpRequest request = zernioRequest(pathAndQuery).GET().build();
		int queryStart = pathAndQuery.indexOf('?');
		String path = queryStart < 0 ? pathAndQuery : pathAndQuery.substring(0, queryStart);
		return call(request, "GET " + path, type);
	}

	/** Sends a Zernio call that must succeed; anything else becomes a one-line {@link ZernioApiException}. */
	private <T> T call(HttpRequest request, String operation, Class<T> type) {
		ZernioAnswer answer = gated(request);
		stopIfKeyRefused(answer);
		if (!answer.success()) {
			throw new ZernioApiException(answer.status(),
					"Zernio answered " + operation + " with HTTP " + answer.status() + ": " + answer.errorMessage());
		}
		try {
			T value = answer.body().isObject() ? json.treeToValue(answer.body(), type) : null;
			if (value != null) {
				return value;
			}
		}
		catch (JacksonException unexpectedShape) {
			// reported below, without the body: it may be large or HTML
		}
		throw new ZernioApiException(answer.status(),
				"Zernio answered " + operation + " with a body that is not the expected JSON");
	}

	/** A key Zernio refuses (401), or refuses for this kind of call (a restricted key), stops the run. */
	private static void stopIfKeyRefused(ZernioAnswer answer) {
		if (answer.status() == 401) {
			throw new AccessRefusedException();
		}
		if (RestrictedKey.refuses(answer)) {
			throw new AccessRefusedException(403, RestrictedKey.problem(answer));
		}
	}

	/**
	 * One call through the gate. A 429 is sent again (unchanged) for as long as the gate says so, and so are a 5xx
	 * and a missing answer: every call the gate paces is one that can safely be repeated.
	 */
	private ZernioAnswer gated(HttpRequest request) {
		return gated(request, false);
	}

	/**
	 * @param publishes whether the call publishes on an account, so that a 429 with room left in the key's window is
	 *                  that account's posting limit or cool-down: answered at once, neither asked again nor holding
	 *                  the key's other calls (asking again within the hour only prolongs a cool-down)
	 */
	private ZernioAnswer gated(HttpRequest request, boolean publishes) {
		String where = "Zernio at " + zernioHost + throughProxy;
		try {
			for (int attempts = 1;; attempts++) {
				gate.enter();
				HttpResponse<String> response = sendOrWait(request, where, attempts);
				if (response == null) {
					continue;
				}
				ZernioAnswer answer = ZernioAnswer.read(response, json, clock.instant());
				gate.answered(answer.rateLimit());
				boolean accountLimited = publishes && answer.accountLimited();
				boolean again = answer.status() == 429
						? !accountLimited && gate.retryAfterRateLimit(answer.rateLimit(), attempts)
						: answer.status() >= 500 && gate.retryAfterFailure(answer.rateLimit(), attempts);
				if (!again) {
					return answer;
				}
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new ZernioApiException("interrupted while waiting for " + where, interrupted);
		}
	}

	/**
	 * One attempt of a request that may be sent again: its answer, or null when {@code where} could not be reached
	 * and the gate, after its wait, says to try again.
	 *
	 * @throws ZernioApiException when it could not be reached and is not to be tried again
	 */
	private HttpResponse<String> sendOrWait(HttpRequest request, String where, int attempts)
			throws InterruptedException {
		try {
			return send(request, where);
		}
		catch (AccessRefusedException | CertificateRefusedException refused) {
			throw refused;
		}
		catch (ZernioApiException unreachable) {
			if (Thread.currentThread().isInterrupted() || !gate.retryAfterFailure(null, attempts)) {
				throw unreachable;
			}
			return null;
		}
	}

	/** @param where what could not be reached, for the message ("Zernio at zernio.com") */
	private HttpResponse<String> send(HttpRequest request, String where) {
		HttpResponse<String> response;
		try {
			response = answers.send(request);
		}
		catch (HttpTimeoutException timeout) {
			throw new ZernioApiException("cannot reach " + where + ": no answer within "
					+ seconds(request.timeout().orElse(settings.requestTimeout())), timeout);
		}
		catch (IOException failure) {
			String certificate = CertificateProblems.of(failure);
			if (certificate != null) {
				throw new CertificateRefusedException("cannot reach " + where + ": " + certificate, failure);
			}
			throw new ZernioApiException("cannot reach " + where + ": " + describe(failure), failure);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new ZernioApiException("interrupted while waiting for " + where, interrupted);
		}
		if (response.statusCode() == PROXY_AUTHENTICATION_REQUIRED) {
			throw new AccessRefusedException(proxyProblem());
		}
		return response;
	}

	/** How a request to {@code host} goes, for messages: " through the proxy ..." when it does. */
	private String via(String host) {
		return proxyTo(host).map(proxy -> " through the proxy " + proxy.describe()).orElse("");
	}

	/** What to fix when the proxy on the way answers 407. */
	private String proxyProblem() {
		return settings.proxy() != null ? settings.proxy().credentialsProblem()
				: "a proxy on the way to Zernio asks for a user name and password (407): give the proxy with them in"
						+ " https_proxy, as http://USER:PASSWORD@HOST:PORT";
	}

	private HttpRequest.Builder zernioRequest(String pathAndQuery) {
		return withProxyCredentials(HttpRequest.newBuilder(URI.create(apiRoot + pathAndQuery))
			.timeout(settings.requestTimeout())
			.header("Authorization", "Bearer " + settings.apiKey())
			.header("Accept", "application/json"), apiProxyCredentials);
	}

	/** The proxy's credentials on a request that goes through it; never on one that does not. */
	private static HttpRequest.Builder withProxyCredentials(HttpRequest.Builder request, Optional<String> credentials) {
		credentials.ifPresent(value -> request.header("Proxy-Authorization", value));
		return request;
	}

	private static boolean isLastPage(ZernioPayloads.Pagination pagination, int page, int received) {
		if (pagination != null && pagination.pages() != null) {
			return page >= pagination.pages();
		}
		return received < POSTS_PAGE_SIZE;
	}

	/** A big video on a slow line needs longer than one API answer; assume at least 512 KB/s. */
	private Duration uploadTimeout(long size) {
		return settings.requestTimeout().plusSeconds(size / MIN_UPLOAD_BYTES_PER_SECOND);
	}

	private static String pathSegment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String queryValue(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Host and port only: a URL's user-info or query (a presigned signature) must not reach a message. */
	private static String hostOf(URI uri) {
		return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
	}

	private static String seconds(Duration duration) {
		return duration.toSeconds() > 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

	/** JDK network exceptions often carry no message of their own, only a cause or a type. */
	static String describe(IOException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
				// a mistyped address or a DNS down, which the JDK reports as a refused connection without a word
				return "its name is not found (DNS): check the address, and the network's name service";
			}
		}
		String certificate = CertificateProblems.of(failure);
		if (certificate != null) {
			return certificate;
		}
		if (failure instanceof ConnectException && failure.getMessage() == null) {
			return "connection refused";
		}
		Throwable cause = failure;
		while (cause != null) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				return cause.getMessage();
			}
			cause = cause.getCause();
		}
		return failure.getClass().getSimpleName();
	}
}

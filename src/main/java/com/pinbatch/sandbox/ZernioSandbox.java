package com.pinbatch.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.pinbatch.concurrent.DaemonThreads;

import com.sun.net.httpserver.HttpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Zernio API simulator that runs in-process on loopback: the seeded demo accounts and boards, post creation with
 * Zernio's validation, idempotency, duplicate and rate-limit behaviour, publishing to Pinterest (with its failures,
 * delays and retries), listing, and presigned media uploads. It is
 * what {@code pinbatch --sandbox}, the end-to-end tests and the benchmarks talk to.
 *
 * <p>
 * Besides the API it offers hooks to observe traffic and to inject the failures a real run meets (lost answers,
 * 5xx, 429, another process sharing the key).
 */
public final class ZernioSandbox implements AutoCloseable {

	/** The demo key the sandbox accepts by default; it opens nothing outside the sandbox. */
	public static final String API_KEY = "sk_sandbox_pinbatch_demo_key_0000000000000000000000000000000000000000";

	private static final Logger LOG = LoggerFactory.getLogger(ZernioSandbox.class);

	static {
		// The JDK server writes headers and body separately; with Nagle's algorithm on, each answer then waits for
		// the client's delayed ACK (about 40 ms), which would make the sandbox far slower than any real API. The
		// JDK reads this once, when its first HttpServer starts, so it is set here unless the user chose otherwise.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final HttpServer server;
	private final int port;
	private final ExecutorService executor;
	private final Clock clock;
	private final ThroughputWindow window;
	private ScheduledExecutorService neighbour;
	private final PostStore store;
	private final FaultInjector faults;
	private final FaultInjector lookUpFaults;
	private final FaultInjector uploadFaults;
	private final PublishFates fates;
	private final SeedAccounts accounts;
	private final CreatePostEndpoint creates;
	private final MediaEndpoint media;
	private final PostQueryEndpoint queries;
	private final Dispatcher dispatcher;

	private ZernioSandbox(SandboxSettings settings, Clock clock) throws IOException {
		this.clock = clock;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), settings.port()),
				256);
		this.port = server.getAddress().getPort();
		this.window = new ThroughputWindow(settings.requestsPerMinute());
		this.fates = new PublishFates(settings.publishFailureRate(), settings.publishDelay(),
				settings.randomSeed() + 2);
		this.store = new PostStore(settings.stateFile() == null ? null : new StateFile(settings.stateFile()), clock,
				fates);
		this.faults = new FaultInjector(settings.serverErrorRate(), settings.randomSeed() + 1);
		this.accounts = SeedAccounts.withGenerated(settings.generatedAccounts());
		AccountCaps caps = new AccountCaps(settings.accountHourlyCap(), settings.accountDailyCap());
		this.creates = new CreatePostEndpoint(store, accounts, caps, faults, fates, clock, settings);
		this.uploadFaults = new FaultInjector(0, settings.randomSeed() + 3);
		this.media = new MediaEndpoint(clock, baseUrl(), uploadFaults);
		this.lookUpFaults = new FaultInjector(0, settings.randomSeed() + 2);
		this.queries = new PostQueryEndpoint(store, accounts, lookUpFaults);
		this.dispatcher = new Dispatcher(settings.apiKey(), clock, window, new AccountsEndpoint(accounts),
				creates, queries, new RetryEndpoint(store, caps), new PostChangeEndpoint(store), media);
		this.executor = Executors.newCachedThreadPool(DaemonThreads.named("zernio-sandbox"));
		server.createContext("/", dispatcher);
		server.setExecutor(executor);
	}

	/** Starts a sandbox on 127.0.0.1 (port 0 = any free port). */
	public static ZernioSandbox start(SandboxSettings settings) {
		return start(settings, Clock.systemUTC());
	}

	/**
	 * Starts a sandbox whose windows (throughput, replay, duplicates, caps) and publishing (delays, schedules) run on
	 * the given clock.
	 */
	public static ZernioSandbox start(SandboxSettings settings, Clock clock) {
		try {
			ZernioSandbox sandbox = new ZernioSandbox(settings, clock);
			sandbox.server.start();
			LOG.debug("Zernio sandbox listening on {}", sandbox.baseUrl());
			return sandbox;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the Zernio sandbox on port " + settings.port(), ex);
		}
	}

	/** {@code http://127.0.0.1:PORT/api}; API paths are this plus {@code /v1/...}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port() + "/api";
	}

	public int port() {
		return port;
	}

	/** Every request answered so far, oldest first. */
	public List<RecordedRequest> requests() {
		return dispatcher.recorded();
	}

	/** Every post created (including those loaded from the state file), oldest first. */
	public List<SandboxPost> posts() {
		return store.all().stream().map(StoredPost::summary).toList();
	}

	public int postCount() {
		return store.size();
	}

	/** How many 429 answers were sent, whatever the cause. */
	public int rateLimitedResponses() {
		return dispatcher.rateLimitedResponses();
	}

	/** The most {@code POST /v1/posts} requests that were in progress at once. */
	public int peakConcurrentCreates() {
		return creates.peakConcurrentCreates();
	}

	/** Presigned uploads received, by key. */
	public Map<String, SandboxUpload> uploads() {
		return media.uploads();
	}

	/**
	 * Runs {@code listener} on the request thread after a post is stored and before its answer is written, so a test
	 * can act (e.g. kill the client) between the server's create and the client's commit.
	 */
	public void onPostCreated(Consumer<SandboxPost> listener) {
		creates.onPostCreated(listener);
	}

	/**
	 * Runs {@code listener} on the request thread as each request arrives, before anything is done with it (given as
	 * {@code "METHOD /path"}), so a test can see what reached the server when, or hold a request at a chosen point.
	 */
	public void onRequestArrived(Consumer<String> listener) {
		dispatcher.onArrival(listener);
	}

	/** The next {@code count} successful creates store their post but close the connection without answering. */
	public void dropConnectionAfterCreate(int count) {
		faults.dropNext(count);
	}

	/**
	 * The next {@code count} successful creates store their post but answer 201 without it, as an answer a proxy cut
	 * or rewrote on its way would: the client cannot learn the post's id from the answer.
	 */
	public void answerNextCreatesWithoutPost(int count) {
		faults.answerWithoutPostNext(count);
	}

	/** From now on this share (0..1) of the successful creates is answered without its post. */
	public void answerCreatesWithoutPost(double share) {
		faults.answerWithoutPostShare(share);
	}

	/**
	 * The next {@code count} successful creates store their post, send their answer's headers and half its body, and
	 * then nothing for {@code length} (or until the sandbox stops), when the connection is closed: an answer stuck on
	 * its way.
	 */
	public void stallNextCreateAnswers(int count, Duration length) {
		faults.stallNext(count, length);
	}

	/** The next {@code count} answers to look-ups of posts stall halfway as {@link #stallNextCreateAnswers} does. */
	public void stallNextLookUps(int count, Duration length) {
		lookUpFaults.stallNext(count, length);
	}

	/**
	 * From now on this share (0..1) of the answers to successful creates and to look-ups of posts stalls halfway, for
	 * {@code length}.
	 */
	public void stallAnswers(double share, Duration length) {
		faults.stallShare(share, length);
		lookUpFaults.stallShare(share, length);
	}

	/**
	 * Whether {@code GET /v1/posts} leaves each post's metadata out, as a Zernio listing that does not return it (or
	 * a post whose metadata was edited) would: finding an earlier post must then work without it.
	 */
	public void listPostsWithoutMetadata(boolean without) {
		queries.listWithoutMetadata(without);
	}

	/** The next {@code count} creates that pass validation answer {@code status} (429 or 5xx) and create nothing. */
	public void failNextCreates(int count, int status) {
		faults.failNext(count, status);
	}

	/**
	 * The next {@code count} look-ups of posts ({@code GET /v1/posts} and {@code GET /v1/posts/{id}}) answer
	 * {@code status} (429 or 5xx): following pins meets a Zernio that is down.
	 */
	public void failNextLookUps(int count, int status) {
		lookUpFaults.failNext(count, status);
	}

	/** From now on this share (0..1) of the look-ups of posts answers a 5xx. */
	public void failLookUps(double share) {
		lookUpFaults.failShare(share);
	}

	/**
	 * The next {@code count} uploads to presigned URLs answer {@code status} (429 or 5xx) once their bytes are sent,
	 * and keep nothing: the storage behind the upload URLs has a bad moment.
	 */
	public void failNextUploads(int count, int status) {
		uploadFaults.failNext(count, status);
	}

	/**
	 * From now on Pinterest refuses every publish of this account (its username or id) as spam-like activity, with
	 * Zernio's {@code user_abuse} category, as it does for an account it limits.
	 */
	public void limitAccount(String usernameOrId) {
		store.limitAccount(accountId(usernameOrId), true);
	}

	/** From now on this account (its username or id) belongs to a profile beyond the plan's profile limit. */
	public void putProfileOverLimit(String usernameOrId) {
		accounts.putOverLimit(accountId(usernameOrId));
	}

	/**
	 * From now on the key is a restricted one without these resource groups ({@code publishing}, {@code accounts}):
	 * their calls are refused with 403 {@code insufficient_permissions}, as Zernio refuses a {@code zrk_} key's.
	 */
	public void disableResourceGroups(Collection<String> groups) {
		dispatcher.disableGroups(Set.copyOf(groups));
	}

	/** From now on Pinterest publishes this account's pins again: the account is in order (a day later, say). */
	public void liftLimit(String usernameOrId) {
		store.limitAccount(accountId(usernameOrId), false);
	}

	private String accountId(String usernameOrId) {
		return accounts.all()
			.stream()
			.filter(account -> account.username().equals(usernameOrId) || account.id().equals(usernameOrId))
			.map(SeedAccounts.Account::id)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("the sandbox has no account '" + usernameOrId
					+ "'; its accounts are " + accounts.all().stream().map(SeedAccounts.Account::username).toList()));
	}

	/**
	 * From now on this share (0..1) of the pins that go live is removed from Pinterest {@code delay} after (deleted
	 * there or taken down): their posts stay {@code published}, with {@code removedFromPlatformAt}, as in Zernio.
	 */
	public void removePinsAfterPublishing(double share, Duration delay) {
		fates.removeAfterPublishing(share, delay);
	}

	/**
	 * From now on this share (0..1) of the passing publish failures (Pinterest's rate limit, an outage) passes on each
	 * retry of the same post (0.75 unless told): 0 plays an outage that lasts days.
	 */
	public void passRetries(double share) {
		fates.passRetries(share);
	}

	/** From now on this share (0..1) of the uploads to presigned URLs answers a 5xx and keeps nothing. */
	public void failUploads(double share) {
		uploadFaults.failShare(share);
	}

	/**
	 * From now on, another program sends on the key at the contention's rate (taking slots of the window), and 429
	 * storms come at its intervals. Replaces any earlier contention.
	 */
	public synchronized void contend(KeyContention contention) {
		if (neighbour != null) {
			neighbour.shutdownNow();
			neighbour = null;
		}
		dispatcher.storms(new RateLimitStorms(contention, clock.instant()));
		if (contention.neighbourRequestsPerMinute() > 0) {
			neighbour = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("zernio-sandbox"));
			long everyMicros = TimeUnit.MINUTES.toMicros(1) / contention.neighbourRequestsPerMinute();
			neighbour.scheduleAtFixedRate(() -> window.occupy(1, clock.instant()), everyMicros, everyMicros,
					TimeUnit.MICROSECONDS);
		}
	}

	/** Zernio goes down {@code after} from now, for {@code length}: every request is answered 503 meanwhile. */
	public void goDown(Duration after, Duration length) {
		dispatcher.outage(new Outage(clock.instant().plus(after), length));
	}

	/** Fills the throughput window with {@code requests} phantom requests, as if another process used the key. */
	public void consumeRateWindow(int requests) {
		window.occupy(requests, clock.instant());
	}

	@Override
	public void close() {
		synchronized (this) {
			if (neighbour != null) {
				neighbour.shutdownNow();
			}
		}
		server.stop(0);
		executor.shutdownNow();
		LOG.debug("Zernio sandbox on port {} stopped", port());
	}

}

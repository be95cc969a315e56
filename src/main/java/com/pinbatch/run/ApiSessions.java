package com.pinbatch.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

import com.pinbatch.follow.FollowUpConnections;
import com.pinbatch.job.ApiSession;
import com.pinbatch.job.ApiSessionSource;
import com.pinbatch.job.RunProgresses;
import com.pinbatch.job.ThrottleProperties;
import com.pinbatch.media.JdbcUploadedMediaStore;
import com.pinbatch.media.LocalMediaUploader;
import com.pinbatch.media.UploadedMediaStore;
import com.pinbatch.net.PublicAddresses;
import com.pinbatch.sandbox.ZernioSandbox;
import com.pinbatch.stop.GracefulStop;
import com.pinbatch.text.SafeText;
import com.pinbatch.throttle.PacedSender;
import com.pinbatch.throttle.ThrottleListener;
import com.pinbatch.zernio.BoardDirectory;
import com.pinbatch.zernio.HttpProxy;
import com.pinbatch.zernio.ZernioClient;
import com.pinbatch.zernio.ZernioClientSettings;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Connects runs to Zernio: the real API with the key from the environment or configuration, or the built-in sandbox
 * started on loopback, each made once per application from configuration and shared by every run (one pace, one
 * set of per-account caps, one board cache). The steps of both jobs reach them by their job's target, never through
 * the job repository.
 */
@Component
class ApiSessions implements ApiSessionSource, FollowUpConnections, DisposableBean {

	static final String API_KEY_VARIABLE = "ZERNIO_API_KEY";

	private final ZernioProperties zernio;

	private final SandboxProperties sandbox;

	private final ThrottleProperties throttle;

	private final JsonMapper jsonMapper;

	/** Uploads are remembered in the job repository, so a restart or a retry does not upload a file again. */
	private final UploadedMediaStore uploadedMedia;

	/** Once a stop is asked for, no look-up, upload slot or search goes out any more. */
	private final GracefulStop stop;

	/** Hears the holds too, so the time left a run shows counts them. */
	private final RunProgresses progresses;

	/** Where the settings come from: a base URL that a file sets is said at the start. */
	private final Environment environment;

	private ApiSession live;

	private ZernioSandbox sandboxServer;

	private ApiSession sandboxSession;

	ApiSessions(ZernioProperties zernio, SandboxProperties sandbox, ThrottleProperties throttle,
			JsonMapper jsonMapper, DataSource dataSource, PlatformTransactionManager transactionManager,
			GracefulStop stop, RunProgresses progresses, Environment environment) {
		this.environment = environment;
		this.stop = stop;
		this.progresses = progresses;
		this.uploadedMedia = new JdbcUploadedMediaStore(dataSource, transactionManager);
		this.zernio = zernio;
		this.sandbox = sandbox;
		this.throttle = throttle;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Where a request's pins go, checked before anything is read further: the sandbox (started now), Zernio (the key
	 * is checked now), or nowhere for a dry run without a key (said to the listener).
	 *
	 * @throws RunRefusedException when the key is missing or malformed
	 */
	String target(RunRequest request, RunListener listener) {
		if (request.checkMedia()) {
			noteMediaCheckedDirectly(listener);
		}
		if (request.sandbox()) {
			session(SANDBOX);
			return SANDBOX;
		}
		if (apiKey() == null && request.dryRun()) {
			listener.problem("pinbatch: " + API_KEY_VARIABLE + " is not set: this dry run checks the rows but cannot"
					+ " check accounts and boards");
			return NONE;
		}
		String setElsewhere = setInAFile(zernio.baseUrl(), SettingFile.of(environment, "zernio.base-url"));
		if (setElsewhere != null) {
			listener.info(setElsewhere);
		}
		session(ZERNIO).client().apiProxy()
			.ifPresent(proxy -> listener.info("pinbatch: Zernio is reached through the proxy " + proxy.describe()));
		String plain = plainHttpNote(zernio.baseUrl());
		if (plain != null) {
			listener.info(plain);
		}
		return ZERNIO;
	}

	/**
	 * What to say of a Zernio address other than Zernio's own that a configuration file gives (one left in the folder
	 * a run starts in sends the key elsewhere); null for Zernio's own (the shipped config/application.yml names it) or
	 * an address the user gave as an option.
	 */
	static String setInAFile(URI baseUrl, Optional<Path> file) {
		if (file.isEmpty() || baseUrl.equals(URI.create(ZernioProperties.ZERNIO))) {
			return null;
		}
		return "pinbatch: Zernio is asked at " + baseUrl + ", as " + file.get() + " says: the API key goes there";
	}

	/**
	 * What to say of a Zernio asked in plain http on another machine (a gateway on the office network, a mistyped
	 * URL): the key crosses the network readable. Null for https, and for this machine (a simulator).
	 */
	static String plainHttpNote(URI baseUrl) {
		if (!"http".equalsIgnoreCase(baseUrl.getScheme()) || baseUrl.getHost() == null
				|| PublicAddresses.isLoopback(baseUrl.getHost())) {
			return null;
		}
		return "note: Zernio is asked in plain http at " + baseUrl.getHost() + ": the API key and the pins cross the"
				+ " network readable; give an https --zernio.base-url";
	}

	/**
	 * --check-media connects to each media host itself, never through a proxy: it checks every address it connects
	 * to, which a proxy would hide. Said when one is set, so that a network reached only through it explains the
	 * unreachable media.
	 */
	private void noteMediaCheckedDirectly(RunListener listener) {
		HttpProxy proxy;
		try {
			proxy = configuredProxy();
		}
		catch (IllegalArgumentException notAProxy) {
			return; // refused, in its own words, if the run goes to Zernio
		}
		if (proxy != null) {
			listener.info("note: --check-media asks each media host directly, not through the proxy " + proxy.describe()
					+ ": where only the proxy reaches the internet, rows come back media_unreachable; leave"
					+ " --check-media out then (Zernio fetches the media itself)");
		}
	}

	@Override
	public ZernioClient client(String target) {
		ApiSession session = session(target);
		if (session == null) {
			throw new IllegalArgumentException("no Zernio to ask for target " + target);
		}
		return session.client();
	}

	/** The sandbox's clock (it may be moved ahead), else the real one. */
	@Override
	public Clock clock(String target) {
		return target.equals(SANDBOX) ? sandbox.clock() : Clock.systemUTC();
	}

	@Override
	public synchronized ApiSession session(String target) {
		return switch (target) {
			case SANDBOX -> sandbox();
			case ZERNIO -> live();
			default -> null;
		};
	}

	private ApiSession sandbox() {
		if (sandboxSession == null && sandbox.url() != null) {
			// another process serves it (--serve-sandbox): its settings are that process's
			sandboxSession = session(sandbox.url().toString(), ZernioSandbox.API_KEY, true, null);
		}
		if (sandboxSession == null) {
			sandboxServer = sandbox.start();
			sandboxSession = session(sandboxServer.baseUrl(), ZernioSandbox.API_KEY, true, null);
		}
		return sandboxSession;
	}

	private ApiSession live() {
		if (live == null) {
			String key = apiKey();
			if (key == null) {
				throw new RunRefusedException(API_KEY_VARIABLE + " is not set: export " + API_KEY_VARIABLE
						+ "=sk_... (your Zernio API key), or try pinbatch with --sandbox");
			}
			String problem = ZernioClientSettings.keyProblem(key);
			if (problem != null) {
				throw new RunRefusedException("the API key in " + keySource() + " " + problem
						+ ": set it to the key alone");
			}
			SafeText.hide(key);
			live = session(zernio.baseUrl().toString(), key, false, proxy());
		}
		return live;
	}

	/** Where the key came from, for messages (never the key). */
	private static String keySource() {
		String fromEnvironment = System.getenv(API_KEY_VARIABLE);
		return fromEnvironment != null && !fromEnvironment.isBlank() ? API_KEY_VARIABLE
				: "zernio.api-key (configuration)";
	}

	private String apiKey() {
		String fromEnvironment = System.getenv(API_KEY_VARIABLE);
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return fromEnvironment.trim();
		}
		return zernio.apiKey() == null || zernio.apiKey().isBlank() ? null : zernio.apiKey().trim();
	}

	/**
	 * The proxy to Zernio, configured or from the environment; null when there is none (the JDK's own
	 * {@code https.proxyHost} then still applies). The sandbox, on this machine, is reached directly.
	 */
	private HttpProxy proxy() {
		try {
			HttpProxy proxy = configuredProxy();
			if (proxy != null && proxy.password() != null && !proxy.password().isEmpty()) {
				SafeText.hide(proxy.password()); // as the key: no message or file ever shows it
			}
			return proxy;
		}
		catch (IllegalArgumentException notAProxy) {
			throw new RunRefusedException(notAProxy.getMessage());
		}
	}

	/** {@code zernio.proxy}, else the environment's; null for none. */
	private HttpProxy configuredProxy() {
		return HttpProxy.of(zernio.proxy(), zernio.noProxy(), zernio.baseUrl(), System::getenv);
	}

	private ApiSession session(String baseUrl, String key, boolean sandboxed, HttpProxy proxy) {
		ZernioClient client = new ZernioClient(new ZernioClientSettings(URI.create(baseUrl), key,
				zernio.connectTimeout(), zernio.requestTimeout(), proxy), jsonMapper);
		PacedSender sender = new PacedSender(client::createPost, throttle.settings(),
				ThrottleListener.both(new ThrottleReporter(Clock.systemUTC()), progresses));
		// look-ups, upload slots and searches fill the same request window as the creates: one pace for all
		ZernioClient paced = client.pacedBy(stop.guard(sender.requestGate()));
		LocalMediaUploader media = new LocalMediaUploader(paced, uploadedMedia, Clock.systemUTC());
		return new ApiSession(paced, new BoardDirectory(paced), sender, media, sandboxed);
	}

	/** Stops the sandbox, if this application started one. */
	@Override
	public synchronized void destroy() {
		if (sandboxServer != null) {
			sandboxServer.close();
		}
	}
}

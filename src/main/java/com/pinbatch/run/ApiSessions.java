package com.pinbatch.run;

import java.time.Clock;
import javax.sql.DataSource;

import com.pinbatch.job.ApiSession;
import com.pinbatch.job.GracefulStop;
import com.pinbatch.media.JdbcUploadedMediaStore;
import com.pinbatch.media.LocalMediaUploader;
import com.pinbatch.media.UploadedMediaStore;
import com.pinbatch.sandbox.ZernioSandbox;
import com.pinbatch.text.SafeText;
import com.pinbatch.throttle.PacedSender;
import com.pinbatch.zernio.BoardDirectory;
import com.pinbatch.zernio.ZernioClient;
import com.pinbatch.zernio.ZernioClientSettings;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Connects a run to Zernio: the real API with the key from the environment, or the built-in sandbox started on
 * loopback for this process.
 */
@Component
class ApiSessions {

	public static final String API_KEY_VARIABLE = "ZERNIO_API_KEY";

	private final ZernioProperties zernio;

	private final SandboxProperties sandbox;

	private final ThrottleProperties throttle;

	private final JsonMapper jsonMapper;

	/** Uploads are remembered in the job repository, so a restart or a retry does not upload a file again. */
	private final UploadedMediaStore uploadedMedia;

	/** Once a stop is asked for, no look-up, upload slot or search goes out any more. */
	private final GracefulStop stop;

	ApiSessions(ZernioProperties zernio, SandboxProperties sandbox, ThrottleProperties throttle,
			JsonMapper jsonMapper, DataSource dataSource, PlatformTransactionManager transactionManager,
			GracefulStop stop) {
		this.stop = stop;
		this.uploadedMedia = new JdbcUploadedMediaStore(dataSource, transactionManager);
		this.zernio = zernio;
		this.sandbox = sandbox;
		this.throttle = throttle;
		this.jsonMapper = jsonMapper;
	}

	/** The session for this command line; its {@code session()} is null for a dry run without a key. */
	Opened open(RunRequest options, RunListener listener) {
		if (options.sandbox()) {
			ZernioSandbox server = ZernioSandbox.start(sandbox.settings(), sandbox.clock());
			server.contend(sandbox.contention());
			return new Opened(session(server.baseUrl(), ZernioSandbox.API_KEY), server, sandbox.clock());
		}
		String key = apiKey();
		if (key == null) {
			if (options.dryRun()) {
				listener.problem("pinbatch: " + API_KEY_VARIABLE + " is not set: this dry run checks the rows but cannot"
						+ " check accounts and boards");
				return new Opened(null, null, Clock.systemUTC());
			}
			throw new RunRefusedException(API_KEY_VARIABLE + " is not set: export " + API_KEY_VARIABLE
					+ "=sk_... (your Zernio API key), or try pinbatch with --sandbox");
		}
		String problem = ZernioClientSettings.keyProblem(key);
		if (problem != null) {
			throw new RunRefusedException("the API key in " + keySource() + " " + problem + ": set it to the key alone");
		}
		SafeText.hide(key);
		return new Opened(session(zernio.baseUrl().toString(), key), null, Clock.systemUTC());
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

	private ApiSession session(String baseUrl, String key) {
		ZernioClient client = new ZernioClient(new ZernioClientSettings(java.net.URI.create(baseUrl), key,
				zernio.connectTimeout(), zernio.requestTimeout()), jsonMapper);
		PacedSender sender = new PacedSender(client::createPost, throttle.settings(),
				new ThrottleReporter(Clock.systemUTC()));
		// look-ups, upload slots and searches fill the same request window as the creates: one pace for all
		ZernioClient paced = client.pacedBy(stop.guard(sender.requestGate()));
		LocalMediaUploader media = new LocalMediaUploader(paced, uploadedMedia, Clock.systemUTC());
		return new ApiSession(paced, new BoardDirectory(paced), sender, media);
	}

	/**
	 * An open session, and the sandbox behind it if there is one (stopped on close).
	 *
	 * @param clock the time of the world the session talks to: the sandbox's (which may be moved ahead), else the
	 *              real one
	 */
	record Opened(ApiSession session, ZernioSandbox sandbox, Clock clock) implements AutoCloseable {

		@Override
		public void close() {
			if (sandbox != null) {
				sandbox.close();
			}
		}
	}
}

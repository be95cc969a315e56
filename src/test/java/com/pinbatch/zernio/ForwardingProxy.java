package com.pinbatch.zernio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A company's HTTP proxy on loopback, for plain-http targets: it passes each request on as it came, without its proxy
 * headers, and may want Basic credentials first (407). Records what it passed. It resolves names itself, as a
 * company's proxy does: a host under {@code .test} (a name no DNS knows) is this machine, so that a test server on
 * loopback can be reached through it by a name (clients never send loopback addresses to a proxy).
 */
public final class ForwardingProxy implements AutoCloseable {

	/** Headers that concern one hop, or that the JDK's client sets itself. */
	private static final Set<String> NOT_PASSED_ON = Set.of("connection", "content-length", "expect", "host",
			"upgrade", "keep-alive", "proxy-authorization", "proxy-connection", "transfer-encoding");

	private final HttpServer server;

	private final HttpClient onward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String expectedAuthorization;

	private final List<URI> passed = new CopyOnWriteArrayList<>();

	private final List<URI> refused = new CopyOnWriteArrayList<>();

	private ForwardingProxy(String user, String password) throws IOException {
		this.expectedAuthorization = user == null ? null : "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
	}

	/** A proxy that passes every request on. */
	public static ForwardingProxy open() throws IOException {
		return new ForwardingProxy(null, null);
	}

	/** A proxy that answers 407 to a request without these credentials. */
	public static ForwardingProxy wanting(String user, String password) throws IOException {
		return new ForwardingProxy(user, password);
	}

	public int port() {
		return server.getAddress().getPort();
	}

	/** The proxy's address as a user writes it in https_proxy. */
	public String address() {
		return "http://127.0.0.1:" + port();
	}

	/** The same with credentials, {@code USER:PASSWORD} percent-encoded as in a URL. */
	public String address(String userInfo) {
		return "http://" + userInfo + "@127.0.0.1:" + port();
	}

	/** Every request passed on, in order. */
	public List<URI> passed() {
		return List.copyOf(passed);
	}

	/** Every request answered 407. */
	public List<URI> refused() {
		return List.copyOf(refused);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			byte[] sent = body.readAllBytes();
			URI target = exchange.getRequestURI();
			if (!target.isAbsolute()) {
				answer(exchange, 400, "not a proxy request".getBytes(StandardCharsets.UTF_8));
				return;
			}
			if (expectedAuthorization != null
					&& !expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
				refused.add(target);
				exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"company\"");
				answer(exchange, 407, new byte[0]);
				return;
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(resolved(target))
				.method(exchange.getRequestMethod(), sent.length == 0 ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofByteArray(sent));
			exchange.getRequestHeaders().forEach((name, values) -> {
				if (!NOT_PASSED_ON.contains(name.toLowerCase(Locale.ROOT))) {
					values.forEach(value -> request.header(name, value));
				}
			});
			HttpResponse<byte[]> response;
			try {
				response = onward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				answer(exchange, 502, new byte[0]);
				return;
			}
			passed.add(target);
			response.headers().map().forEach((name, values) -> {
				if (!NOT_PASSED_ON.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
					values.forEach(value -> exchange.getResponseHeaders().add(name, value));
				}
			});
			answer(exchange, response.statusCode(), response.body());
		}
	}

	/** The target with a {@code .test} host replaced by this machine's address, the rest as it came. */
	private static URI resolved(URI target) {
		String host = target.getHost();
		return host.endsWith(".test") ? URI.create(target.toString().replaceFirst("//" + Pattern.quote(host),
				"//127.0.0.1")) : target;
	}

	/** The address of a test server on loopback, {@code http://127.0.0.1:PORT/...}, as this proxy's clients name it. */
	public static String named(String loopbackUrl) {
		return loopbackUrl.replace("//127.0.0.1:", "//zernio.test:").replace("//localhost:", "//zernio.test:");
	}

	private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}

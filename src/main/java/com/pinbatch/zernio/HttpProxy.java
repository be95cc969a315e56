package com.pinbatch.zernio;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The HTTP proxy between this machine and Zernio (and its storage), as a company network has one: taken from
 * {@code zernio.proxy} or, as curl and most command-line tools do, from {@code https_proxy} (and {@code no_proxy}),
 * which the JDK ignores. Only an HTTP proxy: the JDK's client speaks no other kind. A user name and password in the
 * address go to the proxy as Basic credentials with every request it passes on, as curl sends them; not through an
 * authenticator, with which the JDK's client would drop the request's own Authorization header (the API key).
 *
 * @param host     the proxy's host
 * @param port     its port (1080 when the address names none, as curl assumes)
 * @param user     the user name from the address ({@code http://USER:PASSWORD@HOST:PORT}), or null
 * @param password its password, or null; never printed
 * @param bypass   hosts reached directly ({@code no_proxy}): a name covers its subdomains, {@code *} covers all
 * @param source   where the setting came from, for messages ({@code https_proxy}, {@code zernio.proxy})
 */
public record HttpProxy(String host, int port, String user, String password, List<String> bypass, String source) {

	/** localhost, its subdomains, 127.0.0.0/8 and ::1, written as addresses (no name is looked up). */
	private static final Pattern LOOPBACK = Pattern.compile(
			"localhost|.+\\.localhost|127(\\.\\d{1,3}){3}|::1|(0{1,4}:){7}0{0,3}1");

	private static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

	/** The default port curl gives a proxy address without one. */
	private static final int DEFAULT_PORT = 1080;

	public HttpProxy {
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(source, "source");
		bypass = List.copyOf(bypass);
	}

	/**
	 * The proxy a process started in {@code environment} uses for {@code target}: {@code configured}
	 * ({@code zernio.proxy}) when set, else the environment's, as curl picks it ({@code https_proxy}, then
	 * {@code HTTPS_PROXY}, for an https target; {@code http_proxy} for a plain-http one; then {@code all_proxy}); null
	 * when there is none.
	 *
	 * @throws IllegalArgumentException with a one-line message naming the setting, when it is not an HTTP proxy's
	 *                                  address
	 */
	public static HttpProxy of(String configured, String configuredBypass, URI target,
			UnaryOperator<String> environment) {
		String bypass = firstSet(configuredBypass, environment.apply("no_proxy"), environment.apply("NO_PROXY"));
		if (isSet(configured)) {
			return parse(configured, bypass, "zernio.proxy");
		}
		boolean https = "https".equalsIgnoreCase(target.getScheme());
		// curl leaves out HTTP_PROXY: a CGI program gets a request's "Proxy:" header as that variable
		List<String> names = https ? List.of("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")
				: List.of("http_proxy", "all_proxy", "ALL_PROXY");
		for (String name : names) {
			String value = environment.apply(name);
			if (isSet(value)) {
				return parse(value, bypass, name);
			}
		}
		return null;
	}

	static HttpProxy parse(String address, String bypass, String source) {
		String trimmed = address.strip();
		URI uri;
		try {
			uri = new URI(trimmed.contains("://") ? trimmed : "http://" + trimmed);
		}
		catch (URISyntaxException malformed) {
			throw new IllegalArgumentException(notAProxy(source, uri(trimmed)));
		}
		if (!"http".equalsIgnoreCase(uri.getScheme())) {
			throw new IllegalArgumentException(source + " is a " + uri.getScheme() + " proxy (" + uri(trimmed)
					+ "): pinbatch goes through an HTTP proxy only, such as http://proxy.example:3128");
		}
		if (uri.getHost() == null) {
			throw new IllegalArgumentException(notAProxy(source, uri(trimmed)));
		}
		String user = null;
		String password = null;
		if (uri.getRawUserInfo() != null) {
			// percent-encoded as in a URL (a password with an @ is written %40), as curl reads it; a + is a +
			String[] parts = uri.getRawUserInfo().replace("+", "%2B").split(":", 2);
			user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
			password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
		}
		return new HttpProxy(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), user, password,
				bypassList(bypass), source);
	}

	/** Chooses the proxy for every address but those of {@link #bypass}. */
	public ProxySelector selector() {
		Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
		return new ProxySelector() {
			@Override
			public List<Proxy> select(URI uri) {
				return bypasses(uri.getHost()) ? List.of(Proxy.NO_PROXY) : List.of(proxy);
			}

			@Override
			public void connectFailed(URI uri, SocketAddress address, IOException failure) {
				// one proxy, nothing else to try: the client reports the failure
			}
		};
	}

	/**
	 * Whether requests to {@code host} go directly: this machine's own (loopback) addresses always, as the JDK's and
	 * Go's clients treat them (a served sandbox, a test server), and the hosts of {@code no_proxy}.
	 */
	public boolean bypasses(String host) {
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		if (LOOPBACK.matcher(name).matches()) {
			return true;
		}
		for (String entry : bypass) {
			if (entry.equals("*") || name.equals(entry) || name.endsWith("." + entry)) {
				return true;
			}
		}
		return false;
	}

	/** The proxy as a message names it: its address and where it was set. */
	public String describe() {
		return host + ":" + port + " (" + source + ")";
	}

	/**
	 * The {@code Proxy-Authorization} header's value for the credentials of the address, when it holds some: sent with
	 * every request that goes through the proxy (on an https tunnel, the JDK's client puts it on the CONNECT only).
	 */
	public Optional<String> authorization() {
		if (user == null) {
			return Optional.empty();
		}
		String pair = user + ":" + password;
		return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Lets the JDK's client send a Basic {@code Proxy-Authorization} header on an https tunnel's CONNECT, which it
	 * leaves out by default. The JDK reads the setting once, when its client is first used, so this is called first
	 * thing; a value the user set is kept. The header only ever goes to the proxy: the JDK keeps proxy headers off the
	 * requests inside the tunnel, and pinbatch adds it only to requests the proxy passes on.
	 */
	public static void allowBasicCredentialsOnTunnels() {
		if (System.getProperty(TUNNELING_DISABLED_SCHEMES) == null) {
			System.setProperty(TUNNELING_DISABLED_SCHEMES, "");
		}
	}

	/** What to fix when the proxy asks for credentials (407): given, they were refused; else they are missing. */
	public String credentialsProblem() {
		return user == null
				? "the proxy " + describe() + " asks for a user name and password (407): give them in " + source
						+ " as http://USER:PASSWORD@" + host + ":" + port
				: "the proxy " + describe() + " refused the user name and password given in " + source
						+ " (407): check them";
	}

	/** The generated toString would print the password. */
	@Override
	public String toString() {
		return "HttpProxy[" + describe() + (user == null ? "" : ", credentials (hidden)") + ", bypass=" + bypass
				+ "]";
	}

	private static List<String> bypassList(String bypass) {
		if (!isSet(bypass)) {
			return List.of();
		}
		return Arrays.stream(bypass.split(","))
			.map(entry -> entry.strip().toLowerCase(Locale.ROOT))
			.map(entry -> entry.startsWith("*.") ? entry.substring(2) : entry.startsWith(".") ? entry.substring(1)
					: entry)
			.map(HttpProxy::withoutPort)
			.filter(entry -> !entry.isEmpty())
			.toList();
	}

	/** {@code host:port} as curl allows it in no_proxy; the port is not told apart. */
	private static String withoutPort(String entry) {
		if (entry.startsWith("[")) {
			int end = entry.indexOf(']');
			return end < 0 ? entry : entry.substring(1, end);
		}
		int colon = entry.indexOf(':');
		return colon >= 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
	}

	private static String notAProxy(String source, String address) {
		return source + " (" + address + ") is not a proxy's address such as http://proxy.example:3128";
	}

	/** An address for a message, its credentials left out. */
	private static String uri(String address) {
		return address.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)?[^/@]*@", "$1");
	}

	private static String firstSet(String... values) {
		for (String value : values) {
			if (isSet(value)) {
				return value;
			}
		}
		return null;
	}

	private static boolean isSet(String value) {
		return value != null && !value.isBlank();
	}
}

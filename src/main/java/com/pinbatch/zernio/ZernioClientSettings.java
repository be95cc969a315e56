package com.pinbatch.zernio;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach Zernio.
 *
 * @param baseUrl        API root without the version, e.g. {@code https://zernio.com/api}
 * @param apiKey         sent as a bearer token; never printed
 * @param connectTimeout TCP/TLS connect limit
 * @param requestTimeout limit for one whole answer, headers and body; creating a pin with publishNow waits for
 *                       Pinterest, so keep it long
 * @param proxy          the HTTP proxy on the way, or null for the JDK's own choice (its {@code https.proxyHost})
 */
public record ZernioClientSettings(URI baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout,
		HttpProxy proxy) {

	public ZernioClientSettings {
		Objects.requireNonNull(baseUrl, "baseUrl");
		Objects.requireNonNull(apiKey, "apiKey");
		Objects.requireNonNull(connectTimeout, "connectTimeout");
		Objects.requireNonNull(requestTimeout, "requestTimeout");
		String scheme = baseUrl.getScheme();
		if (baseUrl.getHost() == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
			throw new IllegalArgumentException(
					"the Zernio base URL must be an http(s) URL such as https://zernio.com/api, not " + baseUrl);
		}
		if (keyProblem(apiKey) != null) {
			throw new IllegalArgumentException("the API key " + keyProblem(apiKey)); // never the key itself
		}
		if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
				|| requestTimeout.isZero()) {
			throw new IllegalArgumentException("Zernio timeouts must be positive");
		}
	}

	/** Without a proxy of pinbatch's own: the JDK's choice. */
	public ZernioClientSettings(URI baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout) {
		this(baseUrl, apiKey, connectTimeout, requestTimeout, null);
	}

	/**
	 * What makes a key unusable, or null: a key is visible ASCII only. Anything else could not go into the
	 * Authorization header, and the HTTP client's complaint would quote the whole header, key included.
	 */
	public static String keyProblem(String apiKey) {
		if (apiKey.isEmpty()) {
			return "is empty";
		}
		for (int i = 0; i < apiKey.length(); i++) {
			char c = apiKey.charAt(i);
			if (c < 0x21 || c > 0x7E) {
				String what = c == '\n' || c == '\r' ? "a line break" : c == ' ' || c == '\t' ? "a space"
						: c < 0x20 || c == 0x7F ? "a control character" : "a non-ASCII character";
				return "holds " + what + " (character " + (i + 1) + " of " + apiKey.length()
						+ "); a key is letters, digits and punctuation only";
			}
		}
		return null;
	}

	/** The generated toString would print the key into any log line that mentions the settings. */
	@Override
	public String toString() {
		return "ZernioClientSettings[baseUrl=" + baseUrl + ", apiKey=(hidden), connectTimeout=" + connectTimeout
				+ ", requestTimeout=" + requestTimeout + (proxy == null ? "" : ", proxy=" + proxy) + "]";
	}
}

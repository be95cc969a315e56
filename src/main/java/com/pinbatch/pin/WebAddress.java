package com.pinbatch.pin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A URL as cells give them: scheme, lower-case host and path.
 *
 * @param path the decoded path, "" when there is none
 */
record WebAddress(String scheme, String host, String path) {

	// two letters at least, so that a Windows drive ("C:\pins\a.jpg") reads as a file path, not a URL
	private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

	/** Whether the text starts with a URL scheme ({@code https:}, {@code http:}, {@code ftp:} ...). */
	static boolean hasScheme(String text) {
		return SCHEME.matcher(text).find();
	}

	/** @return the address, or empty when the text is not an absolute URL with a host */
	static Optional<WebAddress> parse(String text) {
		try {
			URI uri = new URI(text);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return Optional.empty();
			}
			return Optional.of(new WebAddress(uri.getScheme().toLowerCase(Locale.ROOT),
					uri.getHost().toLowerCase(Locale.ROOT), uri.getPath() == null ? "" : uri.getPath()));
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	boolean isHttps() {
		return "https".equals(scheme);
	}

	/** Whether the host is {@code domain} or lies under it ("www.dropbox.com" is on "dropbox.com"). */
	boolean isOn(String domain) {
		return host.equals(domain) || host.endsWith("." + domain);
	}

	/** The value for the first domain this address is on. */
	<T> Optional<T> lookUpHost(Map<String, T> byDomain) {
		return byDomain.entrySet().stream().filter(entry -> isOn(entry.getKey())).map(Map.Entry::getValue).findFirst();
	}
}

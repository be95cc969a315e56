package com.pinbatch.pin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A URL as cells give them: scheme, lower-case host and path.
 *
 * @param path the decoded path, "" when there is none
 */
record WebAddress(String scheme, String host, String path) {

	/**
	 * Whether the text starts with a URL scheme ({@code https:}, {@code http:}, {@code ftp:} ...): a letter, then
	 * letters, digits, '+', '.' or '-', then ':'. Two characters at least, so that a Windows drive ("C:\pins\a.jpg")
	 * reads as a file path, not a URL. (A loop, not a regex: it runs for every cell that may hold a URL.)
	 */
	static boolean hasScheme(String text) {
		if (text.isEmpty() || !isAsciiLetter(text.charAt(0))) {
			return false;
		}
		for (int i = 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ':') {
				return i >= 2;
			}
			if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
				return false;
			}
		}
		return false;
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
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
		int above = host.length() - domain.length();
		return host.endsWith(domain) && (above == 0 || above > 0 && host.charAt(above - 1) == '.');
	}

	/** The value for the first domain this address is on. */
	<T> Optional<T> lookUpHost(Map<String, T> byDomain) {
		for (Map.Entry<String, T> entry : byDomain.entrySet()) {
			if (isOn(entry.getKey())) {
				return Optional.of(entry.getValue());
			}
		}
		return Optional.empty();
	}
}

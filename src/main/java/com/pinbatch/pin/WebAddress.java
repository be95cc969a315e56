package com.pinbatch.pin;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
		WebAddress plain = plain(text);
		if (plain != null) {
			return Optional.of(plain);
		}
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

	/**
	 * The address of a plain http(s) URL as {@link java.net.URI} reads it, read without it (which took half the time
	 * of a row's check): a host of dot-separated labels of letters, digits and inner dashes, the last one starting
	 * with a letter, no user or port, and only characters that need no decoding after it. Null for any other text,
	 * which URI reads.
	 */
	static WebAddress plain(String text) {
		int colon = text.indexOf(':');
		if (colon != 4 && colon != 5 || !text.startsWith("//", colon + 1)) {
			return null;
		}
		String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return null;
		}
		int hostStart = colon + 3;
		int hostEnd = hostStart;
		int labelStart = hostStart;
		while (hostEnd < text.length() && "/?#".indexOf(text.charAt(hostEnd)) < 0) {
			char c = text.charAt(hostEnd);
			if (c == '.') {
				if (!label(text, labelStart, hostEnd)) {
					return null;
				}
				labelStart = hostEnd + 1;
			}
			else if (c >= 128 || !IN_HOST[c]) {
				return null;
			}
			hostEnd++;
		}
		if (!label(text, labelStart, hostEnd) || !isAsciiLetter(text.charAt(labelStart))) {
			return null;
		}
		int pathEnd = text.length(); // where the query or fragment starts, if one does
		boolean fragment = false;
		for (int i = hostEnd; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '?' || c == '#') {
				if (c == '#' && fragment) {
					return null; // a second '#': URI refuses it
				}
				fragment |= c == '#';
				pathEnd = Math.min(pathEnd, i);
			}
			else if (c >= 128 || !AFTER_HOST[c]) {
				return null;
			}
		}
		return new WebAddress(scheme, text.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT),
				text.substring(hostEnd, pathEnd));
	}

	/** The ASCII characters of a plain host's labels: letters, digits and dashes. */
	private static final boolean[] IN_HOST = ascii("-");

	/** The ASCII characters URI takes as they are in a path, query or fragment (besides '?' and '#'). */
	private static final boolean[] AFTER_HOST = ascii("-._~!$&'()*+,;=:@/");

	/** The ASCII letters, digits and {@code punctuation}, as a table looked up for each character of a URL. */
	private static boolean[] ascii(String punctuation) {
		boolean[] table = new boolean[128];
		for (char c = 0; c < 128; c++) {
			table[c] = isAsciiLetter(c) || c >= '0' && c <= '9' || punctuation.indexOf(c) >= 0;
		}
		return table;
	}

	/** Whether the host's label from {@code start} to {@code end} is one URI reads: not empty, no dash at an end. */
	private static boolean label(String text, int start, int end) {
		return end > start && text.charAt(start) != '-' && text.charAt(end - 1) != '-';
	}

	/**
	 * The text with its scheme and host in lower case ({@code HTTPS://Images.Example.com/A.jpg} is
	 * {@code https://images.example.com/A.jpg}): the same address as the cell's, for telling repeated ones. A text
	 * that is no such address, or names a user before its host, is returned as it is.
	 */
	static String withCaseFolded(String text) {
		int slashes = text.indexOf("://");
		if (slashes < 2 || !hasScheme(text)) {
			return text;
		}
		int hostEnd = slashes + 3;
		while (hostEnd < text.length() && "/?#".indexOf(text.charAt(hostEnd)) < 0) {
			hostEnd++;
		}
		if (text.lastIndexOf('@', hostEnd - 1) > slashes) {
			return text;
		}
		return text.substring(0, hostEnd).toLowerCase(Locale.ROOT) + text.substring(hostEnd);
	}

	/** An address a cell gives, and the text sent for it: the cell, or as a browser writes what the cell holds. */
	record Typed(String sent, WebAddress address) {
	}

	/**
	 * The address a cell gives, read as a browser reads what was typed: the cell as it is when {@link #parse} reads
	 * it (so what was sent before is sent alike), else its {@link #browserForm}, or a {@code www.} with https:// in
	 * front ({@link #withHttps}); empty when it gives none.
	 */
	static Optional<Typed> asTyped(String text) {
		boolean schemed = hasScheme(text);
		Optional<WebAddress> asItIs = schemed ? parse(text) : Optional.empty();
		if (asItIs.isPresent()) {
			return Optional.of(new Typed(text, asItIs.get()));
		}
		return (schemed ? browserForm(text) : withHttps(text))
			.flatMap(sent -> parse(sent).map(address -> new Typed(sent, address)));
	}

	/**
	 * The address as a browser sends what was typed in its address bar: a space, a lone {@code %} and the other
	 * characters an address cannot hold as they are ({@code " < > \\ ^ ` { | }}) written as %-escapes, a line break
	 * left out, a host in another script ({@code bücher.example}) in its {@code xn--} form. Only for the text that
	 * {@link #parse} refuses: what it reads is sent as it always was. Empty when the text is not one http(s) address
	 * even so (two addresses in one cell stay two).
	 */
	static Optional<String> browserForm(String text) {
		int slashes = text.indexOf("://");
		if (slashes < 2 || !hasScheme(text)) {
			return Optional.empty();
		}
		String scheme = text.substring(0, slashes).toLowerCase(Locale.ROOT);
		int hostStart = slashes + 3;
		int hostEnd = hostStart;
		while (hostEnd < text.length() && "/?#".indexOf(text.charAt(hostEnd)) < 0) {
			hostEnd++;
		}
		if (!scheme.equals("https") && !scheme.equals("http") || hostEnd == hostStart
				|| text.indexOf("://", hostStart) >= 0 && hasBlank(text)) {
			return Optional.empty();
		}
		Optional<String> host = asciiHost(text.substring(hostStart, hostEnd));
		if (host.isEmpty()) {
			return Optional.empty();
		}
		StringBuilder sent = new StringBuilder(text.length() + 16).append(scheme).append("://").append(host.get());
		for (int i = hostEnd; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' || c == '\t') {
				continue;
			}
			if (c == ' ' || BROWSER_ESCAPED.indexOf(c) >= 0 || c == '%' && !escapeAt(text, i)) {
				sent.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
			}
			else {
				sent.append(c);
			}
		}
		String form = sent.toString();
		return parse(form).isPresent() ? Optional.of(form) : Optional.empty();
	}

	/**
	 * An address typed without its scheme as people type one in a browser ({@code www.acme.example/page}), with
	 * https:// in front as the browser opens it; empty for anything else, which is left as it is (a local file path,
	 * a word). Only {@code www.}: other names with a dot are also folder and file names.
	 */
	static Optional<String> withHttps(String text) {
		if (text.length() < 6 || !text.regionMatches(true, 0, "www.", 0, 4) || hasScheme(text)) {
			return Optional.empty();
		}
		String address = "https://" + text;
		return parse(address).isPresent() ? Optional.of(address) : browserForm(address);
	}

	/**
	 * Whether the text starts like an address without its scheme ({@code shop.example/page}): a first part of
	 * letters, digits, dashes and dots that ends in a dot and two letters or more. For advice only.
	 */
	static boolean startsLikeHost(String text) {
		int end = text.indexOf('/');
		String first = end < 0 ? text : text.substring(0, end);
		int lastDot = first.lastIndexOf('.');
		if (first.length() > 253 || lastDot <= 0 || first.length() - lastDot - 1 < 2
				|| FILE_ENDINGS.contains(first.substring(lastDot + 1).toLowerCase(Locale.ROOT))) {
			return false;
		}
		for (int i = 0; i < first.length(); i++) {
			char c = first.charAt(i);
			boolean allowed = isAsciiLetter(c) || c >= '0' && c <= '9' || c == '-' || c == '.';
			if (!allowed || i > lastDot && !isAsciiLetter(c)) {
				return false;
			}
		}
		return true;
	}

	/** Endings of the files a sheet names, which a name of that ending is rather than a host ("shelf.jpg"). */
	private static final Set<String> FILE_ENDINGS = Set.of("jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "bmp",
			"tif", "tiff", "svg", "mp4", "mov", "m4v", "avi", "webm", "mkv", "pdf", "csv", "xlsx", "txt", "htm", "html",
			"zip");

	/**
	 * Whether the text holds a character {@link #browserForm} may write otherwise (a loop, not a parse: it runs for
	 * every URL cell).
	 */
	static boolean typedLoosely(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c <= ' ' || c >= 0x7F || c == '%' || BROWSER_ESCAPED.indexOf(c) >= 0) {
				return true;
			}
		}
		return false;
	}

	/** ASCII characters an address holds only as %-escapes (a space and a lone % aside). */
	private static final String BROWSER_ESCAPED = "\"<>\\^`{|}";

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	/** The host (and port) in ASCII: as it is, or a name in another script in its xn-- form; empty if it is no host. */
	private static Optional<String> asciiHost(String authority) {
		if (authority.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
			return Optional.of(authority);
		}
		int colon = authority.lastIndexOf(':');
		String name = colon < 0 ? authority : authority.substring(0, colon);
		if (name.indexOf('@') >= 0 || hasBlank(name)) {
			return Optional.empty();
		}
		try {
			return Optional.of(IDN.toASCII(name, IDN.ALLOW_UNASSIGNED) + (colon < 0 ? "" : authority.substring(colon)));
		}
		catch (IllegalArgumentException notAHostName) {
			return Optional.empty();
		}
	}

	private static boolean hasBlank(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isWhitespace(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/** Whether a %-escape (two hex digits after the %) starts at {@code at}. */
	private static boolean escapeAt(String text, int at) {
		return at + 2 < text.length() && Character.digit(text.charAt(at + 1), 16) >= 0
				&& Character.digit(text.charAt(at + 2), 16) >= 0;
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

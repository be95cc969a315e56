package com.pinbatch.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.pinbatch.net.PublicAddresses;
import com.pinbatch.zernio.CertificateProblems;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Asks a media server about one URL without downloading it: a HEAD, or a GET of the first kilobyte when the server
 * refuses HEAD (many CDNs and presigned-URL stores do) or declares no useful type (then the bytes tell).
 * <p>
 * Redirects are followed here, a few at most, so that every address asked passes {@link PublicAddresses} first.
 * The connection itself goes to the addresses that passed: the HTTP client resolves names through the same check
 * (Apache HttpClient's {@link DnsResolver}; the JDK's client always asks DNS itself), so a name that answers
 * public when checked and private when connected (DNS rebinding) is never connected to.
 * Whatever keeps a server from answering (refused, not allowed, unknown, silent) is worded the same: the result
 * file must not tell which hosts and ports exist behind it.
 */
final class MediaProbe implements AutoCloseable {

	/** Which addresses a host may be connected to; throws for a host that may not be asked. */
	@FunctionalInterface
	interface Lookup {

		InetAddress[] allowedAddresses(String host) throws UnknownHostException;
	}

	/** Statuses with which servers refuse HEAD while serving GET. */
	private static final Set<Integer> HEAD_REFUSED = Set.of(403, 405, 501);

	/** Types that say nothing about what the bytes are. */
	private static final Set<String> GENERIC_TYPES = Set.of("application/octet-stream", "binary/octet-stream",
			"application/binary", "application/unknown");

	private static final String FIRST_KILOBYTE = "bytes=0-1023";

	/** Said for every kind of "no answer", so that results cannot map a network. */
	static final String NO_ANSWER = "no answer from the server";

	private static final int MAX_REDIRECTS = 5;

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	private static final Pattern CONTENT_RANGE_TOTAL = Pattern.compile("bytes\\s+[^/]*/(\\d+)");

	private final CloseableHttpClient http;

	private final HostPacer pacer;

	private final Lookup lookup;

	MediaProbe(MediaCheckSettings settings) {
		this(settings, settings.allowPrivateAddresses() ? PublicAddresses.Resolver.SYSTEM::resolve
				: host -> PublicAddresses.publicOnly(host, PublicAddresses.Resolver.SYSTEM));
	}

	/** With another lookup: tests stand in for DNS, or let a loopback server count as public. */
	MediaProbe(MediaCheckSettings settings, Lookup lookup) {
		this.lookup = lookup;
		DnsResolver checkedDns = new DnsResolver() {
			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				return lookup.allowedAddresses(host);
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host; // never asked to canonicalise: no Kerberos, no SPNEGO
			}
		};
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(checkedDns)
				.setMaxConnPerRoute(settings.parallelism())
				.setMaxConnTotal(settings.parallelism() * 2)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.of(settings.connectTimeout()))
					.setSocketTimeout(Timeout.of(settings.requestTimeout()))
					.build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.of(settings.requestTimeout()))
				.setRedirectsEnabled(false)
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.build();
		this.pacer = new HostPacer(settings.requestsPerSecondPerHost(), System::nanoTime);
	}

	/** Never throws for a bad URL or a bad server: those come back as an answer to judge. */
	ProbeAnswer probe(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return ProbeAnswer.failed("it is not a valid URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
			return ProbeAnswer.failed("it is not a web address");
		}
		try {
			ProbeAnswer head = exchange(uri, "HEAD");
			if (head.failure() != null) {
				return head;
			}
			if (HEAD_REFUSED.contains(head.status()) || head.status() < 300 && isGeneric(head.mediaType())) {
				return exchange(uri, "GET");
			}
			return head;
		}
		catch (IOException | RuntimeException ex) {
			// a refused address is an UnknownHostException from the lookup: worded like any other silence; a
			// certificate is refused only once its address passed, and says what to fix (often a company's proxy)
			String certificate = CertificateProblems.of(ex);
			return ProbeAnswer.failed(certificate != null ? certificate : NO_ANSWER);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ProbeAnswer.failed("the check was interrupted");
		}
	}

	/** One request, and the redirects it leads to; each address is checked before it is asked. */
	private ProbeAnswer exchange(URI start, String method) throws IOException, InterruptedException {
		URI uri = start;
		for (int redirects = 0;; redirects++) {
			if (!allowed(uri)) {
				return ProbeAnswer.failed(NO_ANSWER);
			}
			Sent sent = send(uri, method);
			if (!REDIRECTS.contains(sent.answer().status()) || sent.location() == null) {
				return sent.answer();
			}
			if (redirects == MAX_REDIRECTS) {
				return ProbeAnswer.failed("it redirects more than " + MAX_REDIRECTS + " times");
			}
			try {
				uri = uri.resolve(new URI(sent.location().strip()));
			}
			catch (URISyntaxException | IllegalArgumentException ex) {
				return ProbeAnswer.failed(NO_ANSWER);
			}
		}
	}

	/**
	 * A web address whose host may be asked. Checked here too, before any request: the connection's own lookup
	 * checks again, and only its addresses are connected to.
	 */
	private boolean allowed(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
			return false;
		}
		try {
			lookup.allowedAddresses(hostOf(uri));
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/** The host as DNS knows it: an IPv6 literal without its brackets. */
	private static String hostOf(URI uri) {
		String host = uri.getHost();
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
	}

	private record Sent(ProbeAnswer answer, String location) {
	}

	private Sent send(URI uri, String method) throws IOException, InterruptedException {
		pacer.await(uri.getHost());
		ClassicRequestBuilder request = ClassicRequestBuilder.create(method).setUri(uri)
			.addHeader("Accept", "image/*, video/*;q=0.9, */*;q=0.5");
		if (method.equals("GET")) {
			request.addHeader("Range", FIRST_KILOBYTE);
		}
		// closing the response before its body is read drops the connection: only the first bytes are wanted
		try (ClassicHttpResponse response = http.executeOpen(null, request.build(), null)) {
			int status = response.getCode();
			byte[] head = null;
			HttpEntity body = response.getEntity();
			if (method.equals("GET") && status < 300 && body != null) {
				try (InputStream in = body.getContent()) {
					head = in.readNBytes(MediaFormat.HEAD_BYTES);
				}
			}
			return new Sent(new ProbeAnswer(status, mediaType(response), size(status, response), head, null),
					header(response, "Location"));
		}
	}

	/** No type, or one that says nothing about what the bytes are. */
	static boolean isGeneric(String mediaType) {
		return mediaType == null || GENERIC_TYPES.contains(mediaType);
	}

	private static String mediaType(ClassicHttpResponse response) {
		String type = header(response, "Content-Type");
		if (type == null) {
			return null;
		}
		String mediaType = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		return mediaType.isEmpty() ? null : mediaType;
	}

	/** The whole file's size: a 206's Content-Range total, else Content-Length. */
	private static long size(int status, ClassicHttpResponse response) {
		if (status == 206) {
			String range = header(response, "Content-Range");
			if (range != null) {
				Matcher total = CONTENT_RANGE_TOTAL.matcher(range);
				return total.find() ? Long.parseLong(total.group(1)) : -1;
			}
			return -1;
		}
		String length = header(response, "Content-Length");
		try {
			return length == null ? -1 : Long.parseLong(length.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static String header(ClassicHttpResponse response, String name) {
		Header header = response.getFirstHeader(name);
		return header == null ? null : header.getValue();
	}

	@Override
	public void close() {
		http.close(CloseMode.IMMEDIATE);
	}
}

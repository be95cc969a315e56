package com.pinbatch.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a media server about one URL without downloading it: a HEAD, or a GET of the first kilobyte when the server
 * refuses HEAD (many CDNs and presigned-URL stores do) or declares no useful type (then the bytes tell).
 * <p>
 * Redirects are followed here, a few at most, so that every address asked passes {@link PublicAddresses} first.
 * Whatever keeps a server from answering (refused, not allowed, unknown, silent) is worded the same: the result
 * file must not tell which hosts and ports exist behind it.
 */
final class MediaProbe {

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

	private final HttpClient http;

	private final MediaCheckSettings settings;

	private final HostPacer pacer;

	/** Whether a host name or address may be asked when private addresses are not allowed. */
	private final Predicate<String> publicHost;

	MediaProbe(MediaCheckSettings settings) {
		this(settings, PublicAddresses::allows);
	}

	/** With another idea of "public", so that tests on loopback can see a redirect into a refused host. */
	MediaProbe(MediaCheckSettings settings, Predicate<String> publicHost) {
		this.settings = settings;
		this.publicHost = publicHost;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
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
		catch (IOException ex) {
			return ProbeAnswer.failed(NO_ANSWER);
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
			HttpRequest.Builder request = HttpRequest.newBuilder(uri);
			if (method.equals("GET")) {
				request.GET().header("Range", FIRST_KILOBYTE);
			}
			else {
				request.method("HEAD", HttpRequest.BodyPublishers.noBody());
			}
			Sent sent = send(uri, request);
			Optional<String> location = sent.response().headers().firstValue("Location");
			if (!REDIRECTS.contains(sent.answer().status()) || location.isEmpty()) {
				return sent.answer();
			}
			if (redirects == MAX_REDIRECTS) {
				return ProbeAnswer.failed("it redirects more than " + MAX_REDIRECTS + " times");
			}
			try {
				uri = uri.resolve(new URI(location.get().strip()));
			}
			catch (URISyntaxException | IllegalArgumentException ex) {
				return ProbeAnswer.failed(NO_ANSWER);
			}
		}
	}

	/** A web address whose host may be asked: public, unless private addresses are allowed. */
	private boolean allowed(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
			return false;
		}
		return settings.allowPrivateAddresses() || publicHost.test(uri.getHost());
	}

	private record Sent(HttpResponse<?> response, ProbeAnswer answer) {
	}

	private Sent send(URI uri, HttpRequest.Builder request) throws IOException, InterruptedException {
		pacer.await(uri.getHost());
		request.timeout(settings.requestTimeout()).header("Accept", "image/*, video/*;q=0.9, */*;q=0.5");
		HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		byte[] head = null;
		// closing the stream early stops the download: only the first bytes are wanted, if any
		try (InputStream body = response.body()) {
			if (response.request().method().equals("GET") && response.statusCode() < 300) {
				head = body.readNBytes(MediaFormat.HEAD_BYTES);
			}
		}
		HttpHeaders headers = response.headers();
		return new Sent(response, new ProbeAnswer(response.statusCode(), mediaType(headers),
				size(response.statusCode(), headers), head, null));
	}

	/** No type, or one that says nothing about what the bytes are. */
	static boolean isGeneric(String mediaType) {
		return mediaType == null || GENERIC_TYPES.contains(mediaType);
	}

	private static String mediaType(HttpHeaders headers) {
		return headers.firstValue("Content-Type")
			.map(value -> value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
			.filter(value -> !value.isEmpty())
			.orElse(null);
	}

	/** The whole file's size: a 206's Content-Range total, else Content-Length. */
	private static long size(int status, HttpHeaders headers) {
		if (status == 206) {
			Optional<String> range = headers.firstValue("Content-Range");
			if (range.isPresent()) {
				Matcher total = CONTENT_RANGE_TOTAL.matcher(range.get());
				return total.find() ? Long.parseLong(total.group(1)) : -1;
			}
			return -1;
		}
		return headers.firstValueAsLong("Content-Length").orElse(-1);
	}

}

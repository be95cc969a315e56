package com.pinbatch.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a media server about one URL without downloading it: a HEAD, or a GET of the first kilobyte when the server
 * refuses HEAD (many CDNs and presigned-URL stores do) or declares no useful type (then the bytes tell).
 */
final class MediaProbe {

	/** Statuses with which servers refuse HEAD while serving GET. */
	private static final Set<Integer> HEAD_REFUSED = Set.of(403, 405, 501);

	/** Types that say nothing about what the bytes are. */
	private static final Set<String> GENERIC_TYPES = Set.of("application/octet-stream", "binary/octet-stream",
			"application/binary", "application/unknown");

	private static final String FIRST_KILOBYTE = "bytes=0-1023";

	private static final Pattern CONTENT_RANGE_TOTAL = Pattern.compile("bytes\\s+[^/]*/(\\d+)");

	private final HttpClient http;

	private final MediaCheckSettings settings;

	private final HostPacer pacer;

	MediaProbe(MediaCheckSettings settings) {
		this.settings = settings;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
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
			HttpRequest.Builder headRequest = HttpRequest.newBuilder(uri)
				.method("HEAD", HttpRequest.BodyPublishers.noBody());
			ProbeAnswer head = send(uri, headRequest);
			if (HEAD_REFUSED.contains(head.status()) || head.status() < 300 && isGeneric(head.mediaType())) {
				return send(uri, HttpRequest.newBuilder(uri).GET().header("Range", FIRST_KILOBYTE));
			}
			return head;
		}
		catch (HttpConnectTimeoutException ex) {
			return ProbeAnswer.failed("no connection within " + seconds(settings.connectTimeout().toMillis()));
		}
		catch (HttpTimeoutException ex) {
			return ProbeAnswer.failed("no answer within " + seconds(settings.requestTimeout().toMillis()));
		}
		catch (ConnectException ex) {
			return ProbeAnswer.failed("connection refused");
		}
		catch (IOException ex) {
			return ProbeAnswer.failed(describe(ex, uri));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ProbeAnswer.failed("the check was interrupted");
		}
	}

	private ProbeAnswer send(URI uri, HttpRequest.Builder request) throws IOException, InterruptedException {
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
		return new ProbeAnswer(response.statusCode(), mediaType(headers), size(response.statusCode(), headers), head,
				null);
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

	/** JDK network exceptions often carry no message of their own, only a cause or a type. */
	private static String describe(IOException failure, URI uri) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
				return "the host " + uri.getHost() + " is not known";
			}
			if (cause instanceof ConnectException) {
				return "connection refused";
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				return cause.getMessage();
			}
		}
		return failure.getClass().getSimpleName();
	}

	private static String seconds(long millis) {
		return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
	}
}

package com.pinbatch.media;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.pinbatch.net.PublicAddresses;
import com.pinbatch.pin.Media;
import com.pinbatch.pin.MediaKind;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

class MediaCheckerTests {

	private static final byte[] PHOTO = MediaSamples.content(MediaSamples.JPEG, "x".repeat(2000));

	private static final long FORTY_MEGABYTES = 40L * 1024 * 1024;

	private HttpServer server;

	private ExecutorService serverThreads;

	/** "METHOD /path Range" of every request the media server received. */
	private final List<String> requests = new CopyOnWriteArrayList<>();

	/** Holds the slow handler's answer until the test ends. */
	private final CountDownLatch releaseSlowAnswer = new CountDownLatch(1);

	private MediaChecker checker;

	@BeforeEach
	void startMediaServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		serverThreads = Executors.newCachedThreadPool();
		server.setExecutor(serverThreads);
		serve("/photo.jpg", exchange -> respond(exchange, 200, "image/jpeg", PHOTO));
		serve("/share/abc", exchange -> respond(exchange, 200, "text/html; charset=utf-8",
				"<!DOCTYPE html><html><body>Open in Drive</body></html>".getBytes(StandardCharsets.UTF_8)));
		serve("/gone.jpg", exchange -> respond(exchange, 404, "text/plain", "not found".getBytes()));
		serve("/broken.jpg", exchange -> respond(exchange, 503, "text/plain", "busy".getBytes()));
		serve("/poster.jpg", exchange -> headersOnly(exchange, 200, "image/jpeg", FORTY_MEGABYTES));
		serve("/clip.mp4", exchange -> headersOnly(exchange, 200, "video/mp4", 5_000_000));
		serve("/scan.bmp", exchange -> headersOnly(exchange, 200, "image/bmp", 5_000));
		serve("/signed.png", this::refuseHeadButServeRange);
		serve("/download/1", exchange -> respond(exchange, 200, "application/octet-stream",
				MediaSamples.content(MediaSamples.PNG, "y".repeat(3000))));
		serve("/download/2", exchange -> respond(exchange, 200, "application/octet-stream",
				"<!DOCTYPE html><html>sign in</html>".getBytes(StandardCharsets.UTF_8)));
		serve("/latest", exchange -> {
			exchange.getResponseHeaders().set("Location", "/photo.jpg");
			headersOnly(exchange, 302, null, -1);
		});
		serve("/slow.jpg", exchange -> {
			try {
				releaseSlowAnswer.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			respond(exchange, 200, "image/jpeg", PHOTO);
		});
		server.start();
		// the media server is on loopback: these tests allow private addresses (the tests below refuse them)
		checker = new MediaChecker(new MediaCheckSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 4, 1000, true));
	}

	@AfterEach
	void stopMediaServer() {
		checker.close();
		releaseSlowAnswer.countDown();
		server.stop(0);
		serverThreads.shutdownNow();
	}

	@Test
	void anImageIsFineAndCarriesItsTypeAndSize() {
		MediaCheckResult result = checker.check(url("/photo.jpg"), MediaKind.IMAGE);

		assertThat(result.ok()).isTrue();
		assertThat(result.contentType()).isEqualTo("image/jpeg");
		assertThat(result.size()).isEqualTo(PHOTO.length);
		assertThat(requests).containsExactly("HEAD /photo.jpg -");
	}

	@Test
	void anHtmlPageIsFlaggedAsAWebPage() {
		MediaCheckResult result = checker.check(url("/share/abc"), MediaKind.IMAGE);

		assertThat(result.ok()).isFalse();
		assertThat(result.problem().code()).isEqualTo("media_is_web_page");
		assertThat(result.problem().message()).contains(url("/share/abc"), "Google Drive", "direct link");
	}

	@Test
	void aMissingFileIsUnreachableWithItsStatus() {
		MediaCheckResult result = checker.check(url("/gone.jpg"), MediaKind.IMAGE);

		assertThat(result.problem().code()).isEqualTo("media_unreachable");
		assertThat(result.problem().message()).contains(url("/gone.jpg"), "HTTP 404", "public");
	}

	@Test
	void aCertificateJavaDoesNotTrustIsSaidSoNotCalledSilence() {
		// a server whose certificate no authority Java knows signed, as a company proxy that inspects https re-signs
		WireMockServer https = new WireMockServer(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort()
			.bindAddress("127.0.0.1"));
		https.start();
		try {
			https.stubFor(head(urlEqualTo("/photo.jpg")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "image/jpeg")));
			String url = "https://localhost:" + https.httpsPort() + "/photo.jpg";

			MediaCheckResult result = checker.check(url, MediaKind.IMAGE);

			assertThat(result.problem().code()).isEqualTo("media_unreachable");
			assertThat(result.problem().message()).contains(url, "its https certificate is signed by no authority"
					+ " this Java trusts", "keytool -importcert");
		}
		finally {
			https.stop();
		}
	}

	@Test
	void aFailingServerIsUnreachableWithItsStatus() {
		MediaCheckResult result = checker.check(url("/broken.jpg"), MediaKind.IMAGE);

		assertThat(result.problem().code()).isEqualTo("media_unreachable");
		assertThat(result.problem().message()).contains("HTTP 503", "try again later");
	}

	@Test
	void anOversizedImageIsFlaggedFromItsContentLengthWithoutDownloadingIt() {
		MediaCheckResult result = checker.check(url("/poster.jpg"), MediaKind.IMAGE);

		assertThat(result.problem().code()).isEqualTo("media_too_large");
		assertThat(result.problem().message()).contains(url("/poster.jpg"), "40.0 MB", "images up to 32 MB");
		assertThat(requests).containsExactly("HEAD /poster.jpg -");
	}

	@Test
	void aVideoOfThatSizeIsFine() {
		MediaCheckResult result = checker.check(url("/clip.mp4"), MediaKind.VIDEO);

		assertThat(result.ok()).isTrue();
		assertThat(result.contentType()).isEqualTo("video/mp4");
	}

	@Test
	void aServerRefusingHeadIsAskedForTheFirstKilobyte() {
		MediaCheckResult result = checker.check(url("/signed.png"), MediaKind.IMAGE);

		assertThat(result.ok()).isTrue();
		assertThat(result.contentType()).isEqualTo("image/png");
		assertThat(result.size()).isEqualTo(5000);
		assertThat(requests).containsExactly("HEAD /signed.png -", "GET /signed.png bytes=0-1023");
	}

	@Test
	void aVideoForAnImagePinIsAMismatchAndTheUrlIsProbedOnce() {
		MediaCheckResult asImage = checker.check(url("/clip.mp4"), MediaKind.IMAGE);
		MediaCheckResult asVideo = checker.check(url("/clip.mp4"), MediaKind.VIDEO);

		assertThat(asImage.problem().code()).isEqualTo("media_type_mismatch");
		assertThat(asImage.problem().message()).contains("is an MP4 video, but this pin needs an image");
		assertThat(asVideo.ok()).isTrue();
		assertThat(requests).containsExactly("HEAD /clip.mp4 -");
	}

	@Test
	void anImageForAVideoPinIsAMismatch() {
		MediaCheckResult result = checker.check(url("/photo.jpg"), MediaKind.VIDEO);

		assertThat(result.problem().code()).isEqualTo("media_type_mismatch");
		assertThat(result.problem().message()).contains("is a JPEG image, but this pin needs a video");
	}

	@Test
	void aTypePinterestDoesNotTakeIsNamed() {
		MediaCheckResult result = checker.check(url("/scan.bmp"), MediaKind.IMAGE);

		assertThat(result.problem().code()).isEqualTo("unsupported_media_type");
		assertThat(result.problem().message()).contains("served as image/bmp");
	}

	@Test
	void aGenericTypeIsSettledByTheFirstBytes() {
		MediaCheckResult image = checker.check(url("/download/1"), MediaKind.IMAGE);
		MediaCheckResult page = checker.check(url("/download/2"), MediaKind.IMAGE);

		assertThat(image.ok()).isTrue();
		assertThat(image.contentType()).isEqualTo("image/png");
		assertThat(page.problem().code()).isEqualTo("media_is_web_page");
		assertThat(requests).contains("GET /download/1 bytes=0-1023", "GET /download/2 bytes=0-1023");
	}

	@Test
	void redirectsAreFollowed() {
		MediaCheckResult result = checker.check(url("/latest"), MediaKind.IMAGE);

		assertThat(result.ok()).isTrue();
		assertThat(result.contentType()).isEqualTo("image/jpeg");
		assertThat(requests).containsExactly("HEAD /latest -", "HEAD /photo.jpg -");
	}

	@Test
	void aRefusedConnectionIsUnreachable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		String url = "http://127.0.0.1:" + closedPort + "/photo.jpg";

		MediaCheckResult result = checker.check(url, MediaKind.IMAGE);

		assertThat(result.problem().code()).isEqualTo("media_unreachable");
		assertThat(result.problem().message()).contains(url, "(no answer from the server)");
	}

	@Test
	void aServerThatDoesNotAnswerInTimeIsUnreachable() {
		try (MediaChecker impatient = new MediaChecker(
				new MediaCheckSettings(Duration.ofSeconds(1), Duration.ofMillis(300), 4, 1000, true))) {
			MediaCheckResult result = impatient.check(url("/slow.jpg"), MediaKind.IMAGE);

			assertThat(result.problem().code()).isEqualTo("media_unreachable");
			assertThat(result.problem().message()).contains("(no answer from the server)");
		}
	}

	@Test
	void loopbackPrivateAndMetadataAddressesAreNotAskedAndWordedLikeAnyServerThatDoesNotAnswer() {
		List<String> urls = List.of(url("/photo.jpg"), "http://localhost:" + server.getAddress().getPort() + "/x.jpg",
				"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1:8080/x.jpg", "http://192.168.1.1/x.jpg",
				"http://[::1]:" + server.getAddress().getPort() + "/photo.jpg", "http://[::ffff:127.0.0.1]/x.jpg",
				"http://0.0.0.0/x.jpg", "http://100.64.0.1/x.jpg");
		try (MediaChecker guarded = new MediaChecker(publicOnly())) {
			for (String url : urls) {
				MediaCheckResult result = guarded.check(url, MediaKind.IMAGE);

				assertThat(result.problem().code()).as(url).isEqualTo("media_unreachable");
				assertThat(result.problem().message()).as(url).isEqualTo(unreachable(url));
			}
		}
		assertThat(requests).isEmpty();
	}

	@Test
	void aClosedPortReadsLikeARefusedAddress() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		String closed = "http://127.0.0.1:" + closedPort + "/photo.jpg";
		String refused = "http://10.0.0.1/photo.jpg";

		String closedMessage = checker.check(closed, MediaKind.IMAGE).problem().message();
		String refusedMessage;
		try (MediaChecker guarded = new MediaChecker(publicOnly())) {
			refusedMessage = guarded.check(refused, MediaKind.IMAGE).problem().message();
		}

		assertThat(closedMessage.replace(closed, "URL")).isEqualTo(refusedMessage.replace(refused, "URL"));
	}

	@Test
	void aRedirectIntoAPrivateAddressIsNotFollowed() {
		serve("/to-private", exchange -> {
			exchange.getResponseHeaders().set("Location", "http://localhost:" + server.getAddress().getPort()
					+ "/photo.jpg");
			headersOnly(exchange, 302, null, -1);
		});
		// 127.0.0.1 stands for a public server here; the redirect names localhost, which is loopback
		MediaProbe.Lookup loopbackIpAsPublic = host -> host.equals("127.0.0.1") ? InetAddress.getAllByName(host)
				: PublicAddresses.publicOnly(host, PublicAddresses.Resolver.SYSTEM);
		try (MediaChecker guarded = new MediaChecker(publicOnly(), loopbackIpAsPublic)) {
			MediaCheckResult result = guarded.check(url("/to-private"), MediaKind.IMAGE);

			assertThat(result.problem().code()).isEqualTo("media_unreachable");
			assertThat(result.problem().message()).isEqualTo(unreachable(url("/to-private")));
		}
		assertThat(requests).containsExactly("HEAD /to-private -");
	}

	@Test
	void aNameThatAnswersPublicWhenCheckedAndLoopbackWhenConnectedIsNeverConnectedTo() {
		// DNS rebinding: the name's first answer is a public address, every later one the loopback server's (the
		// system's own DNS gives loopback for this name too, so a client that asks it again reaches the server)
		AtomicInteger lookups = new AtomicInteger();
		byte[] publicAddress = { 93, (byte) 184, (byte) 216, 34 };
		PublicAddresses.Resolver rebinding = host -> new InetAddress[] { lookups.getAndIncrement() == 0
				? InetAddress.getByAddress(host, publicAddress) : InetAddress.getLoopbackAddress() };
		String url = "http://localhost:" + server.getAddress().getPort() + "/photo.jpg";

		try (MediaChecker guarded = new MediaChecker(publicOnly(),
				host -> PublicAddresses.publicOnly(host, rebinding))) {
			MediaCheckResult result = guarded.check(url, MediaKind.IMAGE);

			assertThat(result.problem().code()).isEqualTo("media_unreachable");
			assertThat(result.problem().message()).isEqualTo(unreachable(url));
		}
		// the connection asked DNS again and got loopback: refused, as the check would have refused it
		assertThat(lookups).hasValueGreaterThan(1);
		assertThat(requests).isEmpty();
	}

	@Test
	void redirectsEndAfterAFew() {
		serve("/loop", exchange -> {
			exchange.getResponseHeaders().set("Location", "/loop");
			headersOnly(exchange, 302, null, -1);
		});

		MediaCheckResult result = checker.check(url("/loop"), MediaKind.IMAGE);

		assertThat(result.problem().code()).isEqualTo("media_unreachable");
		assertThat(requests).hasSize(6);
	}

	private static MediaCheckSettings publicOnly() {
		return new MediaCheckSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 4, 1000, false);
	}

	private static String unreachable(String url) {
		return "'" + url + "' cannot be reached (no answer from the server) — check the address, and that the file"
				+ " opens in a browser without signing in";
	}

	@Test
	void checkAllProbesEachDistinctUrlOnceAndSkipsLocalFiles() {
		Media photo = new Media(url("/photo.jpg"), MediaKind.IMAGE, false);
		Media page = new Media(url("/share/abc"), MediaKind.IMAGE, false);
		Media local = new Media("/tmp/photo.jpg", MediaKind.IMAGE, true);

		Map<Media, MediaCheckResult> results = checker.checkAll(List.of(photo, page, photo, local, page));

		assertThat(results).containsOnlyKeys(photo, page);
		assertThat(results.get(photo).ok()).isTrue();
		assertThat(results.get(page).problem().code()).isEqualTo("media_is_web_page");
		assertThat(requests).containsExactlyInAnyOrder("HEAD /photo.jpg -", "HEAD /share/abc -");
	}

	private String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	private void serve(String path, HttpHandler handler) {
		server.createContext(path, exchange -> {
			try (exchange) {
				if (exchange.getRequestURI().getPath().equals(path)) {
					requests.add(exchange.getRequestMethod() + " " + path + " "
							+ (exchange.getRequestHeaders().containsKey("Range")
									? exchange.getRequestHeaders().getFirst("Range") : "-"));
					handler.handle(exchange);
				}
				else {
					headersOnly(exchange, 404, null, -1);
				}
			}
		});
	}

	/** Like a presigned-URL store: HEAD is forbidden, a ranged GET gets the first kilobyte of 5000 bytes. */
	private void refuseHeadButServeRange(HttpExchange exchange) throws IOException {
		if (exchange.getRequestMethod().equals("HEAD")) {
			headersOnly(exchange, 405, null, -1);
			return;
		}
		exchange.getResponseHeaders().set("Content-Range", "bytes 0-1023/5000");
		respond(exchange, 206, "image/png", MediaSamples.content(MediaSamples.PNG, "z".repeat(1016)));
	}

	/** Answers with a body, except to HEAD, which gets the same headers and no body. */
	private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
			throws IOException {
		if (exchange.getRequestMethod().equals("HEAD")) {
			headersOnly(exchange, status, contentType, body.length);
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/** Headers only; the Content-Length is declared by hand, as a HEAD answer does. */
	private static void headersOnly(HttpExchange exchange, int status, String contentType, long contentLength)
			throws IOException {
		if (contentType != null) {
			exchange.getResponseHeaders().set("Content-Type", contentType);
		}
		if (contentLength >= 0) {
			exchange.getResponseHeaders().set("Content-Length", Long.toString(contentLength));
		}
		exchange.sendResponseHeaders(status, -1);
	}
}

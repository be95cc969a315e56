package com.pinbatch.zernio;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.threeten.extra.MutableClock;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.pinbatch.throttle.PacedSender;
import com.pinbatch.throttle.ThrottleListener;
import com.pinbatch.throttle.ThrottleSettings;

import tools.jackson.databind.json.JsonMapper;

/**
 * Zernio's certificate as a company network may present it: signed by the company's own authority (a proxy or
 * firewall that inspects https), which Java does not trust. Here a server with a certificate of its own stands in.
 */
class ZernioClientTlsTests {

	private static final String KEY = "sk_test_0123456789abcdef0123456789abcdef0123456789abcdef01234567";

	@RegisterExtension
	static final WireMockExtension zernio = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"))
		.build();

	@Test
	void aCertificateJavaDoesNotTrustIsSaidSoWithWhatToDo() {
		zernio.stubFor(get(urlPathEqualTo("/api/v1/accounts")).willReturn(okJson("{\"accounts\":[]}")));
		ZernioClient client = new ZernioClient(new ZernioClientSettings(
				URI.create("https://localhost:" + zernio.getHttpsPort() + "/api"), KEY, Duration.ofSeconds(2),
				Duration.ofSeconds(5)), JsonMapper.builder().build());

		assertThatThrownBy(client::listPinterestAccounts).isInstanceOf(ZernioApiException.class)
			.hasMessage("cannot reach Zernio at localhost:" + zernio.getHttpsPort() + ": its https certificate is"
					+ " signed by no authority this Java trusts; on a company network, most often a proxy or firewall that"
					+ " inspects https with the company's own certificate: add that certificate to Java's trust store"
					+ " (keytool -importcert -cacerts -alias company -file company-root.crt), or give Java the"
					+ " company's (-Djavax.net.ssl.trustStore=FILE in JAVA_TOOL_OPTIONS)");
	}

	@Test
	void aRefusedCertificateIsNotAskedAgain() throws Exception {
		// given: a client paced as the run's are (a failed connection is asked again after a wait, on a clock that
		// moves only when the pace waits), through a proxy that counts the connections made
		zernio.stubFor(get(urlPathEqualTo("/api/v1/accounts")).willReturn(okJson("{\"accounts\":[]}")));
		MutableClock time = MutableClock.epochUTC();
		PacedSender pace = new PacedSender((request, requestId) -> {
			throw new AssertionError("no create here");
		}, new ThrottleSettings(null, 600, 1.0, 25, 25, 3, Duration.ofMillis(1), Duration.ofMillis(5),
				Duration.ofSeconds(1), 8), ThrottleListener.NONE, time, time::add);
		try (TunnellingProxy proxy = TunnellingProxy.open()) {
			URI api = URI.create("https://zernio.test:" + zernio.getHttpsPort() + "/api");
			HttpProxy httpsProxy = HttpProxy.of(null, null, api, name -> name.equals("https_proxy") ? proxy.address()
					: null);
			ZernioClient client = new ZernioClient(new ZernioClientSettings(api, KEY, Duration.ofSeconds(2),
					Duration.ofSeconds(5), httpsProxy), JsonMapper.builder().build()).pacedBy(pace.requestGate());

			// when / then: one connection, and the run stops at once (asking again changes nothing until the user
			// fixes the trust store); before, three, the pace's attempts at a failed connection
			assertThatThrownBy(client::listPinterestAccounts).isInstanceOf(CertificateRefusedException.class);
			assertThat(proxy.connects()).hasSize(1);
		}
	}

	@Test
	void throughAProxyHttpsGoesInItsTunnelAndAnInspectingProxysCertificateIsSaidSo() throws Exception {
		// given: https_proxy, and Zernio by a name only the proxy resolves, answering with a certificate Java does not
		// trust (as a proxy that inspects https presents the company's)
		zernio.stubFor(get(urlPathEqualTo("/api/v1/accounts")).willReturn(okJson("{\"accounts\":[]}")));
		try (TunnellingProxy proxy = TunnellingProxy.open()) {
			URI api = URI.create("https://zernio.test:" + zernio.getHttpsPort() + "/api");
			HttpProxy httpsProxy = HttpProxy.of(null, null, api, name -> name.equals("https_proxy") ? proxy.address()
					: null);
			ZernioClient client = new ZernioClient(new ZernioClientSettings(api, KEY, Duration.ofSeconds(2),
					Duration.ofSeconds(5), httpsProxy), JsonMapper.builder().build());

			// when / then: the request went into the proxy's tunnel, and the refusal says what to do
			assertThatThrownBy(client::listPinterestAccounts).isInstanceOf(ZernioApiException.class)
				.hasMessageStartingWith("cannot reach Zernio at zernio.test:" + zernio.getHttpsPort()
						+ " through the proxy " + proxy.address().substring("http://".length())
						+ " (https_proxy): its https certificate is signed by no authority this Java trusts");
			assertThat(proxy.connects()).containsExactly("CONNECT zernio.test:" + zernio.getHttpsPort() + " HTTP/1.1");
		}
	}
}

package com.pinbatch.zernio;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import tools.jackson.databind.json.JsonMapper;

/** Zernio reached through a company's HTTP proxy, as https_proxy names it. */
class ZernioClientThroughProxyTests {

	private static final String KEY = "sk_test_0123456789abcdef0123456789abcdef0123456789abcdef01234567";

	@RegisterExtension
	static final WireMockExtension zernio = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	/** A proxy that lets this machine through, and one that wants credentials, given in https_proxy's way. */
	@ParameterizedTest(name = "credentials wanted: {0}")
	@ValueSource(booleans = { false, true })
	void everyCallGoesThroughTheProxyWithTheKey(boolean credentialsWanted) throws IOException {
		// given (an @ in the password written %40)
		stubAccountsAndCreate();
		try (ForwardingProxy proxy = credentialsWanted ? ForwardingProxy.wanting("marketing", "s3cret p@ss")
				: ForwardingProxy.open()) {
			ZernioClient client = clientThrough(credentialsWanted ? proxy.address("marketing:s3cret%20p%40ss")
					: proxy.address(), null);

			// when
			List<Account> accounts = client.listPinterestAccounts();
			SendResult created = client.createPost(aPin(), "req-1");

			// then: both passed through the proxy, none refused; Zernio got the key
			assertThat(accounts).hasSize(1);
			assertThat(created).isInstanceOf(SendResult.Created.class);
			assertThat(proxy.passed()).hasSize(2);
			assertThat(proxy.refused()).isEmpty();
			assertThat(zernio.getAllServeEvents()).hasSize(2).allSatisfy(
					event -> assertThat(event.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY));
		}
	}

	@Test
	void aProxyThatWantsCredentialsNoneGivenStopsSayingWhereToGiveThem() throws IOException {
		// given: a proxy that wants credentials, and https_proxy without them
		stubAccountsAndCreate();
		try (ForwardingProxy proxy = ForwardingProxy.wanting("marketing", "s3cret")) {
			ZernioClient client = clientThrough(proxy.address(), null);

			// when / then: look-ups stop the run with what to do, and a create is known not sent (nothing passed on)
			assertThatThrownBy(client::listPinterestAccounts).isInstanceOf(AccessRefusedException.class)
				.hasMessage("the proxy 127.0.0.1:" + proxy.port() + " (https_proxy) asks for a user name and password"
						+ " (407): give them in https_proxy as http://USER:PASSWORD@127.0.0.1:" + proxy.port());
			assertThat(client.createPost(aPin(), "req-1")).isInstanceOf(SendResult.AccessRefused.class);
			assertThat(proxy.refused()).hasSize(2);
			zernio.verify(0, anyRequestedFor(anyUrl()));
		}
	}

	@Test
	void credentialsTheProxyRefusesStopWithoutNamingThePassword() throws IOException {
		// given
		stubAccountsAndCreate();
		try (ForwardingProxy proxy = ForwardingProxy.wanting("marketing", "s3cret")) {
			ZernioClient client = clientThrough(proxy.address("marketing:wrong-one"), null);

			// when / then
			assertThatThrownBy(client::listPinterestAccounts).isInstanceOf(AccessRefusedException.class)
				.hasMessage("the proxy 127.0.0.1:" + proxy.port() + " (https_proxy) refused the user name and password"
						+ " given in https_proxy (407): check them")
				.hasMessageNotContaining("wrong-one");
			zernio.verify(0, anyRequestedFor(anyUrl()));
		}
	}

	@Test
	void aHostInNoProxyIsReachedDirectly() throws IOException {
		// given: the proxy, and no_proxy naming Zernio's host (a name only the proxy could resolve)
		try (ForwardingProxy proxy = ForwardingProxy.open()) {
			ZernioClient client = clientThrough(proxy.address(), "example.org,zernio.test");

			// when / then: asked directly, the name is not found (or not within the time-out, where DNS is slow); the
			// proxy saw nothing
			assertThatThrownBy(client::listPinterestAccounts).isInstanceOf(ZernioApiException.class)
				.hasMessageNotContaining("proxy");
			assertThat(proxy.passed()).isEmpty();
		}
	}

	@Test
	void thisMachinesOwnAddressesAreReachedDirectlyWithoutTheProxysCredentials() throws IOException {
		// given: a proxy with credentials, and Zernio on loopback (a served sandbox, say): no_proxy need not name it
		stubAccountsAndCreate();
		try (ForwardingProxy proxy = ForwardingProxy.open()) {
			ZernioClient client = clientThrough(proxy.address("marketing:s3cret"), null, zernio.baseUrl() + "/api");

			// when
			client.listPinterestAccounts();

			// then: asked directly, and the proxy's credentials went nowhere
			assertThat(proxy.passed()).isEmpty();
			assertThat(zernio.getAllServeEvents()).hasSize(1)
				.allSatisfy(event -> assertThat(event.getRequest().containsHeader("Proxy-Authorization")).isFalse());
		}
	}

	@Test
	void aProxyThatCannotBeReachedIsNamedInTheMessage() throws IOException {
		// given: https_proxy naming a port nothing listens on
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ZernioClient client = clientThrough("http://127.0.0.1:" + closedPort, null);

		// when / then
		assertThatThrownBy(client::listPinterestAccounts).isInstanceOf(ZernioApiException.class)
			.hasMessageContaining("through the proxy 127.0.0.1:" + closedPort + " (https_proxy)");
		assertThat(((SendResult.NoAnswer) client.createPost(aPin(), "req-1")).message())
			.contains("through the proxy 127.0.0.1:" + closedPort + " (https_proxy)");
	}

	/** A client of Zernio by a name only the proxy resolves (as a company's network may have it). */
	private ZernioClient clientThrough(String httpsProxy, String noProxy) {
		return clientThrough(httpsProxy, noProxy, ForwardingProxy.named(zernio.baseUrl()) + "/api");
	}

	private ZernioClient clientThrough(String httpsProxy, String noProxy, String root) {
		URI api = URI.create(root);
		HttpProxy proxy = HttpProxy.of(null, null, URI.create("https://zernio.com/api"),
				name -> switch (name) {
					case "https_proxy" -> httpsProxy;
					case "no_proxy" -> noProxy;
					default -> null;
				});
		return new ZernioClient(new ZernioClientSettings(api, KEY, Duration.ofSeconds(2), Duration.ofSeconds(5), proxy),
				JsonMapper.builder().build());
	}

	private static void stubAccountsAndCreate() {
		zernio.stubFor(get(urlPathEqualTo("/api/v1/accounts")).willReturn(okJson("""
				{"accounts":[{"_id":"65f1a2b3c4d5e6f708091a01","platform":"pinterest","username":"acme-home",
				  "isActive":true}]}""")));
		zernio.stubFor(post("/api/v1/posts").willReturn(okJson("""
				{"message":"Post scheduled successfully","post":{"_id":"66aa00000000000000000001",
				 "status":"scheduled","platforms":[{"platform":"pinterest","status":"pending",
				   "accountId":{"_id":"65f1a2b3c4d5e6f708091a01","username":"acme-home","isActive":true}}]}}
				""").withStatus(201)));
	}

	private static CreatePostRequest aPin() {
		return new CreatePostRequest("Oak shelves",
				List.of(new CreatePostRequest.MediaItem("image", "https://images.example.com/k.jpg", null)),
				List.of(new CreatePostRequest.PlatformTarget("pinterest", "65f1a2b3c4d5e6f708091a01",
						new CreatePostRequest.PinterestData("Kitchen", "918273645500000001", null, null, null))),
				"2026-09-02T14:00:00Z", null, "UTC", null, null);
	}
}

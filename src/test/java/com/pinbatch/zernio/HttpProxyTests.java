package com.pinbatch.zernio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The proxy a user's environment names, read as curl reads it. */
class HttpProxyTests {

	private static final URI ZERNIO = URI.create("https://zernio.com/api");

	@Test
	void httpsProxyComesBeforeItsCapitalsAndAllProxy() {
		HttpProxy proxy = HttpProxy.of(null, null, ZERNIO, Map.of("https_proxy", "http://lower:3128", "HTTPS_PROXY",
				"http://upper:3128", "all_proxy", "http://all:3128")::get);

		assertThat(proxy.describe()).isEqualTo("lower:3128 (https_proxy)");
	}

	@Test
	void theConfiguredProxyComesBeforeTheEnvironments() {
		HttpProxy proxy = HttpProxy.of("http://configured:8080", "zernio.com", ZERNIO,
				Map.of("https_proxy", "http://env:3128", "no_proxy", "other.example")::get);

		assertThat(proxy.describe()).isEqualTo("configured:8080 (zernio.proxy)");
		assertThat(proxy.bypasses("zernio.com")).isTrue();
		assertThat(proxy.bypasses("other.example")).isFalse();
	}

	@Test
	void aPlainHttpTargetTakesHttpProxyButNotItsCapitals() {
		URI sandbox = URI.create("http://zernio.test/api");

		assertThat(HttpProxy.of(null, null, sandbox, Map.of("https_proxy", "http://s:1", "HTTP_PROXY",
				"http://from-a-cgi-header:1")::get)).isNull();
		assertThat(HttpProxy.of(null, null, sandbox, Map.of("http_proxy", "http://p:1")::get).describe())
			.isEqualTo("p:1 (http_proxy)");
	}

	@Test
	void noProxySettingAtAllIsNone() {
		assertThat(HttpProxy.of(null, null, ZERNIO, Map.of("no_proxy", "localhost", "https_proxy", " ")::get))
			.isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			http://proxy.corp:3128   | proxy.corp:3128
			proxy.corp:3128          | proxy.corp:3128
			http://proxy.corp        | proxy.corp:1080
			HTTP://Proxy.Corp:8080/  | Proxy.Corp:8080
			""")
	void addressesAreReadAsCurlReadsThem(String address, String described) {
		assertThat(HttpProxy.parse(address, null, "https_proxy").describe()).isEqualTo(described + " (https_proxy)");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			socks5://proxy.corp:1080         | is a socks5 proxy (socks5://proxy.corp:1080): pinbatch goes through an
			https://proxy.corp:443           | is a https proxy (https://proxy.corp:443): pinbatch goes through an HTTP
			http://                          | (http://) is not a proxy's address such as http://proxy.example:3128
			http://proxy corp:3128           | (http://proxy corp:3128) is not a proxy's address
			socks5://me:s3cret@proxy.corp:1 | is a socks5 proxy (socks5://proxy.corp:1): pinbatch goes through an HTTP
			""")
	void whatIsNotAnHttpProxyIsRefusedInOneLineWithoutItsPassword(String address, String message) {
		assertThatThrownBy(() -> HttpProxy.parse(address, null, "https_proxy"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("https_proxy " + message)
			.hasMessageNotContaining("s3cret");
	}

	@Test
	void credentialsInTheAddressAreTheProxysBasicAuthorizationAndArePrintedNowhere() {
		HttpProxy proxy = HttpProxy.parse("http://marketing:s3cret%40home@proxy.corp:3128", null, "https_proxy");

		assertThat(proxy.user()).isEqualTo("marketing");
		assertThat(proxy.password()).isEqualTo("s3cret@home");
		assertThat(proxy.authorization()).contains("Basic " + Base64.getEncoder()
			.encodeToString("marketing:s3cret@home".getBytes(StandardCharsets.UTF_8)));
		assertThat(proxy.describe()).isEqualTo("proxy.corp:3128 (https_proxy)");
		assertThat(proxy.toString()).doesNotContain("s3cret", "marketing");
		assertThat(HttpProxy.parse("http://me:pa+ss@proxy.corp:3128", null, "https_proxy").password())
			.isEqualTo("pa+ss");
		assertThat(HttpProxy.parse("http://proxy.corp:3128", null, "https_proxy").authorization()).isEmpty();
	}

	@Test
	void whatToDoAboutA407DependsOnWhetherCredentialsWereGiven() {
		assertThat(HttpProxy.parse("http://proxy.corp:3128", null, "https_proxy").credentialsProblem())
			.isEqualTo("the proxy proxy.corp:3128 (https_proxy) asks for a user name and password (407): give them in"
					+ " https_proxy as http://USER:PASSWORD@proxy.corp:3128");
		assertThat(HttpProxy.parse("http://me:wrong-one@proxy.corp:3128", null, "https_proxy").credentialsProblem())
			.isEqualTo("the proxy proxy.corp:3128 (https_proxy) refused the user name and password given in"
					+ " https_proxy (407): check them");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			example.com            | example.com        | true
			example.com            | www.example.com    | true
			.example.com           | www.example.com    | true
			*.example.com          | cdn.example.com    | true
			example.com            | notexample.com     | false
			example.com:443        | example.com        | true
			intranet.example       | localhost          | true
			intranet.example       | 127.0.0.1          | true
			intranet.example       | 127.1.2.3          | true
			intranet.example       | '[::1]'            | true
			intranet.example       | 128.0.0.1          | false
			intranet.example       | localhost.example  | false
			'[fd00::1]'            | '[fd00::1]'        | true
			*                      | zernio.com         | true
			zernio.com             | storage.zernio.io  | false
			""")
	void noProxyNamesHostsAndTheirSubdomainsAndLoopbackIsAlwaysDirect(String noProxy, String host, boolean direct) {
		HttpProxy proxy = HttpProxy.parse("http://proxy.corp:3128", noProxy, "https_proxy");

		assertThat(proxy.bypasses(host)).isEqualTo(direct);
		assertThat(proxy.selector().select(URI.create("https://" + host + "/api")).get(0).type())
			.isEqualTo(direct ? Proxy.Type.DIRECT : Proxy.Type.HTTP);
	}
}

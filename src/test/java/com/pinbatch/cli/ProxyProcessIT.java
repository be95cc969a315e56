package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.pinbatch.zernio.ForwardingProxy;
import com.pinbatch.zernio.TunnellingProxy;

import org.junit.jupiter.api.Test;

/**
 * The proxy as users name it, in the process's environment: only a process started with it reads it (in-process
 * tests set zernio.proxy instead). Its own class, so that it runs beside the longer process tests.
 */
class ProxyProcessIT extends ProcessRuns {

	@Override
	List<String> repositoryArguments() {
		return List.of();
	}

	/** Zernio for this test: null for the sandbox by a name only the proxy resolves. */
	private String zernio;

	@Override
	String zernioBaseUrl() {
		return zernio != null ? zernio : ForwardingProxy.named(sandbox.baseUrl());
	}

	@Test
	void aRunWhoseEnvironmentNamesAProxySendsEveryRequestThroughIt() throws Exception {
		// given: a company network's proxy, named as curl reads it (http_proxy: the sandbox speaks plain http; the
		// JDK itself ignores the variable)
		Path input = pins(ROWS);
		try (ForwardingProxy proxy = ForwardingProxy.open()) {
			environment.put("http_proxy", proxy.address());

			// when
			int exit = runToEnd(input, "proxied");

			// then: every request Zernio received came through the proxy, and the run named it
			assertThat(exit).as(log("proxied")).isZero();
			assertEveryRowExactlyOnce(input);
			assertThat(proxy.passed()).hasSize(sandbox.requests().size());
			assertThat(log("proxied")).contains("Zernio is reached through the proxy 127.0.0.1:" + proxy.port()
					+ " (http_proxy)");
		}
	}

	@Test
	void theCredentialsOfHttpsProxyGoOnTheTunnelsConnect() throws Exception {
		// given: Zernio over https by a name only the proxy resolves, behind a proxy that wants a user name and
		// password; its certificate is one Java does not trust (a test server's), so the run stops once through
		WireMockServer https = new WireMockServer(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort()
			.bindAddress("127.0.0.1"));
		https.start();
		try (TunnellingProxy proxy = TunnellingProxy.wanting("marketing", "s3cret p@ss")) {
			zernio = "https://zernio.test:" + https.httpsPort() + "/api";
			environment.put("https_proxy", "http://marketing:s3cret%20p%40ss@127.0.0.1:" + proxy.port());

			// when
			int exit = runToEnd(pins(3), "tunnel");

			// then: the CONNECT carried the credentials (none refused), and the stop is the certificate's, past the
			// proxy (before: the JDK sent no credentials on a tunnel, and the run stopped at the proxy's 407)
			assertThat(exit).as(log("tunnel")).isEqualTo(1);
			assertThat(proxy.refused()).isEmpty();
			String connect = "CONNECT zernio.test:" + https.httpsPort() + " HTTP/1.1";
			assertThat(proxy.connects()).isNotEmpty().allSatisfy(line -> assertThat(line).isEqualTo(connect));
			assertThat(log("tunnel")).contains("through the proxy 127.0.0.1:" + proxy.port() + " (https_proxy): its"
					+ " https certificate is signed by no authority this Java trusts").doesNotContain("s3cret");
		}
		finally {
			https.stop();
		}
	}
}

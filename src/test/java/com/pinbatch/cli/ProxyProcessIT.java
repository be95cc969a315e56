package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.pinbatch.zernio.ForwardingProxy;

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

	/** The sandbox by a name only the proxy resolves, as a company's network may have it. */
	@Override
	String zernioBaseUrl() {
		return ForwardingProxy.named(sandbox.baseUrl());
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
}

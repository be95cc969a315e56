package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.pinbatch.zernio.ForwardingProxy;

import org.junit.jupiter.api.Test;

/** A run from a company network, where Zernio is reached through an HTTP proxy. */
class ProxyCommandLineTests extends SandboxedCommandLine {

	@Test
	void aRunThroughTheCompanysProxySendsEveryRequestThroughItAndSaysSo() throws IOException {
		// given
		Path input = shelfPins(3);
		try (ForwardingProxy proxy = ForwardingProxy.open()) {

			// when
			CommandLineRun run = throughProxy(proxy, "--input=" + input);

			// then: every request Zernio received came through the proxy, and the run named it at start
			assertThat(run.exitCode()).as(run.toString()).isZero();
			assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).hasSize(3)
				.allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PUBLISHED"));
			assertThat(creates()).hasSize(3);
			assertThat(proxy.passed()).hasSize(sandbox.requests().size());
			assertThat(run.out() + run.err()).contains("pinbatch: Zernio is reached through the proxy 127.0.0.1:"
					+ proxy.port() + " (zernio.proxy)");
		}
	}

	@Test
	void aProxyThatWantsAPasswordGetsTheOneInTheConfigurationAndPassesEveryRequestOn() throws IOException {
		// given: a proxy that lets no one through without a user name and password, given in the configuration as
		// a config file would (never on the command line)
		Path input = shelfPins(3);
		try (ForwardingProxy proxy = ForwardingProxy.wanting("marketing", "s3cret p@ss")) {
			System.setProperty("zernio.proxy", proxy.address("marketing:s3cret%20p%40ss"));
			CommandLineRun run;
			try {
				// when
				run = CommandLineRun.run(dir.resolve("data"), ForwardingProxy.named(sandbox.baseUrl()),
						quickFollowing("--input=" + input));
			}
			finally {
				System.clearProperty("zernio.proxy");
			}

			// then: every row published through the proxy, none refused, and the password is nowhere in the output
			assertThat(run.exitCode()).as(run.toString()).isZero();
			assertThat(creates()).hasSize(3);
			assertThat(proxy.refused()).isEmpty();
			assertThat(proxy.passed()).hasSize(sandbox.requests().size());
			assertThat(run.out() + run.err()).doesNotContain("s3cret");
		}
	}

	@Test
	void aProxyThatWantsAPasswordNoneGivenStopsTheRunInOneLineWithNothingSent() throws IOException {
		// given: a proxy that lets no one through without a user name and password
		Path input = shelfPins(3);
		try (ForwardingProxy proxy = ForwardingProxy.wanting("marketing", "s3cret")) {

			// when
			CommandLineRun run = throughProxy(proxy, "--input=" + input);

			// then: stopped, saying what to do; nothing reached Zernio, every row is PENDING
			assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
			assertThat(run.err())
				.contains("the proxy 127.0.0.1:" + proxy.port() + " (zernio.proxy) asks for a user name and password"
						+ " (407): give them in zernio.proxy as http://USER:PASSWORD@127.0.0.1:" + proxy.port())
				.doesNotContain("\tat ", "Exception");
			assertThat(sandbox.requests()).isEmpty();
			assertThat(ResultRows.read(dir.resolve("pins.results.csv"))).hasSize(3)
				.allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PENDING"));
		}
	}

	@Test
	void aMediaCheckBehindAProxySaysItAsksTheMediaHostsDirectly() throws IOException {
		// given: a pin whose image is on this machine (refused without a request: the check is about the note)
		Path input = Files.writeString(dir.resolve("pins.csv"), "title,media_url,board,account\n"
				+ "Shelf,https://127.0.0.1/shelf.jpg,Kitchen Ideas,acme-home\n");

		// when
		CommandLineRun run = run("--input=" + input, "--dry-run", "--sandbox", "--check-media",
				"--zernio.proxy=http://proxy.example:3128");

		// then: a network reached only through the proxy has its media unreachable, and the run said why at start
		assertThat(run.out() + run.err()).contains("note: --check-media asks each media host directly, not through"
				+ " the proxy proxy.example:3128 (zernio.proxy)");
	}

	/** The command line against the sandbox by a name only the proxy resolves, as a company's network may have it. */
	private CommandLineRun throughProxy(ForwardingProxy proxy, String... args) {
		String[] all = Arrays.copyOf(args, args.length + 1);
		all[args.length] = "--zernio.proxy=" + proxy.address();
		return CommandLineRun.run(dir.resolve("data"), ForwardingProxy.named(sandbox.baseUrl()), quickFollowing(all));
	}
}

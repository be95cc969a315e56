package com.pinbatch.console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.pinbatch.cli.PinbatchApplication;
import com.pinbatch.net.PublicAddresses;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code --serve} refuses to start: before any server listens, with one line and exit code 2. */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleStartTests {

	@TempDir
	Path dir;

	@Test
	void anAddressOthersCanReachWithoutUsersIsRefused() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = PinbatchApplication.run(new String[] { "--serve", "--sandbox", "--server.address=0.0.0.0",
				"--server.port=0", "--pinbatch.data-dir=" + dir }, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(exit).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(
				"pinbatch: the console would listen on 0.0.0.0, which other machines can reach, and no user is"
						+ " configured to log in: add pinbatch.console.users[0].name");
		assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("console on");
	}

	/**
	 * A blank address is every interface to the server, not loopback (before: it started, open to others without
	 * logins, and served until stopped: the time-out ends this test then).
	 */
	@Test
	@Timeout(120)
	void aBlankAddressWithoutUsersIsRefusedAsEveryInterface() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = PinbatchApplication.run(new String[] { "--serve", "--sandbox", "--server.address=",
				"--server.port=0", "--pinbatch.data-dir=" + dir }, new PrintStream(new ByteArrayOutputStream()),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(exit).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("pinbatch: the console would listen on 0.0.0.0,"
				+ " which other machines can reach, and no user is configured to log in");
	}

	@Test
	void aUserWithoutAPasswordHashIsRefusedInOneLineWithoutTheContextsWarning(CapturedOutput output) {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = PinbatchApplication.run(new String[] { "--serve", "--sandbox", "--server.port=0",
				"--pinbatch.console.users[0].name=maria", "--pinbatch.data-dir=" + dir },
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.isEqualTo("pinbatch: pinbatch.console.users[0].password-hash is not set: it must not be blank\n");
		// before: a WARN line of Spring's web server context, its whole cause chain in one line, came first
		assertThat(output.getAll()).doesNotContain("WARN", "Exception encountered during context initialization");
	}

	@Test
	void aLoginNamedAsTheConsolesOwnUserWithoutLoginsIsRefused() {
		// before: a login "local" was given the uploads and history of the console's earlier runs without logins
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = PinbatchApplication.run(new String[] { "--serve", "--sandbox", "--server.port=0",
				"--pinbatch.console.users[0].name=local", "--pinbatch.console.users[0].password-hash="
						+ "$2a$04$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234",
				"--pinbatch.data-dir=" + dir }, new PrintStream(new ByteArrayOutputStream()),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("pinbatch: pinbatch.console.users[0].name=local is"
				+ " not allowed: it is the name the console gives its one user without logins: choose another\n");
	}

	@Test
	void aPortInUseIsSaidWithWhatToDo() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int exit = PinbatchApplication.run(new String[] { "--serve", "--sandbox",
					"--server.port=" + taken.getLocalPort(), "--pinbatch.data-dir=" + dir },
					new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

			assertThat(exit).isEqualTo(1);
			// before: "cannot start the console: Address already in use"
			assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("pinbatch: cannot start the console: port "
					+ taken.getLocalPort() + " is in use (another pinbatch console, or another program): stop it, or"
					+ " choose another port with --server.port=PORT\n");
		}
	}

	@Test
	void aCertificateFileThatIsNotThereIsSaidSo() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = PinbatchApplication.run(new String[] { "--serve", "--sandbox", "--server.port=0",
				"--server.ssl.certificate=" + dir.resolve("cert.pem"),
				"--server.ssl.certificate-private-key=" + dir.resolve("key.pem"), "--pinbatch.data-dir=" + dir },
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(1);
		// before: "cannot start the console: /tmp/.../cert.pem"
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("pinbatch: cannot start the console: file not"
				+ " found: " + dir.resolve("cert.pem"));
	}

	@Test
	void serveTakesNoInput() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = PinbatchApplication.run(new String[] { "--serve", "--input=pins.csv" },
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(exit).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--serve starts the web console");
	}

	@Test
	void serveRefusesWhatOnlyARunOfTheCommandLineTakes() {
		// before: the follow-up (and a dry run, a summary, a report) ignored without a word, the console started
		// (in the test's folder: a refused command still writes the summary it was asked for)
		for (String option : List.of("--follow-up=" + dir.resolve("pins.results.csv"), "--dry-run",
				"--summary=" + dir.resolve("s.json"), "--report=" + dir.resolve("r.html"),
				"--results=" + dir.resolve("r.csv"))) {
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int exit = PinbatchApplication.run(new String[] { "--serve", option },
					new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
			assertThat(exit).as(option).isEqualTo(2);
			assertThat(err.toString(StandardCharsets.UTF_8)).as(option).startsWith("pinbatch: --")
				.contains("--serve").doesNotContain("\n" + "\t");
		}
	}

	@Test
	void withACertificateTheAddressIsHttpsAndNoWarningIsGiven() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.address", "0.0.0.0")
			.withProperty("local.server.port", "8443")
			.withProperty("server.ssl.certificate", "cert.pem")
			.withProperty("server.ssl.certificate-private-key", "key.pem");

		assertThat(address(environment).url()).isEqualTo("https://0.0.0.0:8443/");
		assertThat(address(environment).plainHttpWarning()).isNull();
	}

	@Test
	void plainHttpOpenToTheNetworkIsWarnedOfAndLoopbackIsNot() {
		MockEnvironment open = new MockEnvironment().withProperty("server.address", "0.0.0.0")
			.withProperty("local.server.port", "8080");
		MockEnvironment loopback = new MockEnvironment().withProperty("local.server.port", "8080");

		assertThat(address(open).url()).isEqualTo("http://0.0.0.0:8080/");
		assertThat(address(open).plainHttpWarning()).startsWith("note: the console is open to the network"
				+ " on 0.0.0.0 in plain http: logins and pages cross it readable; give it a certificate");
		assertThat(address(loopback).plainHttpWarning()).isNull();
	}

	@Test
	void loopbackAddressesAreTold() {
		assertThat(PublicAddresses.isLoopback("127.0.0.1")).isTrue();
		assertThat(PublicAddresses.isLoopback("::1")).isTrue();
		assertThat(PublicAddresses.isLoopback("localhost")).isTrue();
		assertThat(PublicAddresses.isLoopback("0.0.0.0")).isFalse();
		assertThat(PublicAddresses.isLoopback("192.168.1.10")).isFalse();
	}

	/** The console's address as a console without logins has it. */
	private static ConsoleAddress address(MockEnvironment environment) {
		return new ConsoleAddress(environment);
	}
}

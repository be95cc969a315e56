package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.pinbatch.cli.PinbatchApplication;

/**
 * The console without logins answers only when asked by a loopback name. A web page the user visits can point its
 * own name at 127.0.0.1 (DNS rebinding): the browser then takes the console for that page's site, and the page
 * could read the history, download result files and send pins with the user's key.
 */
class ConsoleHostNameTests {

	@TempDir
	static Path dir;

	private static ConfigurableApplicationContext console;

	private static int port;

	@BeforeAll
	static void startConsole() {
		console = PinbatchApplication.startConsole("--serve", "--sandbox", "--server.port=0",
				"--pinbatch.data-dir=" + dir.resolve("data"));
		port = Integer.parseInt(console.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	static void stopConsole() {
		console.close();
	}

	@Test
	void theUserReachesItByLoopbackNamesAndAddresses() throws IOException {
		assertThat(statusAskedAs("127.0.0.1:" + port)).isEqualTo(200);
		assertThat(statusAskedAs("localhost:" + port)).isEqualTo(200);
		assertThat(statusAskedAs("LOCALHOST")).isEqualTo(200);
		// a tunnel (ssh -L 9000:127.0.0.1:8080) names another port
		assertThat(statusAskedAs("localhost:9000")).isEqualTo(200);
	}

	/**
	 * Loopback alone let in every account of a shared machine: another user's browser (or curl) could send pins with
	 * the owner's key and download their result files by number. The table of the machine's connections names the
	 * account at the other end: this test's own requests come from the account that started the console.
	 */
	@Test
	void theAccountAtTheOtherEndOfAConnectionIsReadFromTheSystemsTable() throws IOException {
		String table = """
				  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
				   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 5043 1
				   1: 0100007F:D431 0100007F:1F90 06 00000000:00000000 03:00000000 00000000     0        0 0 3
				   2: 0100007F:D431 0100007F:1F90 01 00000000:00000000 00:00000000 00000000  1001        0 6120 1
				   3: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 6121 1
				   4: 0100007F:1F90 0200057F:1F90 01 00000000:00000000 00:00000000 00000000  1000        0 6122 1
				   5: 0200057F:1F90 0100007F:1F90 01 00000000:00000000 00:00000000 00000000 65534        0 6123 1
				   6: 0100007F:D433 0100007F:1F90 05 00000000:00000000 00:00000000 00000000  1000        0 6124 1
				""";
		InetAddress loopback = InetAddress.getByName("127.0.0.1");

		// the client's end, port 54321 to the console's 8080: another account's (not the uid 0 of an earlier
		// connection's line from the same port, closed and waiting: before, a console running as root let it in)
		assertThat(LocalUserOnly.uidIn(table, loopback, 54321, loopback, 8080)).hasValue(1001);
		assertThat(LocalUserOnly.uidIn(table, loopback, 54322, loopback, 8080)).isEmpty();
		// a client bound to the console's own port number on another loopback address: its own account (before, its
		// ports alone matched the console's end of the connection first, the owner's)
		assertThat(LocalUserOnly.uidIn(table, InetAddress.getByName("127.5.0.2"), 8080, loopback, 8080))
			.hasValue(65534);
		// a client that closed its side after sending its request (FIN_WAIT2) is still its account's
		assertThat(LocalUserOnly.uidIn(table, loopback, 54323, loopback, 8080)).hasValue(1000);
	}

	@Test
	void anIpv4ConnectionOfAnIpv6SocketIsReadFromTheIpv6Table() throws IOException {
		String table = """
				  sl  local_address                         remote_address                        st tx_queue\
				 rx_queue tr tm->when retrnsmt   uid  timeout inode
				   0: 0000000000000000FFFF00000100007F:D432 0000000000000000FFFF00000100007F:1F90 01 00000000:00000000\
				 00:00000000 00000000  1002        0 7001 1
				""";
		InetAddress loopback = InetAddress.getByName("127.0.0.1");

		assertThat(LocalUserOnly.uidIn(table, loopback, 54322, loopback, 8080)).hasValue(1002);
	}

	@Test
	void aPageWhoseNamePointsAtLoopbackIsRefused() throws IOException {
		assertThat(askedAs("rebind.attacker.example:" + port, "/history")).startsWith("HTTP/1.1 400")
			.contains("pinbatch: refused: this console has no logins, so it answers only when opened as"
					+ " http://localhost:" + port + "/ or http://127.0.0.1:" + port + "/")
			.doesNotContain("<table");
		assertThat(statusAskedAs("rebind.attacker.example:" + port, "/")).isEqualTo(400);
		// a name that resolves to loopback is still a name someone else may own
		assertThat(statusAskedAs("localhost.attacker.example", "/history")).isEqualTo(400);
	}

	@Test
	void aForwardedHostDoesNotStandInForTheNameAskedBy() throws IOException {
		assertThat(statusAskedAs("rebind.attacker.example:" + port, "/history",
				"X-Forwarded-Host: localhost", "X-Forwarded-For: 127.0.0.1")).isEqualTo(400);
	}

	@Test
	void namesAreToldFromLoopbackAddressesWithoutLookingThemUp() {
		assertThat(ConsoleAddress.isLoopbackName("127.0.0.1")).isTrue();
		assertThat(ConsoleAddress.isLoopbackName("127.1.2.3")).isTrue();
		assertThat(ConsoleAddress.isLoopbackName("[::1]")).isTrue();
		assertThat(ConsoleAddress.isLoopbackName("localhost")).isTrue();
		assertThat(ConsoleAddress.isLoopbackName("192.168.1.10")).isFalse();
		assertThat(ConsoleAddress.isLoopbackName("[fe80::1]")).isFalse();
		assertThat(ConsoleAddress.isLoopbackName("0.0.0.0")).isFalse();
		assertThat(ConsoleAddress.isLoopbackName("ip6-localhost")).isFalse();
		assertThat(ConsoleAddress.isLoopbackName("")).isFalse();
	}

	private static int statusAskedAs(String host) throws IOException {
		return statusAskedAs(host, "/");
	}

	private static int statusAskedAs(String host, String path, String... headers) throws IOException {
		return Integer.parseInt(askedAs(host, path, headers).substring(9, 12));
	}

	/** The answer to a GET as a browser sends it to this console when its address bar names {@code host}. */
	private static String askedAs(String host, String path, String... headers) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
			for (String header : headers) {
				request.append(header).append("\r\n");
			}
			request.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}

package com.pinbatch.console;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import com.pinbatch.host.ThisUser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A console without logins answers only the programs of the account that started it: loopback alone let in every
 * account of a shared machine, which could send pins with the owner's key and download their result files. On Linux
 * the system's table of TCP connections names the account at the other end of each loopback connection (as identd
 * does); where it cannot be read (another system), the console answers as before, on loopback only. Its own user's
 * browser opens the plain address, an ssh tunnel of theirs too. A connection the table does not show (one reset as
 * soon as its request was sent) is refused: its request would otherwise still be served.
 */
final class LocalUserOnly extends OncePerRequestFilter {

	private static final List<Path> CONNECTIONS = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

	/** The account this console runs as; empty where the system does not say. */
	private final OptionalInt owner = ThisUser.uid();

	private final Environment environment;

	LocalUserOnly(Environment environment) {
		this.environment = environment;
	}

	/** What {@link #uidIn} answers when the tables were read and hold no such connection: refused, as no account's. */
	static final int NO_SUCH_CONNECTION = -1;

	/**
	 * The states of a connection whose client's line names its account: established, or closing from the client's
	 * side (a client that half-closes after its request: socat, nc -N). A closed one's TIME_WAIT line names uid 0.
	 */
	private static final Set<String> OPEN = Set.of("01", "04", "05");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// a request that came over a connection to the console's web server (a mock request of a test has none)
		boolean connected = environment.containsProperty("local.server.port");
		OptionalInt peer = owner.isPresent() && connected ? peerUid(request) : OptionalInt.empty();
		if (peer.isPresent() && peer.getAsInt() != owner.getAsInt()) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType("text/plain;charset=UTF-8");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.getWriter().println("pinbatch: refused: this console has no logins, so it answers only the account"
					+ " that started it; to share it, give it users to log in (README: The web console)");
			return;
		}
		chain.doFilter(request, response);
	}

	/** The account at the other end of the request's connection; empty where the system's tables cannot be read. */
	private static OptionalInt peerUid(HttpServletRequest request) {
		InetAddress client;
		InetAddress server;
		try {
			client = InetAddress.getByName(literal(request.getRemoteAddr()));
			server = InetAddress.getByName(literal(request.getLocalAddr()));
		}
		catch (IOException notALiteral) {
			return OptionalInt.of(NO_SUCH_CONNECTION);
		}
		boolean read = false;
		for (Path table : CONNECTIONS) {
			try {
				OptionalInt uid = uidIn(Files.readString(table, StandardCharsets.US_ASCII), client,
						request.getRemotePort(), server, request.getLocalPort());
				read = true;
				if (uid.isPresent()) {
					return uid;
				}
			}
			catch (IOException | RuntimeException unreadable) {
				// not Linux, or not allowed: the console answers as it did before it could tell
			}
		}
		return read ? OptionalInt.of(NO_SUCH_CONNECTION) : OptionalInt.empty();
	}

	/** An address as the servlet container gives it, without an IPv6 scope (never a name: nothing is looked up). */
	private static String literal(String address) {
		int scope = address.indexOf('%');
		return scope < 0 ? address : address.substring(0, scope);
	}

	/**
	 * The uid of the open socket in a {@code /proc/net/tcp} table whose own end is the client's address and
	 * port and whose peer is the server's: the client's end of the connection (columns: slot, local address:port,
	 * remote address:port, state, queues, timers, retransmits, uid, ...; in hexadecimal, addresses in the machine's
	 * byte order). Both ends are matched, addresses too: a client bound to the console's own port number on another
	 * loopback address would otherwise be taken for the console's own end of the connection, its owner's.
	 */
	static OptionalInt uidIn(String table, InetAddress client, int clientPort, InetAddress server, int serverPort) {
		for (String line : table.split("\n")) {
			String[] columns = line.trim().split("\\s+");
			if (columns.length > 7 && OPEN.contains(columns[3]) && isEndpoint(columns[1], client, clientPort)
					&& isEndpoint(columns[2], server, serverPort)) {
				try {
					return OptionalInt.of(Integer.parseInt(columns[7]));
				}
				catch (NumberFormatException ex) {
					return OptionalInt.of(NO_SUCH_CONNECTION);
				}
			}
		}
		return OptionalInt.empty();
	}

	/** Whether a table's {@code ADDRESS:PORT} (IPv4 or IPv6, an IPv4-mapped one read as IPv4) is that endpoint. */
	private static boolean isEndpoint(String written, InetAddress address, int port) {
		int colon = written.indexOf(':');
		String hex = colon < 0 ? "" : written.substring(0, colon);
		if ((hex.length() != 8 && hex.length() != 32) || !written.endsWith(String.format(":%04X", port))) {
			return false;
		}
		ByteBuffer bytes = ByteBuffer.allocate(hex.length() / 2);
		try {
			for (int i = 0; i < hex.length(); i += 8) {
				// each 32-bit word is printed as the machine holds it
				bytes.put(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder())
					.putInt((int) Long.parseLong(hex.substring(i, i + 8), 16)).array());
			}
			return InetAddress.getByAddress(bytes.array()).equals(address);
		}
		catch (NumberFormatException | IOException unreadable) {
			return false;
		}
	}
}

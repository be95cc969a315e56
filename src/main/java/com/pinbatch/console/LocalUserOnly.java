package com.pinbatch.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A console without logins answers only the programs of the account that started it: loopback alone let in every
 * account of a shared machine, which could send pins with the owner's key and download their result files. On Linux
 * the system's table of TCP connections names the account at the other end of each loopback connection (as identd
 * does); where it cannot be read (another system), the console answers as before, on loopback only. Its own user's
 * browser opens the plain address, an ssh tunnel of theirs too.
 */
final class LocalUserOnly extends OncePerRequestFilter {

	private static final List<Path> CONNECTIONS = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

	/** The account this console runs as; empty where the system does not say. */
	private final OptionalInt owner = ownUid();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		OptionalInt peer = owner.isPresent() ? peerUid(request.getRemotePort(), request.getLocalPort())
				: OptionalInt.empty();
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

	/** The account at the other end of this machine's connection from {@code clientPort} to {@code serverPort}. */
	private static OptionalInt peerUid(int clientPort, int serverPort) {
		for (Path table : CONNECTIONS) {
			try {
				OptionalInt uid = uidIn(Files.readString(table, StandardCharsets.US_ASCII), clientPort, serverPort);
				if (uid.isPresent()) {
					return uid;
				}
			}
			catch (IOException | RuntimeException unreadable) {
				// not Linux, or not allowed: the console answers as it did before it could tell
			}
		}
		return OptionalInt.empty();
	}

	/**
	 * The uid of the socket in a {@code /proc/net/tcp} table whose own port is {@code clientPort} and whose peer's is
	 * {@code serverPort}: the client's end of the connection (columns: slot, local address:port, remote address:port,
	 * state, queues, timers, retransmits, uid, ...; ports in hexadecimal).
	 */
	static OptionalInt uidIn(String table, int clientPort, int serverPort) {
		String local = String.format(":%04X", clientPort);
		String remote = String.format(":%04X", serverPort);
		for (String line : table.split("\n")) {
			String[] columns = line.trim().split("\\s+");
			if (columns.length > 7 && columns[1].endsWith(local) && columns[2].endsWith(remote)) {
				try {
					return OptionalInt.of(Integer.parseInt(columns[7]));
				}
				catch (NumberFormatException ex) {
					return OptionalInt.empty();
				}
			}
		}
		return OptionalInt.empty();
	}

	private static OptionalInt ownUid() {
		try {
			return OptionalInt.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
		}
		catch (IOException | RuntimeException notUnix) {
			return OptionalInt.empty();
		}
	}
}

package com.pinbatch.zernio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A company's HTTP proxy on loopback for https targets: it answers {@code CONNECT host:port} by opening a tunnel and
 * passing bytes both ways, as proxies do for https, and may want Basic credentials first (407). A host under
 * {@code .test} is this machine (see {@link ForwardingProxy}). Records the CONNECT lines it let through and refused.
 */
public final class TunnellingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final List<String> connects = new CopyOnWriteArrayList<>();

	private final List<String> refused = new CopyOnWriteArrayList<>();

	private final String expectedAuthorization;

	private TunnellingProxy(String user, String password) throws IOException {
		this.expectedAuthorization = user == null ? null : "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		threads.submit(this::acceptAll);
	}

	public static TunnellingProxy open() throws IOException {
		return new TunnellingProxy(null, null);
	}

	/** A proxy that answers 407 to a CONNECT without these credentials. */
	public static TunnellingProxy wanting(String user, String password) throws IOException {
		return new TunnellingProxy(user, password);
	}

	public int port() {
		return server.getLocalPort();
	}

	public String address() {
		return "http://127.0.0.1:" + server.getLocalPort();
	}

	/** Every CONNECT request line let through, in order ("CONNECT zernio.test:443 HTTP/1.1"). */
	public List<String> connects() {
		return List.copyOf(connects);
	}

	/** Every CONNECT request line answered 407. */
	public List<String> refused() {
		return List.copyOf(refused);
	}

	private void acceptAll() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				threads.submit(() -> tunnel(client));
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private void tunnel(Socket client) {
		try (client) {
			String head = head(client.getInputStream());
			String requestLine = head.lines().findFirst().orElse("");
			String[] parts = requestLine.split(" ");
			if (parts.length < 2 || !parts[0].equals("CONNECT")) {
				client.getOutputStream().write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
				return;
			}
			if (expectedAuthorization != null && !head.lines()
				.anyMatch(line -> line.equalsIgnoreCase("Proxy-Authorization: " + expectedAuthorization))) {
				refused.add(requestLine);
				client.getOutputStream().write(("HTTP/1.1 407 Proxy Authentication Required\r\n"
						+ "Proxy-Authenticate: Basic realm=\"company\"\r\nContent-Length: 0\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				return;
			}
			connects.add(requestLine);
			String host = parts[1].substring(0, parts[1].lastIndexOf(':'));
			int port = Integer.parseInt(parts[1].substring(parts[1].lastIndexOf(':') + 1));
			try (Socket target = new Socket(host.endsWith(".test") ? "127.0.0.1" : host, port)) {
				client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
				threads.submit(() -> pipe(target, client));
				pipe(client, target);
			}
		}
		catch (IOException | RuntimeException ended) {
			// a tunnel ends when either side closes
		}
	}

	/** The request's head, read byte by byte up to the blank line: what follows belongs to the tunnel. */
	private static String head(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		for (int b = in.read(); b >= 0; b = in.read()) {
			head.write(b);
			matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
			if (matched == end.length) {
				break;
			}
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

	private static void pipe(Socket from, Socket to) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			in.transferTo(out);
			to.shutdownOutput();
		}
		catch (IOException ended) {
			// the other side closed
		}
	}

	@Override
	public void close() throws IOException {
		server.close();
		threads.shutdownNow();
	}
}

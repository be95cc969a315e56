package com.pinbatch.zernio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server on loopback that answers every request with its status line, headers and half its body at once,
 * then nothing until it is closed: an answer stuck on its way. (WireMock's slow bodies hold the headers back too.)
 */
final class StallingServer implements AutoCloseable {

	private final ServerSocket socket;

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	StallingServer(int status, String body) throws IOException {
		socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> serve(status, body.getBytes(StandardCharsets.UTF_8)), "stalling-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	String root() {
		return "http://127.0.0.1:" + socket.getLocalPort();
	}

	private void serve(int status, byte[] body) {
		while (!socket.isClosed()) {
			try {
				Socket connection = socket.accept();
				held.add(connection);
				skipRequestHead(connection.getInputStream());
				OutputStream out = connection.getOutputStream();
				out.write(("HTTP/1.1 " + status + " Stalled\r\nContent-Type: application/json\r\nContent-Length: "
						+ body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(body, 0, body.length / 2);
				out.flush();
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	/** Reads up to the blank line that ends the request's headers (the requests here have no body to wait for). */
	private static void skipRequestHead(InputStream in) throws IOException {
		byte[] end = { '\r', '\n', '\r', '\n' };
		int matched = 0;
		while (matched < end.length) {
			int next = in.read();
			if (next < 0) {
				return;
			}
			matched = next == end[matched] ? matched + 1 : next == '\r' ? 1 : 0;
		}
	}

	@Override
	public void close() throws IOException {
		socket.close();
		for (Socket connection : held) {
			connection.close();
		}
	}
}

package com.pinbatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback to a server that can fall silent: once frozen, it passes no more bytes either way and
 * keeps every connection open, new ones included, as a database host that vanished from the network (a failed-over
 * primary whose address answers nothing) leaves its clients. Closing it ends every connection.
 */
final class FreezingTcpProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile boolean frozen;

	FreezingTcpProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		daemon(this::accept, "freezing-proxy");
	}

	int port() {
		return listener.getLocalPort();
	}

	/** From now on nothing passes; nothing is closed. */
	void freeze() {
		frozen = true;
	}

	private void accept() {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				Socket server = new Socket(targetHost, targetPort);
				sockets.add(client);
				sockets.add(server);
				daemon(() -> relay(client, server), "freezing-proxy-up");
				daemon(() -> relay(server, client), "freezing-proxy-down");
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private void relay(Socket from, Socket to) {
		byte[] buffer = new byte[8192];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				while (frozen && !listener.isClosed()) {
					Thread.sleep(50);
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ended) {
			// one side closed: the relay ends with it
		}
	}

	private static void daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		listener.close();
		for (Socket socket : sockets) {
			socket.close();
		}
	}
}

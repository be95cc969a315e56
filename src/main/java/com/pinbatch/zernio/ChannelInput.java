package com.pinbatch.zernio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A file's bytes from its start, read at positions of an open channel that stays open when the stream is closed:
 * the HTTP client closes each try's stream, and a second try reads the same file again, not whatever now has its
 * name.
 */
final class ChannelInput extends InputStream {

	private final FileChannel channel;

	private long position;

	private ChannelInput(FileChannel channel) {
		this.channel = channel;
	}

	static InputStream fromStart(FileChannel channel) {
		return new ChannelInput(channel);
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		int read = channel.read(ByteBuffer.wrap(bytes, offset, length), position);
		if (read > 0) {
			position += read;
		}
		return read;
	}
}

package com.pinbatch.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;

/** Reads a few bytes at a place in a file, for the structure checks that walk a container's headers. */
final class FileBytes {

	private FileBytes() {
	}

	/** {@code count} bytes at {@code position} in the given order, or null when the file ends before them. */
	static ByteBuffer read(SeekableByteChannel file, long position, int count, ByteOrder order) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(count).order(order);
		file.position(position);
		while (buffer.hasRemaining()) {
			if (file.read(buffer) < 0) {
				return null;
			}
		}
		return buffer.flip();
	}
}

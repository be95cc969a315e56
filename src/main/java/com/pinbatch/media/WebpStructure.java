package com.pinbatch.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import com.pinbatch.text.Formats;

/**
 * Checks a WebP file's RIFF container through to its end: the RIFF size is the file's, the chunks fill it exactly
 * (each size fits, odd sizes padded), and an image chunk is there: a simple file starts with VP8 or VP8L, an
 * extended one with VP8X followed by an image or animation frames. The image data is not decoded (the JDK has no
 * WebP decoder); a file that only starts like a WebP image fails on its first wrong size.
 */
final class WebpStructure {

	private static final Set<String> IMAGE_CHUNKS = Set.of("VP8 ", "VP8L", "ANMF");

	private WebpStructure() {
	}

	/** Why the file is not a whole WebP file, or empty when its structure holds. */
	static Optional<String> problem(SeekableByteChannel file) throws IOException {
		long length = file.size();
		ByteBuffer header = FileBytes.read(file, 0, 12, ByteOrder.LITTLE_ENDIAN);
		if (header == null) {
			return Optional.of("the file ends inside its header");
		}
		long riffSize = Integer.toUnsignedLong(header.getInt(4));
		if (riffSize + 8 != length) {
			return Optional.of(Formats.plain("its RIFF header gives %d bytes but the file has %d", riffSize + 8,
					length));
		}
		long position = 12;
		String first = null;
		boolean image = false;
		while (position < length) {
			ByteBuffer chunk = FileBytes.read(file, position, 8, ByteOrder.LITTLE_ENDIAN);
			if (chunk == null) {
				return Optional.of("the file ends inside a chunk header at byte " + position);
			}
			String type = fourCc(chunk, 0);
			long size = Integer.toUnsignedLong(chunk.getInt(4));
			long end = position + 8 + size + (size & 1);
			if (end > length) {
				return Optional.of(Formats.plain("chunk '%s' at byte %d runs past the end of the file",
						printable(type), position));
			}
			if (first == null) {
				first = type;
			}
			image |= IMAGE_CHUNKS.contains(type);
			position = end;
		}
		if (!("VP8 ".equals(first) || "VP8L".equals(first) || "VP8X".equals(first))) {
			return Optional.of("it does not start with a VP8, VP8L or VP8X chunk");
		}
		return image ? Optional.empty() : Optional.of("it holds no image data (no VP8, VP8L or ANMF chunk)");
	}

	private static String fourCc(ByteBuffer buffer, int at) {
		byte[] name = new byte[4];
		buffer.get(at, name);
		return new String(name, StandardCharsets.ISO_8859_1);
	}

	/** A chunk name from the file, safe to show (a damaged file may hold anything there). */
	static String printable(String fourCc) {
		StringBuilder shown = new StringBuilder();
		for (char c : fourCc.toCharArray()) {
			shown.append(c >= 0x20 && c < 0x7F ? c : '?');
		}
		return shown.toString();
	}
}

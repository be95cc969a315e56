package com.pinbatch.media;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The first bytes of each format (what {@link MediaFormat#detect} reads), and whole files of each: a real file of
 * the format whose head is given ({@link RealMedia}), or for other heads the head followed by a marker.
 */
final class MediaSamples {

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	static final byte[] GIF = "GIF89a".getBytes(StandardCharsets.ISO_8859_1);

	static final byte[] WEBP = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);

	static final byte[] MP4 = "\0\0\0\u0018ftypisom\0\0\u0002\0".getBytes(StandardCharsets.ISO_8859_1);

	static final byte[] MOV = "\0\0\0\u0014ftypqt  \0\0\u0002\0".getBytes(StandardCharsets.ISO_8859_1);

	static final byte[] HEIC = "\0\0\0\u0018ftypheic\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);

	static final byte[] BMP = "BM6\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);

	private MediaSamples() {
	}

	static byte[] content(byte[] head, String marker) {
		byte[] tail = marker.getBytes(StandardCharsets.UTF_8);
		byte[] all = Arrays.copyOf(head, head.length + tail.length);
		System.arraycopy(tail, 0, all, head.length, tail.length);
		return all;
	}

	/** A whole file of the format the head shows, differing by marker; other heads followed by the marker. */
	static byte[] file(byte[] head, String marker) {
		if (head == JPEG) {
			return RealMedia.jpeg(marker);
		}
		if (head == PNG) {
			return RealMedia.png(marker);
		}
		if (head == GIF) {
			return RealMedia.gif(marker);
		}
		if (head == WEBP) {
			return RealMedia.webp(marker);
		}
		if (head == MP4) {
			return RealMedia.mp4(marker);
		}
		return head == MOV ? RealMedia.mov(marker) : content(head, marker);
	}

	static Path write(Path dir, String name, byte[] head, String marker) throws IOException {
		return Files.write(dir.resolve(name), file(head, marker));
	}

	/** A whole file of the format, made the given length by zeros after it that take no disk space. */
	static Path sparse(Path dir, String name, byte[] head, long length) throws IOException {
		Path file = dir.resolve(name);
		try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
			out.write(file(head, "sparse"));
			out.setLength(length);
		}
		return file;
	}
}

package com.pinbatch.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Small but real media files, made the way tools make them: JPEG, PNG and GIF written by ImageIO, WebP and MP4/MOV
 * containers built box by box. The marker goes into the pixels (or a free chunk), so two markers give two contents.
 * Public for the command-line tests.
 */
public final class RealMedia {

	private RealMedia() {
	}

	public static byte[] jpeg(String marker) {
		return image("jpeg", marker);
	}

	public static byte[] png(String marker) {
		return image("png", marker);
	}

	public static byte[] gif(String marker) {
		return image("gif", marker);
	}

	/** A simple lossless WebP: RIFF, then one VP8L chunk whose payload starts with the VP8L signature. */
	public static byte[] webp(String marker) {
		byte[] payload = concat(new byte[] { 0x2F, 0x07, (byte) 0xC0, 0x01, 0x00 }, bytes(marker));
		byte[] chunk = riffChunk("VP8L", payload);
		ByteBuffer file = ByteBuffer.allocate(12 + chunk.length).order(ByteOrder.LITTLE_ENDIAN);
		file.put(bytes("RIFF")).putInt(4 + chunk.length).put(bytes("WEBP")).put(chunk);
		return file.array();
	}

	public static byte[] mp4(String marker) {
		return movie("isom", marker);
	}

	public static byte[] mov(String marker) {
		return movie("qt  ", marker);
	}

	public static Path write(Path dir, String name, byte[] content) throws IOException {
		return Files.write(dir.resolve(name), content);
	}

	/** ftyp, a moov holding an mvhd, and a free box carrying the marker: the boxes a player needs, sizes right. */
	private static byte[] movie(String brand, String marker) {
		byte[] ftyp = box("ftyp", concat(bytes(brand), new byte[] { 0, 0, 2, 0 }, bytes(brand)));
		byte[] mvhd = box("mvhd", new byte[100]);
		return concat(ftyp, box("moov", mvhd), box("free", bytes(marker)));
	}

	static byte[] box(String type, byte[] payload) {
		return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length).put(bytes(type)).put(payload)
			.array();
	}

	static byte[] riffChunk(String type, byte[] payload) {
		int padded = payload.length + (payload.length & 1);
		return ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN).put(bytes(type))
			.putInt(payload.length).put(payload).array();
	}

	private static byte[] image(String format, String marker) {
		int width = Math.max(8, marker.length());
		BufferedImage picture = new BufferedImage(width, 8, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			int shade = x < marker.length() ? marker.charAt(x) * 2 % 256 : 0;
			for (int y = 0; y < 8; y++) {
				picture.setRGB(x, y, shade << 16 | (255 - shade) << 8 | y * 30);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(picture, format, out)) {
				throw new IllegalStateException("no ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}
}

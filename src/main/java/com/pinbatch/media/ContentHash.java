package com.pinbatch.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a file's bytes: the identity of an upload, whatever the file is called or wherever it lies. */
final class ContentHash {

	private ContentHash() {
	}

	/** @return lower-case hex */
	static String sha256(Path file) throws IOException {
		MessageDigest digest = sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The same, of an open file read from its start (its position is left as it was). */
	static String sha256(FileChannel file) throws IOException {
		MessageDigest digest = sha256();
		ByteBuffer block = ByteBuffer.allocate(1 << 16);
		long position = 0;
		for (int read; (read = file.read(block.clear(), position)) > 0; position += read) {
			digest.update(block.flip());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}
}

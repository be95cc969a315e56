package com.pinbatch.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of an input's bytes, taken while the input is parsed, so that naming its run (the content hash of
 * issue 14) costs no read of its own. It only counts when the parse saw every byte of the file, in order
 * ({@link #covers}); a workbook is read by POI through its zip directory, so its digest never covers it.
 * Not thread-safe.
 */
public final class InputDigest {

	private final MessageDigest sha256;

	private long bytes;

	private InputDigest() {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	public static InputDigest sha256() {
		return new InputDigest();
	}

	/** Whether every byte of {@code file}, and nothing else, went through {@link #watching}. */
	public boolean covers(Path file) {
		try {
			return bytes == Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	/** The digest so far, not finished: whoever names the run goes on from the file's bytes. */
	public MessageDigest state() {
		return sha256;
	}

	/** {@code in}, every byte read from it (skipped ones too) added to the digest. */
	InputStream watching(InputStream in) {
		return new FilterInputStream(in) {

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					sha256.update((byte) b);
					bytes++;
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0) {
					sha256.update(buffer, offset, n);
					bytes += n;
				}
				return n;
			}

			@Override
			public long skip(long n) throws IOException {
				// read through, so that skipped bytes (a byte order mark) are digested too
				return readNBytes((int) Math.min(n, Integer.MAX_VALUE)).length;
			}

			@Override
			public boolean markSupported() {
				return false;
			}
		};
	}
}

package com.pinbatch.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.pinbatch.input.InputDigest;

/**
 * The identity of a run: a digest of the input's content and of every option that changes what is sent. The same
 * command on the same file is the same job instance (so it resumes, or reports the finished run); a changed file or
 * option is a new one. Row request ids derive from it, so they are stable across attempts, crashes and restarts.
 */
public final class RunKey {

	private final MessageDigest digest;

	private RunKey(MessageDigest digest) {
		this.digest = digest;
	}

	/** The job parameter that identifies an input's job instance: its run key. */
	public static final String PARAMETER = "run.key";

	public static RunKey builder() {
		try {
			return new RunKey(MessageDigest.getInstance("SHA-256"));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A key that starts with {@code file}'s content as {@link #file} does, from the digest its parse took on the way
	 * (no second read); the file is read again only when that digest does not cover it (a workbook).
	 */
	public static RunKey ofParsed(Path file, InputDigest parsed) {
		if (parsed != null && parsed.covers(file)) {
			return new RunKey(parsed.state()).text("|");
		}
		return builder().file(file);
	}

	public RunKey file(Path file) {
		if (file == null) {
			return text("no-file");
		}
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = Files.newInputStream(file)) {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				digest.update(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
		return text("|");
	}

	public RunKey text(String value) {
		digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		return this;
	}

	/** 32 hex characters: short enough for a column, long enough never to collide in practice. */
	public String build() {
		return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
	}
}

package com.pinbatch.media;

import java.io.IOException;
import java.nio.file.Path;

/** A local media file that cannot be uploaded as it is; the row is the user's to fix, so no stack trace. */
public class MediaRejectedException extends RuntimeException {

	private final transient MediaProblem problem;

	/** What the message says after the file's name, or null when the message does not start with it. */
	private final String detail;

	public MediaRejectedException(MediaProblem problem) {
		super(problem.message(), null, false, false);
		this.problem = problem;
		this.detail = null;
	}

	/** @param detail what is wrong with the file, after its name ("is not a valid JPEG image: ...") */
	MediaRejectedException(String code, Path file, String detail) {
		this(new MediaProblem(code, "'" + file + "' " + detail), detail);
	}

	/** A file that exists but cannot be read: permissions, or gone since it was found. */
	static MediaRejectedException unreadable(Path file, IOException cause) {
		return new MediaRejectedException(MediaProblem.FILE_NOT_FOUND, file, "cannot be read ("
				+ cause.getClass().getSimpleName() + ") — check that the file is readable");
	}

	private MediaRejectedException(MediaProblem problem, String detail) {
		super(problem.message(), null, false, false);
		this.problem = problem;
		this.detail = detail;
	}

	public MediaProblem problem() {
		return problem;
	}

	public String code() {
		return problem.code();
	}

	/**
	 * The message naming the file as the user wrote it (the cell's text) instead of by its resolved path, when
	 * the message names the file first; otherwise the message as it is.
	 */
	public String messageNaming(String given) {
		return detail == null || given == null ? getMessage() : "'" + given + "' " + detail;
	}
}

package com.pinbatch.media;

/** A local media file that cannot be uploaded as it is; the row is the user's to fix, so no stack trace. */
public class MediaRejectedException extends RuntimeException {

	private final transient MediaProblem problem;

	public MediaRejectedException(MediaProblem problem) {
		super(problem.message(), null, false, false);
		this.problem = problem;
	}

	public MediaProblem problem() {
		return problem;
	}

	public String code() {
		return problem.code();
	}
}

package com.pinbatch.sandbox;

import java.time.Duration;
import java.util.Random;

import tools.jackson.databind.JsonNode;

/**
 * Decides which otherwise good requests (creates, look-ups or uploads) fail, or whose answers stall halfway, so clients
 * meet a flaky Zernio.
 */
final class FaultInjector {

	private static final int[] RANDOM_STATUSES = { 500, 502, 503 };

	private double serverErrorRate;
	private final Random random;
	private int failuresLeft;
	private int failureStatus;
	private int dropsLeft;
	private int postlessLeft;
	private double postlessShare;
	private int stallsLeft;
	private double stallShare;
	private Duration stallLength = Duration.ofMinutes(10);

	FaultInjector(double serverErrorRate, long seed) {
		this.serverErrorRate = serverErrorRate;
		this.random = new Random(seed);
	}

	synchronized void failShare(double share) {
		serverErrorRate = share(share, "failed");
	}

	synchronized void failNext(int count, int status) {
		if (status != 429 && (status < 500 || status > 599)) {
			throw new IllegalArgumentException("a failure is answered 429 or a 5xx status, not " + status);
		}
		failuresLeft = Math.max(0, count);
		failureStatus = status;
	}

	synchronized void dropNext(int count) {
		dropsLeft = Math.max(0, count);
	}

	synchronized void answerWithoutPostNext(int count) {
		postlessLeft = Math.max(0, count);
	}

	synchronized void answerWithoutPostShare(double share) {
		postlessShare = share(share, "answered without its post");
	}

	synchronized void stallNext(int count, Duration length) {
		stallsLeft = Math.max(0, count);
		stallLength = length;
	}

	synchronized void stallShare(double share, Duration length) {
		stallShare = share(share, "stalled");
		stallLength = length;
	}

	/** How long this answer stops halfway before its connection is closed, or null: not. */
	private synchronized Duration takeStall() {
		if (stallsLeft > 0) {
			stallsLeft--;
			return stallLength;
		}
		return stallShare > 0 && random.nextDouble() < stallShare ? stallLength : null;
	}

	/** Answers {@code json}, or stops it halfway when this answer is one to stall. */
	void answer(HttpCall call, int status, JsonNode json) {
		Duration stall = takeStall();
		if (stall != null) {
			call.respondStalling(status, json, stall);
		}
		else {
			call.respond(status, json);
		}
	}

	private static double share(double share, String what) {
		if (share < 0 || share > 1) {
			throw new IllegalArgumentException("the share " + what + " must be within 0..1, was " + share);
		}
		return share;
	}

	/** Whether this successful create should be answered without its post. */
	synchronized boolean takeAnswerWithoutPost() {
		if (postlessLeft > 0) {
			postlessLeft--;
			return true;
		}
		return postlessShare > 0 && random.nextDouble() < postlessShare;
	}

	/** The status to fail this create with, or 0 to let it through. */
	synchronized int nextFailure() {
		if (failuresLeft > 0) {
			failuresLeft--;
			return failureStatus;
		}
		if (serverErrorRate > 0 && random.nextDouble() < serverErrorRate) {
			return RANDOM_STATUSES[random.nextInt(RANDOM_STATUSES.length)];
		}
		return 0;
	}

	/** Whether this successful create should lose its answer. */
	synchronized boolean takeDrop() {
		if (dropsLeft > 0) {
			dropsLeft--;
			return true;
		}
		return false;
	}

	static ApiError failure(int status) {
		if (status == 429) {
			ApiError error = new ApiError(429, Json.error("Rate limit exceeded. Please retry later."));
			error.body().putObject("details").put("reason", "api_rate_limit").put("retryAfterSeconds", 1);
			return error.withHeader("Retry-After", "1").withHeader("X-RateLimit-Remaining", "0");
		}
		if (status == 502) {
			return new ApiError(502, Json.error("Bad gateway: Pinterest did not answer in time. Please retry."));
		}
		if (status == 503) {
			return new ApiError(503, Json.error("Service temporarily unavailable. Please retry shortly."));
		}
		return new ApiError(status, Json.error("Internal server error. Please retry."));
	}
}

package com.pinbatch.throttle;

import java.time.Duration;
import java.time.Instant;

import com.pinbatch.zernio.CreatePostRequest;
import com.pinbatch.zernio.RateLimitInfo;
import com.pinbatch.zernio.SendResult;

/** Zernio answers as a ZernioClient would classify them, for scripting {@link PostAttempt}s. */
final class Answers {

	static final CreatePostRequest REQUEST = new CreatePostRequest("Modern kitchen ideas", null, null, null, true,
			null, null, null);

	private Answers() {
	}

	static RateLimitInfo window(int limit, int remaining) {
		return new RateLimitInfo(limit, remaining, null, null);
	}

	static SendResult created(String postId) {
		return new SendResult.Created(postId, window(600, 500));
	}

	static SendResult created(String postId, RateLimitInfo rateLimit) {
		return new SendResult.Created(postId, rateLimit);
	}

	static SendResult tooManyRequests(Integer remaining, Duration retryAfter, Instant reset) {
		return new SendResult.RateLimited("Too many requests", new RateLimitInfo(600, remaining, reset, retryAfter));
	}

	static SendResult serviceUnavailable() {
		return new SendResult.ServerError(503, "Service Unavailable", window(600, 500));
	}

	static SendResult timedOut() {
		return new SendResult.NoAnswer(true, "no answer within 60 s");
	}
}

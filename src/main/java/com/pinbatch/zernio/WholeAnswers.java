package com.pinbatch.zernio;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a request and reads its whole answer as text, within the request's time limit and a size limit. The JDK
 * client's own time limit ends when an answer's headers arrive: an answer that stalls after them (a connection lost
 * mid-answer, a proxy holding it) kept its sending thread waiting for ever, and the run stopped moving.
 */
final class WholeAnswers {

	/**
	 * The largest answer read: a page of 500 posts is a few megabytes; a server sending more is not Zernio, and
	 * reading it all would run the process out of memory.
	 */
	static final long MAX_ANSWER_BYTES = 16L * 1024 * 1024;

	private final HttpClient http;

	private final Duration defaultTimeout;

	WholeAnswers(HttpClient http, Duration defaultTimeout) {
		this.http = http;
		this.defaultTimeout = defaultTimeout;
	}

	/**
	 * The answer, read to its end within the request's time-out (else the client's).
	 *
	 * @throws HttpTimeoutException when the whole answer did not arrive in time (the exchange is abandoned)
	 * @throws IOException          when the connection failed, or the answer is larger than {@link #MAX_ANSWER_BYTES}
	 */
	HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		Duration limit = request.timeout().orElse(defaultTimeout);
		CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, WholeAnswers::bounded);
		try {
			return answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException late) {
			answer.cancel(true); // closes the connection (JDK 16 and later)
			throw new HttpTimeoutException("request timed out");
		}
		catch (InterruptedException interrupted) {
			answer.cancel(true);
			throw interrupted;
		}
		catch (ExecutionException failed) {
			Throwable cause = failed.getCause();
			if (cause instanceof IOException io) {
				throw io;
			}
			if (cause instanceof RuntimeException unchecked) {
				throw unchecked;
			}
			throw new IOException(cause);
		}
	}

	private static HttpResponse.BodySubscriber<String> bounded(HttpResponse.ResponseInfo info) {
		return new Bounded(HttpResponse.BodyHandlers.ofString().apply(info));
	}

	/** Passes the answer's bytes on to the text reader until there are too many, then gives up on the answer. */
	private static final class Bounded implements HttpResponse.BodySubscriber<String> {

		private final HttpResponse.BodySubscriber<String> text;

		private Flow.Subscription subscription;

		private long received;

		private boolean tooLarge;

		Bounded(HttpResponse.BodySubscriber<String> text) {
			this.text = text;
		}

		@Override
		public CompletionStage<String> getBody() {
			return text.getBody();
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			text.onSubscribe(subscription);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			if (tooLarge) {
				return;
			}
			for (ByteBuffer buffer : buffers) {
				received += buffer.remaining();
			}
			if (received > MAX_ANSWER_BYTES) {
				tooLarge = true;
				subscription.cancel();
				text.onError(new IOException("an answer larger than " + MAX_ANSWER_BYTES / (1024 * 1024)
						+ " MB, which Zernio does not send"));
				return;
			}
			text.onNext(buffers);
		}

		@Override
		public void onError(Throwable failure) {
			if (!tooLarge) {
				text.onError(failure);
			}
		}

		@Override
		public void onComplete() {
			if (!tooLarge) {
				text.onComplete();
			}
		}
	}
}

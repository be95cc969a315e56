package com.pinbatch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.pinbatch.sandbox.RecordedRequest;

/**
 * Another program using the same API key: sends {@code GET /v1/accounts} at a fixed rate whatever the answers, so
 * it takes its share of the key's request window the way a second tool would. Its requests carry a marker header,
 * so the benchmark can tell its 429s apart from the job's.
 */
final class NoisyNeighbour {

	private static final String MARKER = "X-Bench-Client";
	private static final String MARKER_VALUE = "noisy-neighbour";

	private final ScheduledExecutorService timer;

	private NoisyNeighbour(ScheduledExecutorService timer) {
		this.timer = timer;
	}

	static NoisyNeighbour start(String baseUrl, String apiKey, int requestsPerMinute) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/accounts"))
			.header("Authorization", "Bearer " + apiKey)
			.header(MARKER, MARKER_VALUE)
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "noisy-neighbour");
			thread.setDaemon(true);
			return thread;
		});
		long periodMicros = TimeUnit.MINUTES.toMicros(1) / requestsPerMinute;
		// asynchronous: a slow answer must not slow the neighbour down
		timer.scheduleAtFixedRate(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()), 0,
				periodMicros, TimeUnit.MICROSECONDS);
		return new NoisyNeighbour(timer);
	}

	static boolean sent(RecordedRequest request) {
		return MARKER_VALUE.equals(request.header(MARKER));
	}

	void stop() {
		timer.shutdownNow();
	}
}

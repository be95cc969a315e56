package com.pinbatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.pinbatch.sandbox.RecordedRequest;
import com.pinbatch.sandbox.KeyContention;
import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.ZernioSandbox;

/**
 * Benchmark (not a test): the Zernio sandbox as a process of its own, for bench/throughput.sh to run the real job
 * against. Writes the base URL to PORT_FILE once listening, stays quiet while it serves, and on stdin EOF or SIGTERM
 * prints one JSON line of what it saw, then stops.
 *
 * <p>Usage: {@code BenchSandboxServer PORT_FILE REQUESTS_PER_MINUTE LATENCY_MS GENERATED_ACCOUNTS [NEIGHBOUR_PER_MINUTE]}
 * <br>NEIGHBOUR_PER_MINUTE above 0 starts a {@link NoisyNeighbour} that uses the same key at that rate.
 */
public final class BenchSandboxServer {

	private BenchSandboxServer() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 4 || args.length > 8 || args.length == 6 || args.length == 7) {
			System.err.println("usage: BenchSandboxServer PORT_FILE REQUESTS_PER_MINUTE LATENCY_MS GENERATED_ACCOUNTS"
					+ " [NEIGHBOUR_PER_MINUTE [STORM_EVERY_S STORM_LENGTH_S STORM_RETRY_AFTER_S]]");
			System.exit(2);
		}
		Path portFile = Path.of(args[0]);
		SandboxSettings settings = SandboxSettings.defaults()
			.withRequestsPerMinute(Integer.parseInt(args[1]))
			// -Dbench.latencyJitterMs: each answer up to this much later still, at random (an uneven Zernio)
			.withLatency(Duration.ofMillis(Long.parseLong(args[2])),
					Duration.ofMillis(Long.getLong("bench.latencyJitterMs", 0L)))
			.withGeneratedAccounts(Integer.parseInt(args[3]));
		int neighbourPerMinute = args.length > 4 ? Integer.parseInt(args[4]) : 0;

		ZernioSandbox sandbox = ZernioSandbox.start(settings);
		if (args.length == 8) {
			// 429 storms: every request refused for a while, again and again, with a Retry-After
			sandbox.contend(new KeyContention(0, Duration.ofSeconds(Long.parseLong(args[5])),
					Duration.ofSeconds(Long.parseLong(args[6])), Duration.ofSeconds(Long.parseLong(args[7])), false));
		}
		CreateTimes creates = new CreateTimes();
		sandbox.onPostCreated(post -> creates.record());
		NoisyNeighbour neighbour = neighbourPerMinute > 0
				? NoisyNeighbour.start(sandbox.baseUrl(), settings.apiKey(), neighbourPerMinute) : null;
		AtomicBoolean reported = new AtomicBoolean();
		Runnable report = () -> {
			if (reported.compareAndSet(false, true)) {
				if (neighbour != null) {
					neighbour.stop();
				}
				System.out.println(summary(sandbox, creates));
				System.out.flush();
				sandbox.close();
			}
		};
		// SIGTERM runs the shutdown hooks; stdin EOF ends the loop below
		Runtime.getRuntime().addShutdownHook(new Thread(report, "bench-sandbox-report"));

		Path partial = portFile.resolveSibling(portFile.getFileName() + ".tmp");
		Files.writeString(partial, sandbox.baseUrl() + System.lineSeparator(), StandardCharsets.UTF_8);
		Files.move(partial, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

		drain(System.in);
		report.run();
		System.exit(0);
	}

	private static void drain(InputStream in) throws IOException {
		byte[] buffer = new byte[256];
		while (in.read(buffer) >= 0) {
			// only the end of input matters
		}
	}

	/** One JSON object; the neighbour's own 429s are counted apart from those the job received. */
	static String summary(ZernioSandbox sandbox, CreateTimes creates) {
		List<RecordedRequest> requests = sandbox.requests();
		long neighbourRequests = requests.stream().filter(NoisyNeighbour::sent).count();
		long neighbourLimited = requests.stream().filter(NoisyNeighbour::sent).filter(r -> r.status() == 429).count();
		long jobRequests = requests.size() - neighbourRequests;
		long jobCreateRequests = requests.stream()
			.filter(r -> r.method().equals("POST") && r.path().endsWith("/v1/posts"))
			.count();
		// the job's first request (its account look-up) opens the time its look-ups and creates take together
		long firstJobRequest = requests.stream()
			.filter(r -> !NoisyNeighbour.sent(r))
			.mapToLong(r -> r.at().toEpochMilli())
			.min()
			.orElse(0);
		return "{\"postCount\":" + sandbox.postCount() + ",\"rateLimitedResponses\":" + sandbox.rateLimitedResponses()
				+ ",\"jobRateLimited\":" + (sandbox.rateLimitedResponses() - neighbourLimited)
				+ ",\"neighbourRateLimited\":" + neighbourLimited + ",\"peakConcurrentCreates\":"
				+ sandbox.peakConcurrentCreates() + ",\"jobRequests\":" + jobRequests + ",\"jobCreateRequests\":"
				+ jobCreateRequests + ",\"neighbourRequests\":" + neighbourRequests + ",\"firstJobRequestMillis\":"
				+ firstJobRequest + ",\"firstCreateMillis\":"
				+ creates.first() + ",\"lastCreateMillis\":" + creates.last() + ",\"longestJobGapMillis\":"
				+ longestGap(requests) + ",\"mostJobRequestsIn10s\":" + mostWithin(requests, 10_000) + "}";
	}

	/** The longest time the job sent nothing, between its first and its last request. */
	static long longestGap(List<RecordedRequest> requests) {
		long[] at = jobRequestTimes(requests);
		long longest = 0;
		for (int i = 1; i < at.length; i++) {
			longest = Math.max(longest, at[i] - at[i - 1]);
		}
		return longest;
	}

	/** The most job requests within any span of this many milliseconds: a burst shows here. */
	static int mostWithin(List<RecordedRequest> requests, long spanMillis) {
		long[] at = jobRequestTimes(requests);
		int most = 0;
		int first = 0;
		for (int last = 0; last < at.length; last++) {
			while (at[last] - at[first] >= spanMillis) {
				first++;
			}
			most = Math.max(most, last - first + 1);
		}
		return most;
	}

	private static long[] jobRequestTimes(List<RecordedRequest> requests) {
		return requests.stream()
			.filter(r -> !NoisyNeighbour.sent(r))
			.mapToLong(r -> r.at().toEpochMilli())
			.sorted()
			.toArray();
	}

	/** Wall-clock time of the first and the last post created, to time the sending apart from start-up. */
	static final class CreateTimes {

		private final AtomicLong first = new AtomicLong();
		private final AtomicLong last = new AtomicLong();

		void record() {
			long now = System.currentTimeMillis();
			first.compareAndSet(0, now);
			last.accumulateAndGet(now, Math::max);
		}

		long first() {
			return first.get();
		}

		long last() {
			return last.get();
		}
	}
}

package com.pinbatch.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.pinbatch.zernio.CreatePostRequest;
import com.pinbatch.zernio.RateLimitInfo;
import com.pinbatch.zernio.SendResult;

/**
 * The real sender, twelve real sending threads and a simulated Zernio (a 60 s sliding window, latency, another
 * program on the same key, scripted 429 storms) on a simulated clock: minutes of sending in milliseconds, at every
 * rate tier. What must hold whatever the tier: the job finishes, never stands still for long unless Zernio said to
 * wait, uses its share of the window, and spreads its sends instead of bursting.
 */
class PaceSimulationTests {

	private static final int SENDERS = 12;

	/**
	 * One 429 storm: every request in [from, from + lasting) is refused with this Retry-After, and again every
	 * {@code every} after that when it is not null.
	 */
	record Storm(Duration from, Duration lasting, Duration retryAfter, Duration every) {

		Storm(Duration from, Duration lasting, Duration retryAfter) {
			this(from, lasting, retryAfter, null);
		}

		boolean refuses(Duration sinceStart) {
			if (sinceStart.compareTo(from) < 0) {
				return false;
			}
			Duration into = every == null ? sinceStart.minus(from)
					: Duration.ofNanos(sinceStart.minus(from).toNanos() % every.toNanos());
			return into.compareTo(lasting) < 0;
		}
	}

	record Scenario(int ceiling, int neighbourPerMinute, List<Storm> storms, Duration latency, int rows) {

		@Override
		public String toString() {
			return ceiling + "/min" + (neighbourPerMinute > 0 ? ", a neighbour sending " + neighbourPerMinute + "/min"
					: ", alone") + (storms.isEmpty() ? "" : storms.get(0).every() != null ? ", a 429 storm every "
							+ storms.get(0).every().toSeconds() + " s" : ", " + storms.size() + " 429 storms") + ", latency "
					+ latency.toMillis() + " ms";
		}

		int leftToTheJob() {
			return ceiling - neighbourPerMinute;
		}
	}

	static Stream<Scenario> tiers() {
		List<Scenario> scenarios = new ArrayList<>();
		for (int ceiling : new int[] { 24, 60, 600, 1200 }) {
			Duration latency = Duration.ofMillis(ceiling < 600 ? 300 : 250);
			int rows = ceiling * 3;
			List<Storm> storms = List.of(new Storm(Duration.ofSeconds(40), Duration.ofSeconds(20), Duration.ofSeconds(60)),
					new Storm(Duration.ofSeconds(150), Duration.ofSeconds(5), Duration.ofSeconds(10)));
			scenarios.add(new Scenario(ceiling, 0, List.of(), latency, rows));
			scenarios.add(new Scenario(ceiling, ceiling / 4, List.of(), latency, rows));
			scenarios.add(new Scenario(ceiling, ceiling / 2, List.of(), latency, rows));
			scenarios.add(new Scenario(ceiling, 0, storms, latency, rows));
			scenarios.add(new Scenario(ceiling, ceiling / 4, storms, latency, rows));
			// storms that come back as often as their Retry-After asks to wait: a request sent when the wait is over
			// meets the next one (the sandbox's --pinbatch.sandbox.rate-limit-storm-every=1m ...-retry-after=60s)
			scenarios.add(new Scenario(ceiling, ceiling / 2, List.of(new Storm(Duration.ofSeconds(20),
					Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(60))), latency, rows));
			// short refusals that say to come back in a second (the sandbox's failNextCreates(n, 429)): the job
			// waits about that second, not until its count of the others' requests fades
			scenarios.add(new Scenario(ceiling, 0, List.of(new Storm(Duration.ofSeconds(10), Duration.ofMillis(500),
					Duration.ofSeconds(1), Duration.ofSeconds(15))), latency, rows));
		}
		return scenarios.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tiers")
	void theJobFinishesAndKeepsMovingAtItsShareOfTheWindow(Scenario scenario) throws Exception {
		SimulatedTime time = new SimulatedTime();
		SimulatedZernio zernio = new SimulatedZernio(scenario, time);
		PacedSender sender = new PacedSender(zernio, settings(), ThrottleListener.NONE, time, time);

		Map<String, SendOutcome> outcomes = sendAll(scenario, time, zernio, sender);

		// every row created, once
		assertThat(outcomes).hasSize(scenario.rows());
		assertThat(outcomes.values()).allSatisfy(outcome -> assertThat(outcome.created()).isTrue());
		assertThat(zernio.createdTwice()).isEmpty();

		// never still for more than ~65 s, unless Zernio said to wait longer
		List<SimulatedZernio.Arrival> sends = zernio.jobArrivals();
		for (int i = 1; i < sends.size(); i++) {
			Duration gap = Duration.between(sends.get(i - 1).at(), sends.get(i).at());
			Duration toldToWait = zernio.longestRetryAfterBetween(sends.get(i - 1).at(), sends.get(i).at());
			assertThat(gap).as("gap before send %d of %s", i, scenario)
				.isLessThanOrEqualTo(Duration.ofSeconds(65).plus(toldToWait));
		}

		// sends spread over the window: never more in 10 s than 10 s at the ceiling allows, give or take
		int most = zernio.mostJobSendsWithin(Duration.ofSeconds(10));
		assertThat(most).as("most sends in 10 s, %s", scenario).isLessThanOrEqualTo(scenario.ceiling() / 6 + 3);

		// the window's 429s are the storms', not the job's doing
		int requests = sends.size();
		assertThat(zernio.windowRefusals()).as("429s for a full window, %s", scenario)
			.isLessThanOrEqualTo(Math.max(3, requests / 100));

		double perMinute = zernio.createsPerMinute();
		double share = perMinute / scenario.leftToTheJob();
		System.out.printf("%-68s %7.1f pins/min, %.3f of the %d/min left to the job; longest gap %.1f s; most in 10 s:"
				+ " %d; window 429s: %d%n", scenario, perMinute, share, scenario.leftToTheJob(),
				zernio.longestGap().toMillis() / 1000.0, most, zernio.windowRefusals());
		if (scenario.storms().isEmpty()) {
			assertThat(share).as("pins per minute over the share left to the job, %s", scenario)
				.isGreaterThanOrEqualTo(scenario.neighbourPerMinute() == 0 && scenario.ceiling() >= 600 ? 0.95 : 0.85);
		}
	}

	private static Map<String, SendOutcome> sendAll(Scenario scenario, SimulatedTime time, SimulatedZernio zernio,
			PacedSender sender) throws Exception {
		Queue<String> rows = new ConcurrentLinkedQueue<>();
		for (int row = 1; row <= scenario.rows(); row++) {
			rows.add("req-" + row);
		}
		Map<String, SendOutcome> outcomes = new ConcurrentHashMap<>();
		ExecutorService threads = Executors.newFixedThreadPool(SENDERS + 1);
		List<Future<?>> running = new ArrayList<>();
		for (int i = 0; i < SENDERS; i++) {
			time.join();
		}
		time.join();
		Future<?> neighbour = threads.submit(() -> zernio.neighbourSends(time));
		for (int i = 0; i < SENDERS; i++) {
			running.add(threads.submit(() -> {
				try {
					for (String requestId = rows.poll(); requestId != null; requestId = rows.poll()) {
						CreatePostRequest request = new CreatePostRequest("Pin " + requestId, null, null, null, true,
								null, null, null);
						outcomes.put(requestId, sender.send("account-" + requestId.hashCode() % 7, request, requestId));
					}
				}
				finally {
					time.leave();
				}
				return null;
			}));
		}
		try {
			for (Future<?> each : running) {
				each.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			zernio.stopNeighbour();
			neighbour.get(60, TimeUnit.SECONDS);
			threads.shutdownNow();
		}
		return outcomes;
	}

	private static ThrottleSettings settings() {
		// the defaults of config/application.yml, with caps that do not bind (the pins go out over many days)
		return new ThrottleSettings(null, 60, 0.995, 100_000, 100_000, 6, Duration.ofMillis(500),
				Duration.ofSeconds(60), Duration.ofMinutes(5), 8);
	}

	/** Zernio's request window as the key's users share it; an oracle written apart from the code under test. */
	static final class SimulatedZernio implements PostAttempt {

		record Arrival(Instant at, boolean admitted, boolean storm, Duration retryAfter) {
		}

		private static final Duration WINDOW = Duration.ofSeconds(60);

		private final Scenario scenario;
		private final SimulatedTime time;
		private final ArrayDeque<Instant> window = new ArrayDeque<>();
		private final List<Arrival> arrivals = new ArrayList<>();
		private final Map<String, Integer> created = new ConcurrentHashMap<>();
		private volatile boolean neighbourSending = true;

		SimulatedZernio(Scenario scenario, SimulatedTime time) {
			this.scenario = scenario;
			this.time = time;
		}

		@Override
		public SendResult attempt(CreatePostRequest request, String requestId) {
			Duration half = scenario.latency().dividedBy(2);
			try {
				time.sleep(half);
				SendResult answer = arrive(requestId);
				time.sleep(half);
				return answer;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return new SendResult.NoAnswer(false, "interrupted");
			}
		}

		private synchronized SendResult arrive(String requestId) {
			Instant now = time.instant();
			Duration sinceStart = Duration.between(SimulatedTime.START, now);
			for (Storm storm : scenario.storms()) {
				if (storm.refuses(sinceStart)) {
					arrivals.add(new Arrival(now, false, true, storm.retryAfter()));
					return new SendResult.RateLimited("Too many requests",
							new RateLimitInfo(scenario.ceiling(), 0, null, storm.retryAfter()));
				}
			}
			evict(now);
			if (window.size() >= scenario.ceiling()) {
				Instant frees = window.peekFirst().plus(WINDOW);
				Duration retryAfter = Duration.ofSeconds(Math.max(1, (Duration.between(now, frees).toMillis() + 999) / 1000));
				arrivals.add(new Arrival(now, false, false, retryAfter));
				return new SendResult.RateLimited("Too many requests",
						new RateLimitInfo(scenario.ceiling(), 0, frees, retryAfter));
			}
			window.addLast(now);
			arrivals.add(new Arrival(now, true, false, Duration.ZERO));
			RateLimitInfo headers = new RateLimitInfo(scenario.ceiling(), scenario.ceiling() - window.size(),
					window.peekFirst().plus(WINDOW), null);
			if (created.merge(requestId, 1, Integer::sum) > 1) {
				return new SendResult.Duplicate("post-" + requestId, "already created", headers);
			}
			return new SendResult.Created("post-" + requestId, headers);
		}

		/** Another program on the same key, sending evenly from the moment the job starts. */
		void neighbourSends(SimulatedTime time) {
			try {
				if (scenario.neighbourPerMinute() == 0) {
					return;
				}
				Duration every = Duration.ofNanos(WINDOW.toNanos() / scenario.neighbourPerMinute());
				while (neighbourSending) {
					synchronized (this) {
						Instant now = time.instant();
						evict(now);
						if (window.size() < scenario.ceiling()) {
							window.addLast(now);
						}
					}
					time.sleep(every);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			finally {
				time.leave();
			}
		}

		void stopNeighbour() {
			neighbourSending = false;
		}

		private void evict(Instant now) {
			while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(WINDOW))) {
				window.removeFirst();
			}
		}

		synchronized List<Arrival> jobArrivals() {
			return List.copyOf(arrivals);
		}

		List<String> createdTwice() {
			return created.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
		}

		synchronized int windowRefusals() {
			return (int) arrivals.stream().filter(a -> !a.admitted() && !a.storm()).count();
		}

		synchronized Duration longestRetryAfterBetween(Instant from, Instant to) {
			return arrivals.stream()
				.filter(a -> !a.at().isBefore(from) && a.at().isBefore(to))
				.map(Arrival::retryAfter)
				.max(Duration::compareTo)
				.orElse(Duration.ZERO);
		}

		synchronized Duration longestGap() {
			Duration longest = Duration.ZERO;
			for (int i = 1; i < arrivals.size(); i++) {
				Duration gap = Duration.between(arrivals.get(i - 1).at(), arrivals.get(i).at());
				longest = gap.compareTo(longest) > 0 ? gap : longest;
			}
			return longest;
		}

		synchronized int mostJobSendsWithin(Duration span) {
			int most = 0;
			int first = 0;
			for (int last = 0; last < arrivals.size(); last++) {
				while (Duration.between(arrivals.get(first).at(), arrivals.get(last).at()).compareTo(span) >= 0) {
					first++;
				}
				most = Math.max(most, last - first + 1);
			}
			return most;
		}

		synchronized double createsPerMinute() {
			List<Instant> creates = arrivals.stream().filter(Arrival::admitted).map(Arrival::at).toList();
			Duration sending = Duration.between(creates.get(0), creates.get(creates.size() - 1));
			return (creates.size() - 1) * 60_000.0 / sending.toMillis();
		}
	}
}

package com.pinbatch.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.pinbatch.job.PinbatchProperties;
import com.pinbatch.zernio.CreatePostRequest;
import com.pinbatch.zernio.RateLimitInfo;
import com.pinbatch.zernio.SendResult;

/**
 * The real sender, as many real sending threads as the job has and a simulated Zernio (a 60 s sliding window,
 * latency, another program on the same key, scripted 429 storms) on a simulated clock: minutes of sending in
 * milliseconds, at every rate tier and from a quick to a slow and uneven Zernio. What must hold whatever the tier:
 * the job finishes, never stands still for long unless Zernio said to wait, uses its share of the window, and spreads
 * its sends instead of bursting.
 */
class PaceSimulationTests {

	/** The pace before Zernio's first answer announces its ceiling (config/application.yml's). */
	private static final int INITIAL_PER_MINUTE = 60;

	/** As many as the job's sending threads by default (pinbatch.concurrency). */
	private static final int SENDERS = defaultConcurrency();

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

	/**
	 * @param latency a create's round trip on average
	 * @param jitter  how far one round trip may be from it either way, and its two halves unequal: requests sent in
	 *                one order reach Zernio's window in another (0: every trip takes the latency, half each way)
	 */
	record Scenario(int ceiling, int neighbourPerMinute, List<Storm> storms, Duration latency, Duration jitter,
			int rows) {

		Scenario(int ceiling, int neighbourPerMinute, List<Storm> storms, Duration latency, int rows) {
			this(ceiling, neighbourPerMinute, storms, latency, Duration.ZERO, rows);
		}

		@Override
		public String toString() {
			return ceiling + "/min" + (neighbourPerMinute > 0 ? ", a neighbour sending " + neighbourPerMinute + "/min"
					: ", alone") + (storms.isEmpty() ? "" : storms.get(0).every() != null ? ", a 429 storm every "
							+ storms.get(0).every().toSeconds() + " s from " + storms.get(0).from().toSeconds() + " s"
					: ", " + storms.size() + " 429 storms") + ", latency "
					+ latency.toMillis() + " ms" + (jitter.isZero() ? "" : " ± " + jitter.toMillis() + " ms");
		}

		int leftToTheJob() {
			return ceiling - neighbourPerMinute;
		}

		/** What the job can reach: its share of the window, or what its senders can carry at this latency. */
		double reachablePerMinute() {
			return Math.min(leftToTheJob(), SENDERS * 60_000.0 / latency.toMillis());
		}
	}

	/** The default of pinbatch.concurrency: the settings record bound from no settings at all, as Spring binds it. */
	private static int defaultConcurrency() {
		return new Binder(new MapConfigurationPropertySource()).bindOrCreate("pinbatch", PinbatchProperties.class)
			.concurrency();
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
			// storms half the time that ask for less than their period (the sandbox's ...-storm-every=30s
			// ...-storm-length=15s ...-storm-retry-after=20s): a wait as asked from a storm's start ends in the open
			// and wherever the job's start falls in their period
			for (int from = 0; from < 30; from += 3) {
				scenarios.add(new Scenario(ceiling, ceiling / 6, List.of(new Storm(Duration.ofSeconds(from),
						Duration.ofSeconds(15), Duration.ofSeconds(20), Duration.ofSeconds(30))), latency, rows));
			}
			// short refusals that say to come back in a second (the sandbox's failNextCreates(n, 429)): the job
			// waits about that second, not until its count of the others' requests fades
			scenarios.add(new Scenario(ceiling, 0, List.of(new Storm(Duration.ofSeconds(10), Duration.ofMillis(500),
					Duration.ofSeconds(1), Duration.ofSeconds(15))), latency, rows));
			// Zernio slow and uneven (a busy API, a far network): answers in 0.5 to 3.5 s, or 1 to 9 s, so the
			// senders, not the window, may bound the pace, and the window sees the sends in another order
			scenarios.add(new Scenario(ceiling, 0, List.of(), Duration.ofSeconds(2), Duration.ofMillis(1500), rows));
			scenarios.add(new Scenario(ceiling, ceiling / 4, List.of(), Duration.ofSeconds(2), Duration.ofMillis(1500),
					rows));
			scenarios.add(new Scenario(ceiling, 0, List.of(), Duration.ofSeconds(5), Duration.ofSeconds(4), rows));
			// near and quick: 10 to 90 ms
			scenarios.add(new Scenario(ceiling, 0, List.of(), Duration.ofMillis(50), Duration.ofMillis(40), rows));
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
			Duration toldToWait = longestRetryAfterFrom(sends, i - 1);
			assertThat(gap).as("gap before send %d of %s", i, scenario)
				.isLessThanOrEqualTo(Duration.ofSeconds(65).plus(toldToWait));
		}

		// until Zernio's first answer tells the ceiling, the job sends at its cautious first pace (60/min): a slow
		// Zernio makes that longer, not faster
		List<Instant> beforeAnswer = zernio.departuresBeforeTheFirstAnswer();
		if (!beforeAnswer.isEmpty()) {
			long seconds = Duration.between(beforeAnswer.get(0), beforeAnswer.get(beforeAnswer.size() - 1)).toSeconds();
			assertThat(beforeAnswer.size()).as("sends before the first answer, %s", scenario)
				.isLessThanOrEqualTo((int) seconds * INITIAL_PER_MINUTE / 60 + 2);
		}

		// sends spread over the window once it is known: never more in 10 s than 10 s at the ceiling allows, give or
		// take
		int most = zernio.mostJobSendsWithin(Duration.ofSeconds(10));
		assertThat(most).as("most sends in 10 s, %s", scenario).isLessThanOrEqualTo(scenario.ceiling() / 6 + 3);

		// the window's 429s are the storms', not the job's doing; uneven trips reorder the sends, and one that
		// overtakes another into a full window is refused (and sent again): a few more then
		int requests = sends.size();
		assertThat(zernio.windowRefusals()).as("429s for a full window, %s", scenario)
			.isLessThanOrEqualTo(scenario.jitter().isZero() ? Math.max(3, requests / 100) : Math.max(6, requests / 20));

		double perMinute = zernio.createsPerMinute();
		double share = perMinute / scenario.leftToTheJob();
		System.out.printf("%-68s %7.1f pins/min, %.3f of the %d/min left to the job; longest gap %.1f s; most in 10 s:"
				+ " %d; window 429s: %d%n", scenario, perMinute, share, scenario.leftToTheJob(),
				zernio.longestGap().toMillis() / 1000.0, most, zernio.windowRefusals());
		if (scenario.storms().isEmpty()) {
			// a pin published at once is answered once Pinterest has it: seconds, at every tier, so the job's
			// threads must not be what bounds its pace (12 made 600/min 355/min at 2 s an answer, 48 made 1,200/min
			// 572/min at 5 ± 4 s)
			assertThat(share).as("pins per minute over the share left to the job, answers in %d ms, %s",
					scenario.latency().toMillis(), scenario)
				.isGreaterThanOrEqualTo(0.85);
		}
		if (scenario.storms().isEmpty()) {
			assertThat(perMinute / scenario.reachablePerMinute())
				.as("pins per minute over what the job can reach (its share, or its senders' at this latency), %s",
						scenario)
				.isGreaterThanOrEqualTo(scenario.neighbourPerMinute() == 0 && scenario.ceiling() >= 600
						&& scenario.jitter().isZero() ? 0.95 : 0.85);
		}
	}

	@Test
	void threadsWaitingForTheirTurnAreNotAllWokenAtEverySlot() throws Exception {
		Scenario scenario = new Scenario(600, 0, List.of(), Duration.ofMillis(250), 600);
		SimulatedTime time = new SimulatedTime();
		SimulatedZernio zernio = new SimulatedZernio(scenario, time);
		PacedSender sender = new PacedSender(zernio, settings(), ThrottleListener.NONE, time, time);

		assertThat(sendAll(scenario, time, zernio, sender)).hasSize(scenario.rows());

		// each request costs its round trip and a turn or two at the pace; all waiting threads woken at each slot (as
		// they were) cost as many wake-ups as threads: at 1,200/min and 48 threads about a thousand a second
		System.out.printf("threads woken: %d for %d requests%n", time.wakeUps(), zernio.jobArrivals().size());
		assertThat(time.wakeUps()).as("threads woken per request").isLessThan(8L * zernio.jobArrivals().size());
	}

	/** The longest Retry-After of the answers to the requests that reached Zernio at the instant this one did. */
	private static Duration longestRetryAfterFrom(List<SimulatedZernio.Arrival> arrivals, int index) {
		Instant at = arrivals.get(index).at();
		Duration longest = Duration.ZERO;
		for (int i = index; i >= 0 && arrivals.get(i).at().equals(at); i--) {
			longest = ServerHints.max(longest, arrivals.get(i).retryAfter());
		}
		return longest;
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
		return new ThrottleSettings(null, INITIAL_PER_MINUTE, 0.995, 100_000, 100_000, 6, Duration.ofMillis(500),
				Duration.ofSeconds(60), Duration.ofMinutes(5), 8);
	}

	/** Zernio's request window as the key's users share it; an oracle written apart from the code under test. */
	static final class SimulatedZernio implements PostAttempt {

		record Arrival(Instant at, boolean admitted, boolean storm, Duration retryAfter) {
		}

		/** A request as the job sent it, and whether any answer had come back by then. */
		record Departure(Instant at, boolean afterAnAnswer) {
		}

		private static final Duration WINDOW = Duration.ofSeconds(60);

		private final Scenario scenario;
		private final SimulatedTime time;
		private final ArrayDeque<Instant> window = new ArrayDeque<>();
		private final List<Arrival> arrivals = new ArrayList<>();
		/** When the job sent each request: it reaches the window later, by however long that trip takes. */
		private final List<Departure> departures = new ArrayList<>();
		private Instant firstAnswer;
		private final Map<String, Integer> created = new ConcurrentHashMap<>();
		private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
		private volatile boolean neighbourSending = true;

		SimulatedZernio(Scenario scenario, SimulatedTime time) {
			this.scenario = scenario;
			this.time = time;
		}

		@Override
		public SendResult attempt(CreatePostRequest request, String requestId) {
			Duration trip = scenario.latency();
			Duration there = trip.dividedBy(2);
			if (!scenario.jitter().isZero()) {
				// the same trips in every run: drawn from the request and its attempt, not from the threads' order
				SplittableRandom draw = new SplittableRandom(requestId.hashCode() * 31L
						+ attempts.merge(requestId, 1, Integer::sum));
				trip = trip.plusNanos((long) ((draw.nextDouble() * 2 - 1) * scenario.jitter().toNanos()));
				there = Duration.ofNanos((long) (trip.toNanos() * (0.1 + 0.8 * draw.nextDouble())));
			}
			try {
				synchronized (this) {
					departures.add(new Departure(time.instant(), firstAnswer != null));
				}
				time.sleep(there);
				SendResult answer = arrive(requestId);
				time.sleep(trip.minus(there));
				synchronized (this) {
					firstAnswer = firstAnswer != null ? firstAnswer : time.instant();
				}
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

		synchronized Duration longestGap() {
			Duration longest = Duration.ZERO;
			for (int i = 1; i < arrivals.size(); i++) {
				Duration gap = Duration.between(arrivals.get(i - 1).at(), arrivals.get(i).at());
				longest = gap.compareTo(longest) > 0 ? gap : longest;
			}
			return longest;
		}

		synchronized List<Instant> departuresBeforeTheFirstAnswer() {
			return departures.stream().filter(sent -> !sent.afterAnAnswer()).map(Departure::at).sorted().toList();
		}

		/**
		 * Counted when the job sent them (uneven trips bunch arrivals that the job spread), once an answer told the
		 * window's ceiling.
		 */
		synchronized int mostJobSendsWithin(Duration span) {
			List<Instant> sent = departures.stream().filter(Departure::afterAnAnswer).map(Departure::at).sorted()
				.toList();
			int most = 0;
			int first = 0;
			for (int last = 0; last < sent.size(); last++) {
				while (Duration.between(sent.get(first), sent.get(last)).compareTo(span) >= 0) {
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

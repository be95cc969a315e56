package com.pinbatch.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.pinbatch.zernio.RateLimitInfo;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * The global pace of all sending threads: one permit per period, so requests are spread evenly instead of bursting
 * at the start of each window. The pace follows Zernio's answers: it starts cautious, moves to the announced ceiling
 * (or the configured cap, if lower) times the headroom, slows down for other users of the same key, and holds every
 * thread while the window is used up.
 */
final class AdaptivePace {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	/** Waits are cut into slices so queued threads notice a new pace or a hold promptly. */
	private static final Duration SLICE = Duration.ofMillis(100);

	/** When the window is used up and Zernio gives no time: X-RateLimit-Reset has whole seconds anyway. */
	private static final Duration DRAINED_HOLD = Duration.ofSeconds(1);

	/** Smaller changes keep the current limiter, so every answer does not re-queue the waiting threads. */
	private static final double SIGNIFICANT_CHANGE = 0.01;

	/** However busy the other users of the key look, keep this share of the ceiling: the estimate is noisy. */
	private static final double MIN_SHARE = 0.05;

	/** Reservations never get near this while the sending threads are bounded. */
	private static final Duration RESERVATION_LIMIT = Duration.ofHours(1);

	private final Integer configured;
	private final double headroom;
	private final Duration maxHold;
	private final Clock clock;
	private final Sleeper sleeper;
	private final ThrottleListener listener;
	private final Supplier<Long> nanoTime;
	private final RecentSends ourSends = new RecentSends(WINDOW);
	private final AtomicReference<Instant> holdUntil = new AtomicReference<>(Instant.MIN);
	private final Object changing = new Object();
	private volatile RateLimiter limiter;
	private volatile double perMinute;

	AdaptivePace(ThrottleSettings settings, Clock clock, Sleeper sleeper, ThrottleListener listener) {
		this.configured = settings.configuredRequestsPerMinute();
		this.headroom = settings.headroom();
		this.maxHold = settings.maxRetryAfter();
		this.clock = clock;
		this.sleeper = sleeper;
		this.listener = listener;
		// the limiter reads the same clock as everything else, so a test clock drives it too
		this.nanoTime = () -> {
			Instant now = clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		};
		int start = settings.initialRequestsPerMinute();
		install(configured == null ? start : Math.min(start, configured * headroom));
	}

	/** Blocks until this thread may send: no hold in force and a permit at the current pace. */
	void awaitTurn() throws InterruptedException {
		while (true) {
			awaitHold();
			RateLimiter granting = limiter;
			long nanos = granting.reservePermission();
			if (nanos < 0) {
				sleeper.sleep(SLICE);
			}
			else if (waitForPermit(Duration.ofNanos(nanos), granting)) {
				ourSends.record(clock.instant());
				return;
			}
		}
	}

	/** Adapts to the rate-limit headers of one answer. */
	void observe(RateLimitInfo info) {
		if (info == null) {
			return;
		}
		Instant now = clock.instant();
		if (info.limit() != null && info.limit() > 0) {
			follow(info.limit(), info.remaining(), now);
		}
		if (info.remaining() != null && info.remaining() <= 0) {
			holdAll(ServerHints.waitHint(info, now).orElse(DRAINED_HOLD), "Zernio's request window is used up");
		}
	}

	/** Nobody sends for this long (capped by the longest honoured wait). */
	void holdAll(Duration howLong, String why) {
		Duration capped = ServerHints.min(howLong, maxHold);
		Instant until = clock.instant().plus(capped);
		Instant before = holdUntil.getAndAccumulate(until, (a, b) -> a.isAfter(b) ? a : b);
		if (until.isAfter(before)) {
			listener.onWait(why, capped);
		}
	}

	double perMinute() {
		return perMinute;
	}

	RateLimiter limiter() {
		return limiter;
	}

	private void follow(int limit, Integer remaining, Instant now) {
		int ceiling = configured == null ? limit : Math.min(limit, configured);
		double share = ceiling;
		if (remaining != null) {
			// what the window holds beyond our own sends was sent by someone else using the same key
			int others = Math.max(0, limit - remaining - ourSends.count(now));
			share = Math.min(ceiling, limit - others);
		}
		double target = Math.min(share * headroom, lasting(remaining, now));
		target = Math.max(Math.max(target, ceiling * MIN_SHARE), 1);
		synchronized (changing) {
			if (Math.abs(target - perMinute) > perMinute * SIGNIFICANT_CHANGE) {
				install(target);
			}
		}
	}

	/**
	 * The pace at which the window's Remaining lasts until our oldest send in it leaves it (Zernio's window slides:
	 * none of our slots frees before then). Without this, a neighbour that started with us is underestimated while
	 * its requests are still filling the window, and the window fills up before the estimate catches up.
	 */
	private double lasting(Integer remaining, Instant now) {
		Instant oldest = ourSends.oldest(now);
		if (remaining == null || oldest == null) {
			return Double.MAX_VALUE;
		}
		double seconds = Duration.between(now, oldest.plus(WINDOW)).toMillis() / 1000.0;
		return seconds < 1 ? Double.MAX_VALUE : remaining * 60 / seconds;
	}

	private void install(double requestsPerMinute) {
		long periodNanos = Math.max(1, Math.round(WINDOW.toNanos() / requestsPerMinute));
		RateLimiterConfig config = RateLimiterConfig.custom()
			.limitForPeriod(1)
			.limitRefreshPeriod(Duration.ofNanos(periodNanos))
			.timeoutDuration(RESERVATION_LIMIT)
			.build();
		limiter = RateLimiter.of("zernio-pace", config, nanoTime);
		perMinute = requestsPerMinute;
		listener.onPaceChanged(requestsPerMinute);
	}

	private void awaitHold() throws InterruptedException {
		while (true) {
			Duration left = Duration.between(clock.instant(), holdUntil.get());
			if (left.isNegative() || left.isZero()) {
				return;
			}
			sleeper.sleep(left);
		}
	}

	/**
	 * Waits for a reserved permit; gives it up (false) when the pace changed or a hold began meanwhile, so threads
	 * queued at an old, slower pace move to the new one at once.
	 */
	private boolean waitForPermit(Duration wait, RateLimiter granting) throws InterruptedException {
		Instant due = clock.instant().plus(wait);
		while (true) {
			Duration left = Duration.between(clock.instant(), due);
			if (left.isNegative() || left.isZero()) {
				return true;
			}
			sleeper.sleep(ServerHints.min(left, SLICE));
			if (limiter != granting || clock.instant().isBefore(holdUntil.get())) {
				return false;
			}
		}
	}
}

package com.pinbatch.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import com.pinbatch.zernio.RateLimitInfo;

/**
 * The global pace of all sending threads, hand-written because it must follow Zernio's sliding window, which no
 * general rate limiter models. Permits are spaced evenly at the pace (no bursts at the start of a window), and every
 * decision is taken afresh from the clock: nothing is reserved ahead, so a change of pace or a hold never strands a
 * queue of reservations, and time alone frees a waiting thread even when no answer arrives.
 * <p>
 * The pace starts cautious, then follows the announced ceiling (or the configured cap, if lower) times the
 * headroom, less what other programs on the same key use. A window guard keeps our requests in the last minute plus
 * theirs under the ceiling, and within the first minute spreads what is left of the window until our oldest request
 * leaves it, instead of spending it at once and then waiting.
 */
final class AdaptivePace {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	/**
	 * The first thread in line looks again at least this often: the pace and the room change with time alone (the
	 * others' requests fade, ours leave the window); an answer wakes it at once.
	 */
	private static final Duration SLICE = Duration.ofMillis(100);

	/** When the window is used up and Zernio gives no time: X-RateLimit-Reset has whole seconds anyway. */
	private static final Duration DRAINED_HOLD = Duration.ofSeconds(1);

	/** Pace changes smaller than this are not reported. */
	private static final double REPORTED_CHANGE = 0.05;

	/** However busy the other users of the key look, keep this share of the ceiling: the estimate is noisy. */
	private static final double MIN_SHARE = 0.05;

	/**
	 * One slot of the window is left free: our clock and Zernio's disagree by the time a request travels, and at 24
	 * requests a minute one request is the whole headroom.
	 */
	private static final int SPARE_SLOTS = 1;

	/** A request granted this soon after a 429's hold ended was among the first out after it. */
	private static final Duration FIRST_AFTER_HOLD = Duration.ofSeconds(5);

	private static final double GOLDEN_RATIO = 0.6180339887498949;

	private static final String REFUSED = "Zernio answered 429 Too Many Requests";

	/** How long the newest answer's count of the others' requests holds before it fades. */
	private static final Duration FRESH = Duration.ofSeconds(10);

	private final Integer configured;
	private final double headroom;
	private final Duration maxHold;
	private final Clock clock;
	private final ThrottleListener listener;
	private final int initialPerMinute;
	private final RecentSends ourSends = new RecentSends(WINDOW);
	private final WaitingLine line;
	private final AtomicReference<Instant> holdUntil = new AtomicReference<>(Instant.MIN);
	/** When this thread's last permit was granted: its answer describes the window as of then. */
	private final ThreadLocal<Instant> grantedOnThisThread = new ThreadLocal<>();

	// guarded by this
	private Instant lastRefusalHoldEnd;
	/** When the newest request Zernio did not refuse was granted. */
	private Instant lastAdmittedGrant;
	private int refusalsInRow;
	/** A 429 said when to come back: one request may then go whatever the estimate of the others says. */
	private boolean comeBackAsked;
	private Integer limit;
	private int othersSeen;
	private Instant othersSeenAt;
	private Instant lastSlot;
	private double reportedPerMinute;

	AdaptivePace(ThrottleSettings settings, Clock clock, Sleeper sleeper, ThrottleListener listener) {
		this.configured = settings.configuredRequestsPerMinute();
		this.headroom = settings.headroom();
		this.maxHold = settings.maxRetryAfter();
		this.clock = clock;
		this.line = new WaitingLine(sleeper);
		this.listener = listener;
		int start = settings.initialRequestsPerMinute();
		this.initialPerMinute = configured == null ? start : (int) Math.min(start, Math.max(1, configured * headroom));
		this.reportedPerMinute = initialPerMinute;
	}

	/** Blocks until this thread may send: no hold in force, its turn at the pace, and room in the window. */
	void awaitTurn() throws InterruptedException {
		awaitTurn(() -> {
		});
	}

	/**
	 * The same, giving up as soon as {@code stillWanted} throws: it is asked whenever the thread wakes, and
	 * {@link #wakeEveryone()} wakes every thread in line to ask it.
	 */
	void awaitTurn(Runnable stillWanted) throws InterruptedException {
		Sleeper.Doorbell place = line.join(stillWanted);
		try {
			while (true) {
				stillWanted.run();
				if (awaitHold(place)) {
					continue;
				}
				Duration wait = tryTake();
				if (wait == null) {
					return;
				}
				place.sleep(ServerHints.min(wait, SLICE));
			}
		}
		finally {
			line.leave(place);
		}
	}

	/** Adapts to the rate-limit headers of one answer, on the thread that sent its request. */
	void observe(RateLimitInfo info) {
		if (info == null) {
			return;
		}
		Instant now = clock.instant();
		if (info.limit() != null && info.limit() > 0) {
			Instant sentAt = grantedOnThisThread.get();
			learn(info.limit(), info.remaining(), sentAt == null ? now : sentAt);
		}
		if (info.remaining() != null && info.remaining() <= 0) {
			// a 429 (the only answer with Retry-After) says so: a storm shows 0 left too, whoever used the window
			holdAll(ServerHints.waitHint(info, now).orElse(DRAINED_HOLD), info.retryAfter() != null ? REFUSED
					: "Zernio's request window is used up");
		}
	}

	/** Zernio answered this thread's request without refusing it. */
	void admitted() {
		Instant granted = grantedOnThisThread.get();
		if (granted != null) {
			synchronized (this) {
				if (lastAdmittedGrant == null || granted.isAfter(lastAdmittedGrant)) {
					lastAdmittedGrant = granted;
				}
			}
		}
	}

	/**
	 * Zernio answered 429 to this thread's request: nobody sends for {@code asked} (capped by the longest honoured
	 * wait). When the refused request was the first out after the hold of the refusal before, the refusals come back
	 * as often as they ask to wait (a storm every minute that says to wait a minute), and waiting exactly as asked
	 * would meet each one at its start, for ever: so that hold is made longer, by a share of it that differs at each
	 * refusal in a row (the golden ratio's multiples never repeat), until a request lands between two of them. A
	 * request that went through after the hold shows it did: the next storm is then waited out as asked (before, one
	 * met seconds after the hold, sends through in between, made the next hold longer, into the storm after it).
	 */
	void refused(Duration asked) {
		Duration capped = ServerHints.min(asked, maxHold);
		Instant granted = grantedOnThisThread.get();
		Duration hold;
		synchronized (this) {
			boolean throughSinceHold = lastAdmittedGrant != null && lastRefusalHoldEnd != null
					&& !lastAdmittedGrant.isBefore(lastRefusalHoldEnd);
			boolean again = granted != null && lastRefusalHoldEnd != null && !granted.isBefore(lastRefusalHoldEnd)
					&& granted.isBefore(lastRefusalHoldEnd.plus(FIRST_AFTER_HOLD)) && !throughSinceHold;
			refusalsInRow = again ? refusalsInRow + 1 : 0;
			double share = refusalsInRow * GOLDEN_RATIO % 1;
			hold = capped.plusMillis(Math.round(capped.toMillis() * share));
			Instant end = clock.instant().plus(hold);
			if (lastRefusalHoldEnd == null || end.isAfter(lastRefusalHoldEnd)) {
				lastRefusalHoldEnd = end;
			}
			comeBackAsked = true;
		}
		holdAll(hold, REFUSED, false);
	}

	/** Nobody sends for this long (capped by the longest honoured wait). */
	void holdAll(Duration howLong, String why) {
		holdAll(howLong, why, true);
	}

	private void holdAll(Duration howLong, String why, boolean cap) {
		Duration capped = cap ? ServerHints.min(howLong, maxHold) : howLong;
		Instant until = clock.instant().plus(capped);
		Instant before = holdUntil.getAndAccumulate(until, (a, b) -> a.isAfter(b) ? a : b);
		if (until.isAfter(before)) {
			listener.onWait(why, capped);
			listener.onHeldUntil(until);
		}
	}

	/** The pace now, in requests per minute. */
	synchronized double perMinute() {
		return pace(clock.instant());
	}

	/** Grants a permit (null) or says how long until the next one may be due. */
	private synchronized Duration tryTake() {
		Instant now = clock.instant();
		double perMinute = pace(now);
		report(perMinute);
		Duration period = Duration.ofNanos(Math.max(1, Math.round(WINDOW.toNanos() / perMinute)));
		Instant due = lastSlot == null ? now : lastSlot.plus(period);
		if (now.isBefore(due)) {
			return Duration.between(now, due);
		}
		if (!roomInWindow(now) && !(comeBackAsked && roomForOurs(now))) {
			return SLICE;
		}
		comeBackAsked = false;
		// a thread that woke late catches up by at most half a period, so lateness neither accumulates nor bursts
		Instant catchUp = now.minus(period.dividedBy(2));
		lastSlot = due.isBefore(catchUp) ? catchUp : due;
		ourSends.record(now);
		grantedOnThisThread.set(now);
		return null;
	}

	/** The pace at this instant: it moves with time alone (our requests and the others' age out of the window). */
	private double pace(Instant now) {
		if (limit == null) {
			return initialPerMinute;
		}
		int ceiling = ceiling();
		double share = Math.min(ceiling, limit - others(now));
		double target = Math.min(share * headroom, share - SPARE_SLOTS);
		target = Math.min(target, lasting(now));
		return Math.max(target, Math.max(ceiling * MIN_SHARE, 1));
	}

	/**
	 * Within the first minute none of our slots frees before our oldest request leaves the window (it slides), so
	 * what is left of it is spread until then rather than spent at once.
	 */
	private double lasting(Instant now) {
		Instant oldest = ourSends.oldest(now);
		if (oldest == null) {
			return Double.MAX_VALUE;
		}
		double seconds = Duration.between(now, oldest.plus(WINDOW)).toMillis() / 1000.0;
		int left = room(now) - ourSends.count(now);
		return seconds < 1 || left <= 0 ? Double.MAX_VALUE : left * 60 / seconds;
	}

	private boolean roomInWindow(Instant now) {
		return limit == null || ourSends.count(now) < room(now);
	}

	/**
	 * Whether our own requests leave a slot, the others' estimate aside. A 429's count of the others (the window
	 * full) holds for seconds unless an answer replaces it, and none came while it held the job still: 3 refusals that
	 * said to come back after 1 s kept the job from sending for 10 s, and every 429 storm cost those seconds after
	 * its wait. The first request after the wait Zernio asked for brings that answer (and is what Zernio asked for).
	 */
	private boolean roomForOurs(Instant now) {
		return ourSends.count(now) < Math.min(ceiling(), limit - SPARE_SLOTS);
	}

	/** How many of the window's slots may hold our requests now: our own cap, or what the others leave. */
	private int room(Instant now) {
		return Math.min(ceiling(), limit - SPARE_SLOTS - others(now));
	}

	private int ceiling() {
		return configured == null ? limit : Math.min(limit, configured);
	}

	/**
	 * Other programs' requests in the window now: what the newest answer showed beyond ours, fading as those requests
	 * age out, so a stale estimate can never hold the job still (a fresh answer replaces it at every send).
	 */
	private int others(Instant now) {
		if (othersSeen == 0) {
			return 0;
		}
		// while answers keep coming it is their count: fading from the first answer on, it fell a request or two
		// short of a busy neighbour's, and the job took those slots (429s when the key was shared half and half)
		Duration stale = Duration.between(othersSeenAt, now).minus(FRESH);
		double age = Math.max(0, stale.toMillis()) / (double) WINDOW.minus(FRESH).toMillis();
		return (int) Math.ceil(othersSeen * Math.max(0, 1 - age));
	}

	private synchronized void learn(int announcedLimit, Integer remaining, Instant sentAt) {
		limit = announcedLimit;
		if (remaining == null || (othersSeenAt != null && sentAt.isBefore(othersSeenAt))) {
			return;
		}
		// what the window held beyond our own requests up to this one was sent by someone else using the same key
		othersSeen = Math.max(0, announcedLimit - remaining - ourSends.countUntil(sentAt));
		othersSeenAt = sentAt;
		// the pace or the room may have changed: the first in line looks again now, not at the end of its wait
		line.nudgeFirst();
	}

	private void report(double perMinute) {
		if (Math.abs(perMinute - reportedPerMinute) > reportedPerMinute * REPORTED_CHANGE) {
			reportedPerMinute = perMinute;
			listener.onPaceChanged(perMinute);
		}
	}

	/**
	 * Sending stopped for good (a rejected key, Zernio down): the threads in line ask whether they are still wanted
	 * now, instead of each at its turn at the pace (at 24 requests a minute, 200 threads took 8 minutes to stop).
	 */
	void wakeEveryone() {
		line.ringEveryone();
	}

	/** Waits while a hold is in force, or until rung; true when it waited. */
	private boolean awaitHold(Sleeper.Doorbell place) throws InterruptedException {
		Duration left = Duration.between(clock.instant(), holdUntil.get());
		if (left.isNegative() || left.isZero()) {
			return false;
		}
		place.sleep(left);
		return true;
	}
}

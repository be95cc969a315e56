package com.pinbatch.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;
import com.pinbatch.throttle.ThrottleListener;

/**
 * Counts outcomes as the sending threads report them, for the progress display and the summary. It only counts;
 * what is shown, and how often, is the display's business. It also hears when the sends are held (a 429's
 * Retry-After), so the time left counts the hold instead of the pace before it.
 */
public class RunProgress implements ThrottleListener {

	private final Clock clock;

	private final Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);

	private long total;

	private final Map<RowStatus, Long> before = new EnumMap<>(RowStatus.class);

	private Instant started;

	private long publishing;

	/** Rows this run got onto Zernio (created there, or found already there): the sending pace. */
	private long pinsOnZernio;

	/** Until when nobody sends (the latest hold heard of). */
	private Instant heldUntil = Instant.MIN;

	/** When this run finished its first row: the pace is counted from then, not from the run's start. */
	private Instant firstDone;

	/**
	 * The inputs whose plans are to come, those heard, and the rows they will send (valid, within their accounts'
	 * caps): the sends' count is whole once every input planned.
	 */
	private int plansExpected = 1;

	private long plansHeard;

	private long sendsHeard;

	/** Rows this run sent (at least one request), and when the first of them ended. */
	private long sentNow;

	private Instant firstSent;

	public RunProgress(Clock clock) {
		this.clock = clock;
	}

	/**
	 * A run begins.
	 *
	 * @param totalRows   the data rows of the input
	 * @param earlierRuns outcomes stored by earlier runs of the same input (a resume), counted as done already
	 */
	public synchronized void start(long totalRows, Map<RowStatus, Long> earlierRuns) {
		this.total = totalRows;
		this.counts.clear();
		this.counts.putAll(earlierRuns);
		this.before.clear();
		this.before.putAll(earlierRuns);
		this.started = clock.instant();
		this.firstDone = null;
		this.pinsOnZernio = 0;
		this.plansHeard = 0;
		this.sendsHeard = 0;
		this.sentNow = 0;
		this.firstSent = null;
	}

	/**
	 * An input's plan: the rows it will send. The time left is counted in sends: rows decided at once (INVALID, over
	 * a cap, already on Zernio) counted in the pace made it several times too short.
	 */
	public synchronized void planned(long sends) {
		sendsHeard += sends;
		plansHeard++;
	}

	/** How many inputs this run plans (one progress counts the inputs of a command together). */
	public synchronized void expectPlans(int inputs) {
		plansExpected = Math.max(1, inputs);
	}

	@Override
	public synchronized void onHeldUntil(Instant until) {
		if (until.isAfter(heldUntil)) {
			heldUntil = until;
		}
	}

	/** A row's outcome changed after it was counted (its pin published or refused). */
	public synchronized void rowChanged(RowResult before, RowResult after) {
		counts.computeIfPresent(before.status(), (status, count) -> count > 1 ? count - 1 : null);
		counts.merge(after.status(), 1L, Long::sum);
	}

	/** How many rows are still publishing on Pinterest as far as the run knows. */
	public synchronized void publishing(long rows) {
		this.publishing = rows;
	}

	public synchronized long publishing() {
		return publishing;
	}

	public synchronized void rowDone(RowResult result) {
		rowDone(result, true);
	}

	/**
	 * @param sentHere whether this run may have sent the row; not one decided without a request (checked, or carried
	 *                 over from an earlier result file with that file's attempts: before, a retry's first figure was
	 *                 "342 pins/min" of pins it never sent)
	 */
	public synchronized void rowDone(RowResult result, boolean sentHere) {
		firstDone();
		if (sentHere) {
			sent(result);
		}
		counts.merge(result.status(), 1L, Long::sum);
		if (sentHere && onZernio(result)) {
			pinsOnZernio++;
		}
	}

	/**
	 * Whether this run got the row's pin onto Zernio: it sent it and it has a post there, whatever Pinterest made of it
	 * since (published, scheduled, still unknown or refused). A pin an earlier run created is not this run's pace.
	 */
	private static boolean onZernio(RowResult result) {
		return result.attempts() > 0 && result.postId() != null && !result.postId().isBlank();
	}

	/**
	 * A row whose outcome an earlier run stored ends again (a resume re-reads the chunk that did not commit): the
	 * new outcome replaces the one counted at {@link #start}, so the row is not counted twice.
	 */
	public synchronized void rowDoneAgain(RowStatus earlier, RowResult result, boolean sentHere) {
		firstDone();
		if (sentHere) {
			sent(result);
		}
		counts.merge(earlier, -1L, Long::sum);
		counts.merge(result.status(), 1L, Long::sum);
		if (sentHere && onZernio(result) && !RowStatus.isOnZernio(earlier.name())) {
			pinsOnZernio++;
		}
	}

	private void sent(RowResult result) {
		if (result.attempts() > 0) {
			sentNow++;
			if (firstSent == null) {
				firstSent = clock.instant();
			}
		}
	}

	private void firstDone() {
		if (firstDone == null) {
			firstDone = clock.instant();
		}
	}

	public synchronized Snapshot snapshot() {
		Instant now = clock.instant();
		Duration held = heldUntil.isAfter(now) ? Duration.between(now, heldUntil) : Duration.ZERO;
		return new Snapshot(total, new EnumMap<>(before), new EnumMap<>(counts),
				started == null ? Duration.ZERO : Duration.between(started, now), publishing, pinsOnZernio, held,
				firstDone == null ? Duration.ZERO : Duration.between(firstDone, now),
				// inputs planned one after another (--spread, more than pinbatch.parallel-inputs): until the last has,
				// the rows of those still to plan would be missing from the sends left
				new Sends(plansHeard >= plansExpected ? sendsHeard : -1, sentNow,
						firstSent == null ? Duration.ZERO : Duration.between(firstSent, now)));
	}

	/**
	 * Where a run stands.
	 *
	 * @param before  rows by status whose outcome an earlier run of the same input stored
	 * @param counts  rows done by status, earlier runs included
	 * @param elapsed    time since this run started
	 * @param publishing rows on Zernio whose outcome on Pinterest the run is still waiting for
	 * @param pinsOnZernio rows this run got onto Zernio
	 * @param held       how long the sends are still held (a 429's Retry-After), or zero
	 * @param sinceFirstDone time since this run finished its first row, or zero before that
	 * @param sends      the rows planned to be sent, and sent so far
	 */
	public record Snapshot(long total, Map<RowStatus, Long> before, Map<RowStatus, Long> counts, Duration elapsed,
			long publishing, long pinsOnZernio, Duration held, Duration sinceFirstDone, Sends sends) {

		public long done() {
			return counts.values().stream().mapToLong(Long::longValue).sum();
		}

		/** Rows finished by this run (not earlier ones). */
		public long doneNow() {
			return Math.max(0, done() - before.values().stream().mapToLong(Long::longValue).sum());
		}

		/**
		 * Pins this run's sends got onto Zernio per minute, created or found already there, whatever Pinterest did
		 * with them since: a pin that published (or was refused) at once still counts. Over ten seconds at least: one
		 * pin half a second in gave "120 pins/min" on a 60-a-minute tier, read as the pace broken (and the pins so far,
		 * for a whole first minute, read "60 pins/min" of a run going at 600).
		 */
		public double pinsPerMinute() {
			long millis = Math.max(elapsed.toMillis(), Duration.ofSeconds(10).toMillis());
			return pinsOnZernio * 60_000.0 / millis;
		}

		/**
		 * Time left at this run's pace, after the hold the sends wait out; null until the pace is known. Once a plan
		 * told the rows to send, the pace is the sends after the first over the time since it, for the sends left;
		 * else (a dry run) the rows finished after the first. From the first, not the start: the run's start
		 * (reading, look-ups, the first answer's wait) made the first figures several times too long.
		 */
		public Duration eta() {
			if (sends.planned() >= 0 && sends.sent() >= 2 && sends.sinceFirst().toMillis() > 0) {
				double perMinute = (sends.sent() - 1) * 60_000.0 / sends.sinceFirst().toMillis();
				// a resume's plan counts the rows its earlier executions sent too
				long sentBefore = before.entrySet().stream().filter(count -> count.getKey().succeeded())
					.mapToLong(Map.Entry::getValue).sum();
				long left = Math.max(0, sends.planned() - sends.sent() - sentBefore);
				Duration atThePace = Duration.ofMillis(Math.round(left / perMinute * 60_000));
				return left == 0 ? atThePace : atThePace.plus(held);
			}
			long millis = sinceFirstDone.toMillis();
			if (doneNow() < 2 || millis <= 0) {
				return null;
			}
			double perMinute = (doneNow() - 1) * 60_000.0 / millis;
			long left = Math.max(0, total - done());
			Duration atThePace = Duration.ofMillis(Math.round(left / perMinute * 60_000));
			return left == 0 ? atThePace : atThePace.plus(held);
		}

		public long count(RowStatus status) {
			return counts.getOrDefault(status, 0L);
		}
	}

	/**
	 * @param planned    rows the plans will send; -1 before a plan (a dry run's pace is its rows')
	 * @param sent       rows this run sent
	 * @param sinceFirst time since the first of them ended, or zero before that
	 */
	public record Sends(long planned, long sent, Duration sinceFirst) {
	}
}

package com.pinbatch.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;

/**
 * Counts outcomes as the sending threads report them, for the progress display and the summary. It only counts;
 * what is shown, and how often, is the display's business.
 */
public class RunProgress {

	private final Clock clock;

	private final Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);

	private long total;

	private final Map<RowStatus, Long> before = new EnumMap<>(RowStatus.class);

	private Instant started;

	private long publishing;

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
		counts.merge(result.status(), 1L, Long::sum);
	}

	/**
	 * A row whose outcome an earlier run stored ends again (a resume re-reads the chunk that did not commit): the
	 * new outcome replaces the one counted at {@link #start}, so the row is not counted twice.
	 */
	public synchronized void rowDoneAgain(RowStatus earlier, RowResult result) {
		counts.merge(earlier, -1L, Long::sum);
		counts.merge(result.status(), 1L, Long::sum);
	}

	public synchronized Snapshot snapshot() {
		Instant now = clock.instant();
		return new Snapshot(total, new EnumMap<>(before), new EnumMap<>(counts),
				started == null ? Duration.ZERO : Duration.between(started, now), publishing);
	}

	/**
	 * Where a run stands.
	 *
	 * @param before  rows by status whose outcome an earlier run of the same input stored
	 * @param counts  rows done by status, earlier runs included
	 * @param elapsed    time since this run started
	 * @param publishing rows on Zernio whose outcome on Pinterest the run is still waiting for
	 */
	public record Snapshot(long total, Map<RowStatus, Long> before, Map<RowStatus, Long> counts, Duration elapsed,
			long publishing) {

		public long done() {
			return counts.values().stream().mapToLong(Long::longValue).sum();
		}

		/** Rows finished by this run (not earlier ones). */
		public long doneNow() {
			return Math.max(0, done() - before.values().stream().mapToLong(Long::longValue).sum());
		}

		/** Rows finished per minute by this run. */
		public double rowsPerMinute() {
			long millis = elapsed.toMillis();
			return millis <= 0 ? 0 : doneNow() * 60_000.0 / millis;
		}

		/** Pins created (or found already there) per minute by this run's sends. */
		public double pinsPerMinute() {
			long millis = elapsed.toMillis();
			long pins = count(RowStatus.CREATED) + count(RowStatus.DUPLICATE)
					- before.getOrDefault(RowStatus.CREATED, 0L) - before.getOrDefault(RowStatus.DUPLICATE, 0L);
			return millis <= 0 ? 0 : Math.max(0, pins) * 60_000.0 / millis;
		}

		/** Time left at this run's pace; null until the pace is known. */
		public Duration eta() {
			double perMinute = rowsPerMinute();
			if (perMinute <= 0 || doneNow() == 0) {
				return null;
			}
			long left = Math.max(0, total - done());
			return Duration.ofMillis(Math.round(left / perMinute * 60_000));
		}

		public long count(RowStatus status) {
			return counts.getOrDefault(status, 0L);
		}
	}
}

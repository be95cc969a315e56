package com.pinbatch.job;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;

/**
 * Counts outcomes as they happen and prints a plain progress line at a steady interval (safe for cron logs and
 * pipes: no control characters).
 */
public class RunProgress {

	private final PrintStream out;

	private final Clock clock;

	private final Duration interval;

	private final Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);

	private long total;

	private Instant started;

	private Instant lastPrinted;

	public RunProgress(PrintStream out, Clock clock, Duration interval) {
		this.out = out;
		this.clock = clock;
		this.interval = interval;
	}

	public synchronized void start(long totalRows) {
		this.total = totalRows;
		this.counts.clear();
		this.started = clock.instant();
		this.lastPrinted = started;
	}

	public synchronized void rowDone(RowResult result) {
		counts.merge(result.status(), 1L, Long::sum);
		Instant now = clock.instant();
		if (started != null && Duration.between(lastPrinted, now).compareTo(interval) >= 0) {
			lastPrinted = now;
			out.println(line(now));
		}
	}

	private String line(Instant now) {
		long done = counts.values().stream().mapToLong(Long::longValue).sum();
		double minutes = Math.max(Duration.between(started, now).toMillis(), 1) / 60_000.0;
		long sent = counts.getOrDefault(RowStatus.CREATED, 0L) + counts.getOrDefault(RowStatus.DUPLICATE, 0L);
		String byStatus = counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
				.collect(Collectors.joining(", "));
		return String.format("progress: %d of %d rows (%s), %.0f pins/min", done, total, byStatus, sent / minutes);
	}
}

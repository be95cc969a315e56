package com.pinbatch.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.pinbatch.concurrent.DaemonThreads;
import com.pinbatch.job.RunProgress;
import com.pinbatch.text.Durations;
import com.pinbatch.text.Formats;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how a run is going while it runs: on a terminal, a live line redrawn twice a second; otherwise (cron, CI,
 * a pipe) a plain log line at a steady interval, with no control characters.
 */
final class ProgressDisplay implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger("com.pinbatch.progress");

	private static final Duration LIVE_REDRAW = Duration.ofMillis(500);

	/** Kept below the narrowest usual terminal: a wrapped line cannot be redrawn in place. */
	private static final int LIVE_WIDTH = 79;

	private final RunProgress progress;

	private final TerminalStatusLine live;

	private final ScheduledExecutorService ticker;

	private ProgressDisplay(RunProgress progress, TerminalStatusLine live, Duration interval) {
		this.progress = progress;
		this.live = live;
		this.ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("pinbatch-progress"));
		long period = (live != null ? LIVE_REDRAW : interval).toMillis();
		ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
	}

	/** Starts showing {@code progress}: live on {@code terminal} when there is one, else a log line per interval. */
	static ProgressDisplay start(RunProgress progress, TerminalStatusLine terminal, Duration interval) {
		return new ProgressDisplay(progress, terminal, interval);
	}

	private void tick() {
		RunProgress.Snapshot now = progress.snapshot();
		if (live != null) {
			live.show(truncate(liveLine(now)));
		}
		else {
			LOG.info(plainLine(now));
		}
	}

	static String liveLine(RunProgress.Snapshot now) {
		if (now.publishing() > 0) {
			// the sends are over: what the run waits for comes first, before the line is cut at the terminal's width
			return Formats.plain("%d/%d rows | %d still publishing | %s", now.done(), now.total(),
					now.publishing(), byStatus(now));
		}
		return Formats.plain("%d/%d rows %d%% | %.0f pins/min | ETA %s | %s", now.done(), now.total(),
				percent(now), now.pinsPerMinute(), eta(now), byStatus(now));
	}

	static String plainLine(RunProgress.Snapshot now) {
		if (now.publishing() > 0) {
			return Formats.plain("%d of %d rows sent, %d still publishing; %s", now.done(), now.total(),
					now.publishing(), byStatus(now));
		}
		return Formats.plain("%d of %d rows (%d%%), %.0f pins/min, %s left; %s", now.done(),
				now.total(), percent(now), now.pinsPerMinute(), eta(now), byStatus(now));
	}

	private static long percent(RunProgress.Snapshot now) {
		return now.total() == 0 ? 100 : now.done() * 100 / now.total();
	}

	private static String eta(RunProgress.Snapshot now) {
		Duration eta = now.eta();
		return eta == null ? "?" : Durations.describe(eta);
	}

	private static String byStatus(RunProgress.Snapshot now) {
		String counts = now.counts().entrySet().stream()
			.filter(entry -> entry.getValue() > 0)
			.map(entry -> entry.getValue() + " " + entry.getKey().name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(", "));
		return counts.isEmpty() ? "no rows done yet" : counts;
	}

	private static String truncate(String line) {
		return line.length() <= LIVE_WIDTH ? line : line.substring(0, LIVE_WIDTH - 1) + "…";
	}

	@Override
	public void close() {
		ticker.shutdownNow();
		if (live != null) {
			live.clear();
		}
	}
}

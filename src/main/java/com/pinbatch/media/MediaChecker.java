package com.pinbatch.media;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.pinbatch.concurrent.DaemonThreads;
import com.pinbatch.pin.Media;
import com.pinbatch.pin.MediaKind;

/**
 * {@code --check-media}: probes media URLs before sending, so that a dead link, a share page or an oversized file
 * is reported on its row instead of failing at Pinterest. Each distinct URL is probed once per run, a few at a time
 * and politely paced per host. It checks http URLs too (the https rule is the validator's), but only on public
 * addresses unless the settings allow private ones.
 * Thread-safe.
 */
public class MediaChecker implements AutoCloseable {

	private final MediaProbe probe;

	private final ExecutorService workers;

	/** URL -> the probe's answer, shared by every row (and thread) that asks about the URL. */
	private final Map<String, CompletableFuture<ProbeAnswer>> answers = new ConcurrentHashMap<>();

	public MediaChecker(MediaCheckSettings settings) {
		this(new MediaProbe(settings), settings);
	}

	/** With another lookup of the addresses a host may be asked at (tests: a stand-in DNS, or loopback as public). */
	MediaChecker(MediaCheckSettings settings, MediaProbe.Lookup lookup) {
		this(new MediaProbe(settings, lookup), settings);
	}

	private MediaChecker(MediaProbe probe, MediaCheckSettings settings) {
		this.probe = probe;
		// daemons: an aborted run must not hang on a slow media host
		this.workers = Executors.newFixedThreadPool(settings.parallelism(),
				DaemonThreads.named("media-check"));
	}

	/** Probes the URL (or reuses this run's earlier probe of it) and judges it for a pin of the given kind. */
	public MediaCheckResult check(String url, MediaKind expectedKind) {
		return ProbeVerdict.judge(url, answerFor(url).join(), expectedKind);
	}

	/**
	 * Checks every distinct URL of the given media in parallel; local files are skipped (the uploader checks them).
	 *
	 * @return a result per distinct remote media item, in the order given
	 */
	public Map<Media, MediaCheckResult> checkAll(Collection<Media> media) {
		List<Media> remote = new ArrayList<>();
		for (Media item : new LinkedHashSet<>(media)) {
			if (!item.local()) {
				remote.add(item);
				answerFor(item.location());
			}
		}
		Map<Media, MediaCheckResult> results = new LinkedHashMap<>();
		for (Media item : remote) {
			results.put(item, check(item.location(), item.kind()));
		}
		return results;
	}

	private CompletableFuture<ProbeAnswer> answerFor(String url) {
		return answers.computeIfAbsent(url, key -> CompletableFuture.supplyAsync(() -> probe.probe(key), workers));
	}

	@Override
	public void close() {
		workers.shutdownNow();
		probe.close();
	}

}

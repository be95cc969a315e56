package com.pinbatch.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.pinbatch.concurrent.Pause;

/**
 * Waits, before an input is read, until a file written moments ago has been left alone for a quiet period: cron may
 * start while a colleague's copy (an upload, a sync, an export) is still writing it, and half a file is half the
 * rows and a last one cut short. A file last changed longer ago than that is read at once.
 */
public final class InputSettling {

	/** How long a file may keep changing before its run is refused; a copy longer than this is no copy. */
	static final Duration LONGEST = Duration.ofMinutes(10);

	private final Duration quiet;

	private final Clock clock;

	private final Pause pause;

	/** @param pause a test's moves a fake clock (and may write the file, as a copy would) */
	InputSettling(Duration quiet, Clock clock, Pause pause) {
		this.quiet = quiet;
		this.clock = clock;
		this.pause = pause;
	}

	/** @param quiet how long a file must have been unchanged; zero reads every file at once */
	public static InputSettling of(Duration quiet) {
		return new InputSettling(quiet, Clock.systemUTC(), Pause.thread());
	}

	/**
	 * Returns once each of {@code files} written moments ago has been unchanged for the quiet period: all waited for
	 * together (a folder of files exported just before cron waits once, not once a file).
	 *
	 * @param notes told once when there is a wait, and why
	 * @throws InputFileException when one is still changing after {@link #LONGEST}: nothing was read from any
	 */
	public void await(List<Path> files, Consumer<String> notes) {
		List<Path> recent = quiet.isZero() ? List.of() : files.stream().filter(this::recentlyWritten).toList();
		if (recent.isEmpty()) {
			return;
		}
		boolean one = recent.size() == 1;
		notes.accept(recent.stream().map(file -> String.valueOf(file.getFileName())).collect(Collectors.joining(", "))
				+ (one ? " was" : " were") + " written less than " + shown(quiet) + " ago: waiting until "
				+ (one ? "it has" : "they have") + " been left alone that long (a copy may still be writing "
				+ (one ? "it" : "them") + ")");
		Instant giveUp = clock.instant().plus(LONGEST);
		Map<Path, InputFileState> before = states(recent);
		while (true) {
			try {
				pause.sleep(quiet);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InputFileException(recent.get(0) + ": not read: pinbatch was stopped while it waited for the"
						+ " file to be left alone");
			}
			Map<Path, InputFileState> now = states(recent);
			Optional<Path> changing = recent.stream().filter(file -> !now.get(file).equals(before.get(file)))
				.findFirst();
			if (changing.isEmpty()) {
				return;
			}
			if (!clock.instant().isBefore(giveUp)) {
				throw new InputFileException(changing.get() + ": still being written: it kept changing for "
						+ LONGEST.toMinutes() + " minutes, so nothing was read from it; run again once it is"
						+ " complete");
			}
			before.putAll(now);
		}
	}

	private static Map<Path, InputFileState> states(List<Path> files) {
		Map<Path, InputFileState> states = new HashMap<>();
		files.forEach(file -> states.put(file, InputFileState.of(file)));
		return states;
	}

	/** "5 s", or "500 ms" below a second. */
	private static String shown(Duration duration) {
		return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
	}

	/** Last changed within the quiet period, or in the future (a clock ahead on a file server): it may be in use. */
	private boolean recentlyWritten(Path file) {
		try {
			Instant written = Files.getLastModifiedTime(file).toInstant();
			return written.isAfter(clock.instant().minus(quiet));
		}
		catch (IOException ex) {
			return false; // the read that comes tells what is wrong with it
		}
	}
}

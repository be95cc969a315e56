package com.pinbatch.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.pinbatch.sandbox.MovableClock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copy still writing the input when the run starts, played on a fake clock: each pause may write a row more. */
class InputSettlingTests {

	private static final Duration QUIET = Duration.ofSeconds(5);

	@TempDir
	Path dir;

	private final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-12-07T02:00:00Z"));

	private final List<Duration> pauses = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	@Test
	void aFileLeftAloneLongerThanTheQuietPeriodIsReadAtOnce() throws IOException {
		Path file = written(clock.instant().minusSeconds(6));

		settling(0).await(List.of(file), notes::add);

		assertThat(pauses).isEmpty();
		assertThat(notes).isEmpty();
	}

	@Test
	void aCopyStillWritingIsWaitedForUntilItHasBeenLeftAloneForTheQuietPeriod() throws IOException {
		Path file = written(clock.instant().minusSeconds(1));

		settling(3).await(List.of(file), notes::add);

		assertThat(Files.readAllLines(file)).as("every row the copy wrote").hasSize(1 + 1 + 3);
		assertThat(pauses).as("three pauses saw it grow, the fourth unchanged").hasSize(4).containsOnly(QUIET);
		assertThat(notes).singleElement()
			.isEqualTo("pins.csv was written less than 5 s ago: waiting until it has been left alone that long (a"
					+ " copy may still be writing it)");
	}

	@Test
	void aFileWrittenMomentsAgoThatStaysAsItIsCostsOneQuietPeriod() throws IOException {
		Path file = written(clock.instant());

		settling(0).await(List.of(file), notes::add);

		assertThat(pauses).containsExactly(QUIET);
	}

	@Test
	void aFileDatedInTheFutureIsWaitedForAsInUse() throws IOException {
		// a file server whose clock runs ahead of this machine's
		Path file = written(clock.instant().plusSeconds(60));

		settling(0).await(List.of(file), notes::add);

		assertThat(pauses).containsExactly(QUIET);
	}

	@Test
	void aFileThatNeverStopsChangingIsRefusedAfterTenMinutesWithNothingRead() throws IOException {
		Path file = written(clock.instant());

		assertThatThrownBy(() -> settling(Integer.MAX_VALUE).await(List.of(file), notes::add))
			.isInstanceOf(InputFileException.class)
			.hasMessage(file + ": still being written: it kept changing for 10 minutes, so nothing was read from it;"
					+ " run again once it is complete");
		assertThat(pauses).as("ten minutes of five-second pauses").hasSize(120);
	}

	@Test
	void filesExportedTogetherAreWaitedForOnceNotOnceAFile() throws IOException {
		// before: three files exported just before cron waited five seconds each, one after the other
		Path pins = written(clock.instant());
		Path more = Files.writeString(dir.resolve("more.csv"), "title\nA\n", StandardCharsets.UTF_8);
		Files.setLastModifiedTime(more, FileTime.from(clock.instant()));
		Path old = Files.writeString(dir.resolve("old.csv"), "title\nB\n", StandardCharsets.UTF_8);
		Files.setLastModifiedTime(old, FileTime.from(clock.instant().minusSeconds(3600)));

		settling(0).await(List.of(pins, more, old), notes::add);

		assertThat(pauses).containsExactly(QUIET);
		assertThat(notes).containsExactly("pins.csv, more.csv were written less than 5 s ago: waiting until they have"
				+ " been left alone that long (a copy may still be writing them)");
	}

	@Test
	void noQuietPeriodReadsEvenAFileBeingWritten() throws IOException {
		Path file = written(clock.instant());

		new InputSettling(Duration.ZERO, clock, pause -> pauses.add(pause)).await(List.of(file), notes::add);

		assertThat(pauses).isEmpty();
	}

	/**
	 * Settling whose pauses move the clock, the copy adding a row (and touching the file) in the first {@code rows}
	 * pauses.
	 */
	private InputSettling settling(int rows) {
		return new InputSettling(QUIET, clock, pause -> {
			pauses.add(pause);
			clock.add(pause);
			if (pauses.size() <= rows) {
				try {
					Path file = dir.resolve("pins.csv");
					Files.writeString(file, "Shelf " + pauses.size() + ",https://images.example.com/s.jpg\n",
							StandardCharsets.UTF_8, StandardOpenOption.APPEND);
					Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		});
	}

	private Path written(Instant at) throws IOException {
		Path file = Files.writeString(dir.resolve("pins.csv"),
				"title,media_url\nShelf 0,https://images.example.com/s.jpg\n", StandardCharsets.UTF_8);
		Files.setLastModifiedTime(file, FileTime.from(at));
		return file;
	}
}

package com.pinbatch.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Sends pressed but not started yet (each waits for the console's send before it), written beside their upload, so
 * that one the console's stop dropped is told on the upload's page and the run's, not lost without a word: its
 * person pressed Send, and nothing of it was sent. The sends that started are kept there too, by run, so that a run's
 * page opened again after the console restarted (which forgets its live runs) leads to its upload's page, which says
 * how its last send stands.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WaitingSends {

	/** Beside the upload; an uploaded file's stored name never starts with a dot, so the two cannot meet. */
	private static final String WAITING = ".send-waiting";

	/** The runs of the upload's sends that started, one a line. */
	private static final String STARTED = ".sends-started";

	private final Uploads uploads;

	WaitingSends(Uploads uploads) {
		this.uploads = uploads;
	}

	/** A send of the upload was pressed and waits for its turn, as the run {@code runId}. */
	void waiting(Upload upload, String runId, Instant asked) {
		try {
			Files.writeString(upload.folder().resolve(WAITING), runId + " " + asked, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the send under " + uploads.root() + ": " + ex.getMessage(), ex);
		}
	}

	/** Its turn came: nothing of it waits any more, and the run {@code runId} is this upload's. */
	void started(Upload upload, String runId) {
		try {
			Files.writeString(upload.folder().resolve(STARTED), runId + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			Files.deleteIfExists(upload.folder().resolve(WAITING));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the send under " + uploads.root() + ": " + ex.getMessage(), ex);
		}
	}

	/** When a send of the upload was pressed that never started, if one was (its console stopped first). */
	Optional<Instant> dropped(Upload upload) {
		return read(upload.folder()).map(Waiting::asked);
	}

	/** The upload of the dropped send {@code runId}, for its owner. */
	Optional<Upload> uploadOf(String runId, String owner) {
		return uploadWhere(runId, owner, folder -> read(folder).filter(waiting -> waiting.runId().equals(runId))
			.isPresent());
	}

	/** The upload of the send that started as the run {@code runId}, for its owner. */
	Optional<Upload> sentAs(String runId, String owner) {
		return uploadWhere(runId, owner, folder -> {
			try (Stream<String> runs = Files.lines(folder.resolve(STARTED), StandardCharsets.UTF_8)) {
				return runs.anyMatch(runId::equals);
			}
			catch (IOException | UncheckedIOException none) {
				return false;
			}
		});
	}

	private Optional<Upload> uploadWhere(String runId, String owner, Predicate<Path> holds) {
		if (!RandomIds.isWellFormed(runId) || !Files.isDirectory(uploads.root())) {
			return Optional.empty();
		}
		try (DirectoryStream<Path> folders = Files.newDirectoryStream(uploads.root())) {
			for (Path folder : folders) {
				if (holds.test(folder)) {
					return uploads.find(folder.getFileName().toString(), owner);
				}
			}
		}
		catch (IOException ex) {
			return Optional.empty(); // the run page then says what it says of any run it does not have
		}
		return Optional.empty();
	}

	private record Waiting(String runId, Instant asked) {
	}

	private static Optional<Waiting> read(Path folder) {
		Path file = folder.resolve(WAITING);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ", 2);
			return parts.length == 2 ? Optional.of(new Waiting(parts[0], Instant.parse(parts[1]))) : Optional.empty();
		}
		catch (IOException | DateTimeParseException unreadable) {
			return Optional.empty();
		}
	}
}

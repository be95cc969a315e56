package com.pinbatch.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Sends pressed but not started yet (each waits for the console's send before it), written beside their upload, so
 * that one the console's stop dropped is told on the upload's page and the run's, not lost without a word: its
 * person pressed Send, and nothing of it was sent.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WaitingSends {

	/** Beside the upload; an uploaded file's stored name never starts with a dot, so the two cannot meet. */
	private static final String WAITING = ".send-waiting";

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

	/** Its turn came (or it ended before): nothing of it waits any more. */
	void started(Upload upload) {
		try {
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
		if (!RandomIds.isWellFormed(runId) || !Files.isDirectory(uploads.root())) {
			return Optional.empty();
		}
		try (DirectoryStream<Path> folders = Files.newDirectoryStream(uploads.root())) {
			for (Path folder : folders) {
				if (read(folder).filter(waiting -> waiting.runId().equals(runId)).isPresent()) {
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

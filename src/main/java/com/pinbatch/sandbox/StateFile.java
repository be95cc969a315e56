package com.pinbatch.sandbox;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Posts remembered across sandbox restarts: one JSON line per created post, appended before the client hears of
 * it, so a process killed at any point restarts with every post it created.
 */
final class StateFile {

	private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);

	private final Path path;

	StateFile(Path path) {
		this.path = path;
	}

	/** Every complete line; a line cut short by a kill is skipped. */
	List<JsonNode> load() {
		if (!Files.exists(path)) {
			return List.of();
		}
		List<JsonNode> entries = new ArrayList<>();
		try {
			endWithNewline();
			for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
				if (line.isBlank()) {
					continue;
				}
				try {
					entries.add(Json.MAPPER.readTree(line));
				}
				catch (JacksonException ex) {
					LOG.debug("Skipping an unreadable line in the sandbox state file {}", path);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the sandbox state file " + path, ex);
		}
		return entries;
	}

	// a torn last line must not swallow the next entry appended after a restart
	private void endWithNewline() throws IOException {
		try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
			long length = file.length();
			if (length == 0) {
				return;
			}
			file.seek(length - 1);
			if (file.read() != '\n') {
				file.write('\n');
			}
		}
	}

	synchronized void append(JsonNode entry) {
		try {
			Path parent = path.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(path, entry.toString() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND, StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the sandbox state file " + path, ex);
		}
	}
}

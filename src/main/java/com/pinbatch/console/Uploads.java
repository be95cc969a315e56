package com.pinbatch.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The uploaded spreadsheets: each stored in a folder of its own under the data folder
 * ({@code console/uploads/ID/}), never under a web-served path, and handed out only to the person who uploaded it.
 * Ids are random, so one cannot be guessed from another.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class Uploads {

	private final Path root;

	private final Map<String, Upload> byId = new ConcurrentHashMap<>();

	Uploads(@Value("${pinbatch.data-dir}") Path dataFolder) {
		this.root = dataFolder.resolve("console").resolve("uploads").toAbsolutePath().normalize();
	}

	/** The folder every upload is kept under. */
	Path root() {
		return root;
	}

	/** Stores the file's content under a fresh id; the name is only kept as a safe file name. */
	Upload store(InputStream content, String originalName, Upload choices) {
		String id = RandomIds.next();
		String name = safeName(originalName);
		try {
			Path folder = Files.createDirectories(root.resolve(id));
			Path file = folder.resolve(name);
			Files.copy(content, file);
			Upload upload = new Upload(id, choices.owner(), file, name, Instant.now(), choices.sheet(),
					choices.account(), choices.board(), choices.timezone(), choices.dateFormat(), choices.encoding(),
					choices.mapping(), choices.spread(), choices.retry());
			if (upload.mappingFile() != null) {
				Files.writeString(upload.mappingFile(), upload.mapping(), StandardCharsets.UTF_8);
			}
			byId.put(id, upload);
			return upload;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot store the upload under " + root + ": " + ex.getMessage(), ex);
		}
	}

	/** Keeps a changed choice (e.g. the sheet) for the same stored file. */
	void update(Upload upload) {
		byId.put(upload.id(), upload);
	}

	/** The upload, only for its owner: anyone else is told it does not exist. */
	Optional<Upload> find(String id, String owner) {
		return Optional.ofNullable(byId.get(id)).filter(upload -> upload.owner().equals(owner));
	}


	/**
	 * The uploaded name reduced to letters, digits, dot, dash and underscore (no folders, no hidden or empty name),
	 * keeping its extension: the result files are named after it.
	 */
	static String safeName(String original) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._-]+", "_");
		name = name.replaceAll("^[._]+", "");
		if (name.length() > 100) {
			name = name.substring(name.length() - 100);
		}
		return name.isEmpty() ? "upload.csv" : name;
	}
}

package com.pinbatch.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.pinbatch.text.FileNames;
import com.pinbatch.text.SafeText;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * The uploaded spreadsheets: each stored in a folder of its own under the data folder
 * ({@code console/uploads/ID/}), never under a web-served path, and handed out only to the person who uploaded it.
 * Ids are random, so one cannot be guessed from another.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class Uploads {

	/** What an upload's folder keeps of it besides the file (a name an uploaded file's never takes: no dot first). */
	private static final String CHOICES = ".upload.json";

	/** A file's name longer than this is cut on the pages: a heading, not a paragraph. */
	private static final int MAX_SHOWN_NAME = 120;

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
			Upload upload = new Upload(id, choices.owner(), file, shownName(originalName, name), Instant.now(),
					choices.sheet(),
					choices.account(), choices.board(), choices.timezone(), choices.dateFormat(), choices.encoding(),
					choices.mapping(), choices.spread(), choices.retry());
			if (upload.mappingFile() != null) {
				Files.writeString(upload.mappingFile(), upload.mapping(), StandardCharsets.UTF_8);
			}
			remember(upload);
			return upload;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot store the upload under " + root + ": " + ex.getMessage(), ex);
		}
	}

	/** Keeps a changed choice (e.g. the sheet) for the same stored file. */
	void update(Upload upload) {
		remember(upload);
	}

	/**
	 * The upload, only for its owner: anyone else is told it does not exist. One stored before the console last
	 * stopped is read back from its folder, so a run the stop cut short can be sent again from its page.
	 */
	Optional<Upload> find(String id, String owner) {
		Upload known = byId.computeIfAbsent(id, this::readBack);
		return Optional.ofNullable(known).filter(upload -> upload.owner().equals(owner));
	}

	/** The upload whose stored copy is this file, for its owner. */
	Optional<Upload> ofFile(Path file, String owner) {
		return ofFile(file).filter(upload -> upload.owner().equals(owner));
	}

	/**
	 * The name an upload's file had, for a list everyone sees (the history): the file's own, not the safe one it is
	 * stored under. Empty for a file no upload stored.
	 */
	Optional<String> shownName(Path file) {
		return ofFile(file).map(Upload::name);
	}

	private Optional<Upload> ofFile(Path file) {
		Path folder = file.toAbsolutePath().normalize().getParent();
		if (folder == null || !root.equals(folder.getParent())) {
			return Optional.empty();
		}
		return Optional.ofNullable(byId.computeIfAbsent(folder.getFileName().toString(), this::readBack))
			.filter(upload -> upload.file().equals(file));
	}

	/**
	 * Deletes the uploads whose folders nothing changed in since {@code cutoff} (their file, choices and result files),
	 * but those {@code kept} (one this console has a run of, say).
	 *
	 * @return how many were deleted
	 */
	int forgetUntouchedSince(Instant cutoff, Predicate<Upload> kept) {
		List<Path> folders;
		try (Stream<Path> listed = Files.list(root)) {
			folders = listed.filter(folder -> RandomIds.isWellFormed(folder.getFileName().toString())).toList();
		}
		catch (NoSuchFileException none) {
			return 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list the uploads under " + root + ": " + ex.getMessage(), ex);
		}
		int forgotten = 0;
		for (Path folder : folders) {
			if (!lastChange(folder).isBefore(cutoff)) {
				continue; // most are: their choices are not read for this
			}
			String id = folder.getFileName().toString();
			Upload upload = byId.computeIfAbsent(id, this::readBack);
			if (upload == null || !kept.test(upload)) {
				FileSystemUtils.deleteRecursively(folder.toFile());
				byId.remove(id);
				forgotten++;
			}
		}
		return forgotten;
	}

	/** When anything in the folder last changed: a review's or a run's result file is written there. */
	private static Instant lastChange(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			FileTime last = Files.getLastModifiedTime(folder);
			for (Path file : files.toList()) {
				FileTime changed = Files.getLastModifiedTime(file);
				last = changed.compareTo(last) > 0 ? changed : last;
			}
			return last.toInstant();
		}
		catch (IOException gone) {
			return Instant.MAX; // being written or deleted right now: not idle
		}
	}

	private void remember(Upload upload) {
		try {
			Files.writeString(upload.folder().resolve(CHOICES), JSON.writeValueAsString(Choices.of(upload)),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot store the upload under " + root + ": " + ex.getMessage(), ex);
		}
		byId.put(upload.id(), upload);
	}

	/** Null for an id that is not an upload's (malformed, unknown, or its choices unreadable). */
	private Upload readBack(String id) {
		if (!RandomIds.isWellFormed(id)) {
			return null;
		}
		Path choices = root.resolve(id).resolve(CHOICES);
		try {
			return Files.isRegularFile(choices)
					? JSON.readValue(Files.readString(choices, StandardCharsets.UTF_8), Choices.class).upload(id,
							root.resolve(id))
					: null;
		}
		catch (IOException | RuntimeException unreadable) {
			return null;
		}
	}

	/** The upload's choices as stored beside it. */
	record Choices(String owner, String file, String name, String uploaded, String sheet, String account,
			String board, String timezone, String dateFormat, String encoding, String mapping, boolean spread,
			boolean retry) {

		static Choices of(Upload upload) {
			return new Choices(upload.owner(), upload.file().getFileName().toString(), upload.name(),
					upload.uploaded().toString(), upload.sheet(), upload.account(), upload.board(),
					upload.timezone() == null ? null : upload.timezone().getId(), upload.dateFormat(),
					upload.encoding(), upload.mapping(), upload.spread(), upload.retry());
		}

		Upload upload(String id, Path folder) {
			Path stored = folder.resolve(file).normalize();
			if (!folder.equals(stored.getParent())) {
				throw new IllegalArgumentException("not a file of its folder: " + file);
			}
			return new Upload(id, owner, stored, name, Instant.parse(uploaded), sheet, account, board,
					timezone == null ? null : ZoneId.of(timezone), dateFormat, encoding, mapping, spread, retry);
		}
	}

	/**
	 * The uploaded name reduced to letters, digits, dot, dash and underscore (no folders, no hidden or empty name),
	 * keeping its extension: the result files are named after it.
	 */
	/**
	 * The name as the person's file has it, for the pages (which escape it): a browser sends a quote in it as %22 and
	 * a line break as %0D or %0A (HTML's form encoding), so {@code Spring "Sale".csv} showed as
	 * {@code Spring_22Sale_22.csv}. Only its last part, on one line; the stored name when nothing is left.
	 */
	static String shownName(String original, String stored) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replace("%22", "\"").replace("%0D", " ").replace("%0A", " ");
		name = SafeText.line(name).strip();
		if (name.length() > MAX_SHOWN_NAME) {
			name = name.substring(0, name.offsetByCodePoints(0, name.codePointCount(0, MAX_SHOWN_NAME - 1))) + "…";
		}
		return name.isEmpty() ? stored : name;
	}

	static String safeName(String original) {
		return safeName(original, FileNames::canName);
	}

	/**
	 * @param canName whether this system can open a file of a name: one started without a UTF-8 language setting (a
	 *                service's default) opens only ASCII names, so "Café.csv" is kept as "Cafe.csv"
	 */
	static String safeName(String original, Predicate<String> canName) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._-]+", "_");
		if (!canName.test(name)) {
			name = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
				.replaceAll("[^A-Za-z0-9._-]+", "_");
		}
		String kept = name.replaceAll("^[._]+", "");
		if (!kept.contains(".") && name.contains(".")) {
			// nothing of the name could be kept but its extension, which tells the file's kind
			kept = "upload" + name.substring(name.lastIndexOf('.'));
		}
		name = kept;
		if (name.length() > 100) {
			name = name.substring(name.length() - 100);
		}
		return name.isEmpty() ? "upload.csv" : name;
	}
}

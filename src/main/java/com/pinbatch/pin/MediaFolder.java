package com.pinbatch.pin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder local media may come from: by default the input file's folder, wider with --media-root. A spreadsheet
 * from someone else must not publish any image its user can read ({@code ../secret/photo.png}, a path under the
 * home folder, a link pointing out of the folder), so every local media path is resolved, links included, and
 * must land inside.
 */
public final class MediaFolder {

	private MediaFolder() {
	}

	/**
	 * The file's real path when it is a regular file inside the folder (after following links); empty when it is
	 * missing or outside, alike, so that an answer never tells whether a file exists outside the folder.
	 */
	public static Optional<Path> resolveInside(Path file, Path folder) {
		try {
			Path realFolder = (folder == null ? Path.of("") : folder).toRealPath();
			Path real = file.toRealPath();
			return real.startsWith(realFolder) && Files.isRegularFile(real) ? Optional.of(real) : Optional.empty();
		}
		catch (IOException | SecurityException ex) {
			return Optional.empty();
		}
	}

	/** The message for a file that is missing or outside: one wording for both. */
	public static String notInside(Path folder) {
		return "is not a file in " + (folder == null ? Path.of("").toAbsolutePath() : folder)
				+ " (the input file's folder, or --media-root) — put it there and give its path relative to the input"
				+ " file, or give an https URL";
	}
}

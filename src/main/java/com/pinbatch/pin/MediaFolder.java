package com.pinbatch.pin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
			Path realFolder = realPath(folder);
			Path real = file.toRealPath();
			return real.startsWith(realFolder) && Files.isRegularFile(real) && !alsoNamedElsewhere(real)
					? Optional.of(real) : Optional.empty();
		}
		catch (IOException | SecurityException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A hard link is a second name of a file: made in the folder by someone who may write there, it would bring in
	 * a file kept elsewhere, which no path shows. A file with more than one name is not taken (where the system
	 * cannot tell, as on Windows, a file counts as having one).
	 */
	private static boolean alsoNamedElsewhere(Path real) throws IOException {
		try {
			return ((Number) Files.getAttribute(real, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue() > 1;
		}
		catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
			return false;
		}
	}

	/** The folder's real path (links resolved); no folder is the working folder. */
	public static Path realPath(Path folder) throws IOException {
		return (folder == null ? Path.of("") : folder).toRealPath();
	}

	/** The message for a file that is missing or outside: one wording for both. */
	public static String notInside(Path folder) {
		return "is not a file in " + (folder == null ? Path.of("").toAbsolutePath() : folder)
				+ " (the input file's folder, or --media-root) — put it there (a copy, not a hard link) and give its"
				+ " path relative to the input file, or give an https URL";
	}
}

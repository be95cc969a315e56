package com.pinbatch.text;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * What went wrong with a file, in a few words a user can act on. Java's own message of a refused file is only the
 * file's name (often a temporary one the user never named), so the kind of failure is said instead.
 */
public final class FileProblems {

	private FileProblems() {
	}

	/** The innermost cause of {@code failure}, in a few words: "permission denied", "No space left on device"... */
	public static String reason(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (root instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (root instanceof NotDirectoryException || root instanceof FileAlreadyExistsException) {
			return "not a folder";
		}
		if (root instanceof NoSuchFileException missing) {
			// a folder that is there and takes no new file (/proc) says "no such file" of the file it refused
			return folderIsThere(missing.getFile()) ? "files cannot be created there" : "no such file or folder";
		}
		if (root instanceof FileSystemException refused && refused.getReason() != null) {
			return refused.getReason();
		}
		return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
	}

	private static boolean folderIsThere(String file) {
		Path folder = file == null ? null : Path.of(file).toAbsolutePath().getParent();
		return folder != null && Files.isDirectory(folder);
	}
}

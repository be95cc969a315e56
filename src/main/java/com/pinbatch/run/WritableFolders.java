package com.pinbatch.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.pinbatch.text.FileProblems;

/**
 * Finds out before anything is sent whether a folder takes new files, by creating one there and deleting it: a
 * result folder or data folder that cannot be written would otherwise be found out after every pin was sent.
 */
public final class WritableFolders {

	private WritableFolders() {
	}

	/**
	 * Null when {@code file} can be written where it is asked for (its folder created if missing); else the line that
	 * refuses it, e.g. "cannot write the summary file s.json (/srv/reports: permission denied); choose another
	 * --summary".
	 *
	 * @param what   the file's name for the user: "result file", "summary file"
	 * @param option the option that names it
	 */
	public static String refusal(Path file, String what, String option) {
		if (Files.isDirectory(file)) {
			return "the " + what + " " + file + " is a folder; choose another " + option;
		}
		Path folder = file.toAbsolutePath().getParent();
		String problem = problem(folder);
		return problem == null ? null
				: "cannot write the " + what + " " + file + " (" + folder + ": " + problem + "); choose another " + option;
	}

	/** Null when {@code folder} (created if missing) takes new files; else what is wrong, in a few words. */
	public static String problem(Path folder) {
		try {
			Files.createDirectories(folder);
			Path probe = Files.createTempFile(folder, ".pinbatch-write-check-", ".tmp");
			Files.delete(probe);
			return null;
		}
		catch (IOException ex) {
			return FileProblems.reason(ex);
		}
	}
}

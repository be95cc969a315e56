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

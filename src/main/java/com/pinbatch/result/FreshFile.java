package com.pinbatch.result;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file a run makes anew under a name others can know in advance (a result file's temporary sibling, beside an
 * input in a shared folder): whatever stands there, a file a crash left or a link someone planted so that the run
 * writes over another file, is removed (a link itself, never what it points to), and the file is created new; or a
 * file put in place whole ({@link #replace}).
 */
public final class FreshFile {

	private FreshFile() {
	}

	/** @throws IOException also when something takes the name again between the removal and the creation */
	public static OutputStream create(Path file) throws IOException {
		Files.deleteIfExists(file);
		return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
				LinkOption.NOFOLLOW_LINKS);
	}

	/**
	 * Puts {@code content} at {@code file}, whole or not at all: written to a temporary file of a random name beside
	 * it, then moved into place, so that a reader never meets half of it and a link standing at its name is replaced,
	 * not written through.
	 */
	public static void replace(Path file, byte[] content) throws IOException {
		Path folder = file.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		Path partial = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
		try {
			Files.write(partial, content);
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}
}

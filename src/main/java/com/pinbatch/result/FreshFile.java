package com.pinbatch.result;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file a run makes anew under a name others can know in advance (a result file's temporary sibling, beside an
 * input in a shared folder): whatever stands there, a file a crash left or a link someone planted so that the run
 * writes over another file, is removed (a link itself, never what it points to), and the file is created new.
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
}

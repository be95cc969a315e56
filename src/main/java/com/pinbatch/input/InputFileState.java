package com.pinbatch.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What an input file looked like when a run read it: its size, when it was last written and which file it is (the
 * inode, where the system tells). A run is named by the content it read, so it must not go on reading the file once
 * someone saved it again, in place or as a new file under the same name: its rows would go out under the wrong run,
 * planned for other rows.
 *
 * @param token the state as one line, to keep in a job's execution context; "missing" when there is no such file
 */
public record InputFileState(String token) {

	/** The file's state now. */
	public static InputFileState of(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return new InputFileState(attributes.size() + " bytes, written " + attributes.lastModifiedTime()
					+ (attributes.fileKey() == null ? "" : ", file " + attributes.fileKey()));
		}
		catch (NoSuchFileException ex) {
			return new InputFileState("missing");
		}
		catch (IOException ex) {
			return new InputFileState("unreadable: " + ex.getMessage());
		}
	}
}

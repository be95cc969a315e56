package com.pinbatch.media;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Opens a file of the media folder by its real path one folder at a time from the folder itself, following no link
 * at any step (the system's openat, through {@link SecureDirectoryStream}). A link at the file's name was refused
 * before, but not at a folder above it: someone who may write in the input's folder swapped a folder for a link
 * between the check and the upload, and a file outside was sent (attacker review). Where the system offers no such
 * stream (Windows), the file's name alone is opened without following a link.
 */
final class OpenedWithoutLinks {

	/** Reading, and refusing a link at the name (the system's O_NOFOLLOW). */
	private static final Set<OpenOption> READ = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

	private OpenedWithoutLinks() {
	}

	/**
	 * @param realFile   the file's real path (links resolved), inside {@code realFolder}
	 * @param realFolder the media folder's real path
	 * @throws IOException when a step is a link or no folder now, or the file cannot be opened
	 */
	static FileChannel open(Path realFile, Path realFolder) throws IOException {
		Path relative = realFolder.relativize(realFile);
		if (relative.getNameCount() == 0 || relative.startsWith("..") || relative.isAbsolute()) {
			throw new IOException(realFile + " is not in " + realFolder);
		}
		DirectoryStream<Path> top = Files.newDirectoryStream(realFolder);
		if (!(top instanceof SecureDirectoryStream<Path> folder)) {
			top.close();
			return FileChannel.open(realFile, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
		}
		SecureDirectoryStream<Path> current = folder;
		try {
			for (int step = 0; step < relative.getNameCount() - 1; step++) {
				SecureDirectoryStream<Path> next = current.newDirectoryStream(relative.getName(step),
						LinkOption.NOFOLLOW_LINKS);
				current.close();
				current = next;
			}
			SeekableByteChannel opened = current.newByteChannel(relative.getFileName(), READ);
			if (opened instanceof FileChannel file) {
				return file;
			}
			opened.close();
			throw new IOException(realFile + " opened as no file");
		}
		finally {
			current.close();
		}
	}
}

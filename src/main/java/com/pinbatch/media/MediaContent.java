package com.pinbatch.media;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that a whole local file is the image or video its first bytes claim: a file that only starts like a JPEG
 * (and then holds text, or someone else's document) must not be uploaded and pinned publicly. Images are decoded
 * ({@link ImageDecodeCheck}), WebP and MP4/MOV containers walked to their end ({@link WebpStructure},
 * {@link IsoMediaBoxes}). A file used on many rows is checked once while it stays unchanged.
 */
final class MediaContent {

	/** Files whose check is remembered; a run's distinct files, usually far fewer. */
	private static final int REMEMBERED = 10_000;

	/** File state -> the problem found, empty for none; an unchanged file gives the same answer. */
	private static final Map<FileState, Optional<String>> CHECKED = Collections.synchronizedMap(
			new LinkedHashMap<>(16, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<FileState, Optional<String>> eldest) {
					return size() > REMEMBERED;
				}
			});

	private MediaContent() {
	}

	/**
	 * @param file   the real path of a regular file, within the size limits of its format
	 * @param format the format its first bytes show
	 * @throws MediaRejectedException when the file is not whole ({@code media_corrupt}) or has too many pixels
	 */
	static void verify(Path file, MediaFormat format) {
		FileState state;
		try {
			state = new FileState(file, format, Files.size(file), Files.getLastModifiedTime(file));
		}
		catch (IOException unreadable) {
			throw MediaRejectedException.unreadable(file, unreadable);
		}
		Optional<String> problem = CHECKED.get(state);
		if (problem == null) {
			problem = problem(file, format);
			CHECKED.put(state, problem);
		}
		problem.ifPresent(reason -> {
			throw new MediaRejectedException(MediaProblem.CORRUPT, file, "is not a valid "
					+ format.description().substring(format.description().indexOf(' ') + 1) + ": " + reason
					+ " — save or export the file again, or use another");
		});
	}

	private static Optional<String> problem(Path file, MediaFormat format) {
		return switch (format) {
			case JPEG, PNG, GIF -> ImageDecodeCheck.problem(file, format);
			case WEBP, MP4, MOV -> {
				try (SeekableByteChannel channel = Files.newByteChannel(file)) {
					yield format == MediaFormat.WEBP ? WebpStructure.problem(channel) : IsoMediaBoxes.problem(channel);
				}
				catch (IOException unreadable) {
					yield Optional.of("it cannot be read (" + unreadable.getClass().getSimpleName() + ")");
				}
			}
		};
	}

	/** A file as it was when checked; a changed size or modification time means changed content. */
	private record FileState(Path path, MediaFormat format, long size, FileTime modified) {
	}
}

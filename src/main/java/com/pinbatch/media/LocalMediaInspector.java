package com.pinbatch.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.pinbatch.pin.MediaFolder;
import com.pinbatch.pin.MediaKind;
import com.pinbatch.text.Formats;

/**
 * Checks a local media file before upload. The type comes from the bytes, not the name: a PNG saved as .jpg is
 * fine, a text file named .jpg is not, and Zernio must be told the real type when presigning. The whole file must
 * then be what its first bytes claim ({@link MediaContent}).
 */
final class LocalMediaInspector {

	private LocalMediaInspector() {
	}

	/**
	 * @param folder the folder the file must be in (after following links); the file is read by its real path
	 * @throws MediaRejectedException when the file is missing or outside the folder, of another type, too large, or
	 *                                 not whole
	 */
	static LocalMediaFile inspect(Path given, MediaKind expectedKind, Path folder) {
		Path file = MediaFolder.resolveInside(given, folder).orElseThrow(() -> new MediaRejectedException(
				MediaProblem.FILE_NOT_FOUND, given, MediaFolder.notInside(folder)));
		byte[] head;
		long size;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(MediaFormat.HEAD_BYTES);
			size = Files.size(file);
		}
		catch (IOException unreadable) {
			throw MediaRejectedException.unreadable(file, unreadable);
		}
		MediaFormat format = MediaFormat.detect(head).orElseThrow(() -> reject(MediaProblem.UNSUPPORTED_TYPE, file,
				"is %s; Pinterest takes JPEG, PNG, WebP or GIF images and MP4 or MOV videos"
						+ " — convert it to one of those", MediaFormat.describeOther(head)));
		if (format.kind() != expectedKind) {
			throw reject(MediaProblem.TYPE_MISMATCH, file, "is %s, but this pin needs %s — %s, or name this"
					+ " file .%s to make it a %s pin",
					format.description(), expectedKind == MediaKind.VIDEO ? "a video" : "an image",
					expectedKind == MediaKind.VIDEO ? "use an MP4 or MOV file" : "use a JPEG, PNG, WebP or GIF file",
					format.extension(), MediaLimits.kindName(format.kind()));
		}
		if (size > MediaLimits.maxBytes(format.kind())) {
			throw reject(MediaProblem.TOO_LARGE, file, "is %s; Pinterest takes %s — make the file smaller",
					MediaLimits.readableSize(size), MediaLimits.describe(format.kind()));
		}
		MediaContent.verify(file, format);
		return new LocalMediaFile(file, format, size);
	}

	private static MediaRejectedException reject(String code, Path file, String template, Object... values) {
		return new MediaRejectedException(code, file, Formats.plain(template, values));
	}
}

package com.pinbatch.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.pinbatch.pin.MediaFolder;
import com.pinbatch.pin.MediaKind;
import com.pinbatch.zernio.PresignedUpload;
import com.pinbatch.zernio.ZernioClient;

/**
 * Turns a local media file into a public URL Zernio accepts: checks it, then uploads it through a presigned URL.
 * Each distinct content is uploaded once — across rows and threads of this run (in memory) and across restarts
 * and retry runs (through the {@link UploadedMediaStore}). Thread-safe.
 */
public class LocalMediaUploader {

	private final ZernioClient zernio;

	private final UploadedMediaStore store;

	private final Clock clock;

	/** Content hash -> public URL of this run's uploads and look-ups. */
	private final Map<String, String> knownUrls = new ConcurrentHashMap<>();

	/** File state -> content hash: a video used on many rows is read once, not once per row. */
	private final Map<FileState, String> hashes = new ConcurrentHashMap<>();

	/** One lock per content, so two rows with the same file wait for one upload instead of doing two. */
	private final Map<String, Object> uploadLocks = new ConcurrentHashMap<>();

	public LocalMediaUploader(ZernioClient zernio, UploadedMediaStore store, Clock clock) {
		this.zernio = zernio;
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Checks a local file as an upload would, without uploading it (dry runs).
	 * @throws MediaRejectedException when the file cannot be used as it is
	 */
	public static void check(Path file, MediaKind expectedKind, Path folder) {
		LocalMediaInspector.inspect(file, expectedKind, folder);
	}

	/**
	 * @param file         absolute path of the local file
	 * @param expectedKind what the pin takes the file to be (image or video)
	 * @param folder       the folder the file must be in (see {@link com.pinbatch.pin.MediaFolder})
	 * @return the public URL to put in the post's media item
	 * @throws MediaRejectedException when the file cannot be used as it is (the user's to fix)
	 * @throws com.pinbatch.zernio.ZernioApiException when presigning or uploading fails
	 */
	public String publicUrlFor(Path file, MediaKind expectedKind, Path folder) {
		LocalMediaFile media = LocalMediaInspector.inspect(file, expectedKind, folder);
		String hash = hash(media);
		String known = knownUrls.get(hash);
		if (known != null) {
			return known;
		}
		synchronized (uploadLocks.computeIfAbsent(hash, h -> new Object())) {
			known = knownUrls.get(hash);
			if (known == null) {
				known = store.findPublicUrl(hash).orElseGet(() -> upload(media, hash, folder));
				knownUrls.put(hash, known);
			}
			return known;
		}
	}

	/**
	 * Opens the file once, from the folder down, following no link at its name nor at a folder above it, and sends
	 * what that opening reads, once its bytes are those checked: a file put at the checked name since (a link to a file
	 * outside the folder, or a folder swapped for one, by someone who may write there) is refused, never sent.
	 */
	private String upload(LocalMediaFile media, String hash, Path folder) {
		Path file = media.path();
		try (FileChannel content = OpenedWithoutLinks.open(file, MediaFolder.realPath(folder))) {
			if (content.size() != media.size() || !hash.equals(ContentHash.sha256(content))
					|| MediaFormat.detect(head(content)).orElse(null) != media.format()) {
				throw new MediaRejectedException(MediaProblem.FILE_NOT_FOUND, file, "changed while this run used it"
						+ " (another file was put at its name): nothing was sent; check the file, then run again");
			}
			PresignedUpload target = zernio.presign(file.getFileName().toString(), media.format().contentType(),
					media.size());
			zernio.upload(target, content, file.getFileName().toString(), media.format().contentType());
			store.remember(hash, target.publicUrl(), clock.instant());
			return target.publicUrl();
		}
		catch (IOException unreadable) {
			throw MediaRejectedException.unreadable(file, unreadable);
		}
	}

	/** The first bytes of the opened file, where its type shows. */
	private static byte[] head(FileChannel content) throws IOException {
		ByteBuffer head = ByteBuffer.allocate(MediaFormat.HEAD_BYTES);
		while (head.hasRemaining() && content.read(head, head.position()) > 0) {
			// positional reads: the upload reads the file from its start after this
		}
		return Arrays.copyOf(head.array(), head.position());
	}

	private String hash(LocalMediaFile media) {
		Path file = media.path();
		try {
			FileState state = new FileState(file, media.size(), Files.getLastModifiedTime(file));
			String hash = hashes.get(state);
			if (hash == null) {
				hash = ContentHash.sha256(file);
				hashes.put(state, hash);
			}
			return hash;
		}
		catch (IOException unreadable) {
			throw MediaRejectedException.unreadable(file, unreadable);
		}
	}

	/** A file as it was when hashed; a changed size or modification time means changed content. */
	private record FileState(Path path, long size, FileTime modified) {
	}
}

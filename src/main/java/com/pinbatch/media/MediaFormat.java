package com.pinbatch.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.pinbatch.pin.MediaKind;

/** The file formats Pinterest takes, recognised by their content (magic bytes) or by a served Content-Type. */
public enum MediaFormat {

	JPEG("image/jpeg", MediaKind.IMAGE, "a JPEG image", "jpg"),
	PNG("image/png", MediaKind.IMAGE, "a PNG image", "png"),
	GIF("image/gif", MediaKind.IMAGE, "a GIF image", "gif"),
	WEBP("image/webp", MediaKind.IMAGE, "a WebP image", "webp"),
	MP4("video/mp4", MediaKind.VIDEO, "an MP4 video", "mp4"),
	MOV("video/quicktime", MediaKind.VIDEO, "a MOV video", "mov");

	static final String HTML_PAGE = "an HTML page";

	/** How many leading bytes {@link #detect} needs. */
	static final int HEAD_BYTES = 16;

	/** ISO-BMFF brands of still images and audio: an 'ftyp' box alone does not make a video. */
	private static final Set<String> NON_VIDEO_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx",
			"mif1", "msf1", "avif", "avis", "M4A ", "M4B ", "M4P ");

	private final String contentType;

	private final MediaKind kind;

	private final String description;

	private final String extension;

	MediaFormat(String contentType, MediaKind kind, String description, String extension) {
		this.contentType = contentType;
		this.kind = kind;
		this.description = description;
		this.extension = extension;
	}

	/** The MIME type to declare when uploading. */
	public String contentType() {
		return contentType;
	}

	public MediaKind kind() {
		return kind;
	}

	/** "a JPEG image", for messages. */
	public String description() {
		return description;
	}

	/** The usual file extension, without the dot. */
	public String extension() {
		return extension;
	}

	/** The format the first bytes of a file show, if it is one Pinterest takes. */
	static Optional<MediaFormat> detect(byte[] head) {
		if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(JPEG);
		}
		if (startsWith(head, 0, 0x89, 'P', 'N', 'G')) {
			return Optional.of(PNG);
		}
		if (startsWith(head, 0, 'G', 'I', 'F', '8')) {
			return Optional.of(GIF);
		}
		if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
			return Optional.of(WEBP);
		}
		if (startsWith(head, 4, 'f', 't', 'y', 'p') && head.length >= 12) {
			String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
			if (NON_VIDEO_BRANDS.contains(brand)) {
				return Optional.empty();
			}
			return Optional.of("qt  ".equals(brand) ? MOV : MP4);
		}
		return Optional.empty();
	}

	/** What a file that is none of the supported formats appears to be, for messages ("a BMP image"). */
	static String describeOther(byte[] head) {
		if (head.length == 0) {
			return "an empty file";
		}
		if (startsWith(head, 0, 'B', 'M')) {
			return "a BMP image";
		}
		if (startsWith(head, 0, 'I', 'I', 0x2A, 0x00) || startsWith(head, 0, 'M', 'M', 0x00, 0x2A)) {
			return "a TIFF image";
		}
		if (startsWith(head, 4, 'f', 't', 'y', 'p')) {
			return "a HEIC/AVIF image or an audio file";
		}
		if (startsWith(head, 0, '%', 'P', 'D', 'F')) {
			return "a PDF document";
		}
		String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
		if (text.startsWith("<!doctype") || text.startsWith("<html")) {
			return HTML_PAGE;
		}
		return "not a JPEG, PNG, WebP, GIF, MP4 or MOV file";
	}

	/** The format a server's Content-Type names (parameters and case ignored), if Pinterest takes it. */
	static Optional<MediaFormat> ofContentType(String mediaType) {
		switch (mediaType) {
			case "image/jpeg", "image/jpg", "image/pjpeg":
				return Optional.of(JPEG);
			case "image/png":
				return Optional.of(PNG);
			case "image/gif":
				return Optional.of(GIF);
			case "image/webp":
				return Optional.of(WEBP);
			case "video/mp4":
				return Optional.of(MP4);
			case "video/quicktime":
				return Optional.of(MOV);
			default:
				return Optional.empty();
		}
	}

	private static boolean startsWith(byte[] data, int offset, int... expected) {
		if (data.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((data[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}
}

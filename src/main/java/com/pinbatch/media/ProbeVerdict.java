package com.pinbatch.media;

import java.util.Optional;
import java.util.Set;

import com.pinbatch.pin.MediaKind;
import com.pinbatch.text.Formats;

/** Judges what a media server said against what the pin needs; each kind of trouble gets its own code. */
final class ProbeVerdict {

	private static final Set<String> WEB_PAGE_TYPES = Set.of("text/html", "application/xhtml+xml");

	private ProbeVerdict() {
	}

	static MediaCheckResult judge(String url, ProbeAnswer answer, MediaKind expectedKind) {
		if (answer.failure() != null) {
			return MediaCheckResult.flagged(url, MediaProblem.UNREACHABLE, Formats.plain("'%s' cannot be reached (%s)"
					+ " — check the address, and that the file opens in a browser without signing in", url,
					answer.failure()));
		}
		if (answer.status() >= 400) {
			return MediaCheckResult.flagged(url, MediaProblem.UNREACHABLE, Formats.plain("'%s' answered HTTP %d"
					+ " — %s", url, answer.status(), answer.status() >= 500
							? "the server failed; try again later, or host the file elsewhere"
							: "check the address, and that the file is public (opens without signing in)"));
		}
		Optional<MediaFormat> sniffed = answer.head() == null ? Optional.empty() : MediaFormat.detect(answer.head());
		if (isWebPage(answer)) {
			return MediaCheckResult.flagged(url, MediaProblem.WEB_PAGE, Formats.plain("'%s' is a web page, not a"
					+ " media file — share links of Google Drive, Dropbox, OneDrive, iCloud and similar open a page;"
					+ " give a direct link to the image or video file itself", url));
		}
		Optional<MediaFormat> declared = answer.mediaType() == null ? Optional.empty()
				: MediaFormat.ofContentType(answer.mediaType());
		Optional<MediaFormat> format = declared.or(() -> sniffed);
		if (format.isEmpty() && (answer.head() != null || isSpecific(answer.mediaType()))) {
			String what = answer.head() != null && !isSpecific(answer.mediaType())
					? MediaFormat.describeOther(answer.head())
					: "served as " + answer.mediaType();
			return MediaCheckResult.flagged(url, MediaProblem.UNSUPPORTED_TYPE, Formats.plain("'%s' is %s; Pinterest"
					+ " takes JPEG, PNG, WebP or GIF images and MP4 or MOV videos — link a file of one of those types",
					url, what));
		}
		MediaKind kind = format.map(MediaFormat::kind).orElse(expectedKind);
		if (kind != expectedKind) {
			return MediaCheckResult.flagged(url, MediaProblem.TYPE_MISMATCH, Formats.plain("'%s' is %s, but this pin"
					+ " needs %s — %s", url, format.get().description(),
					expectedKind == MediaKind.VIDEO ? "a video" : "an image",
					expectedKind == MediaKind.VIDEO ? "link an MP4 or MOV file"
							: "link a JPEG, PNG, WebP or GIF file, or use an address ending in .mp4 or .mov for a"
									+ " video pin"));
		}
		if (answer.size() > MediaLimits.maxBytes(kind)) {
			return MediaCheckResult.flagged(url, MediaProblem.TOO_LARGE, Formats.plain("'%s' is %s; Pinterest takes"
					+ " %s — link a smaller file", url, MediaLimits.readableSize(answer.size()),
					MediaLimits.describe(kind)));
		}
		String contentType = isSpecific(answer.mediaType()) ? answer.mediaType()
				: format.map(MediaFormat::contentType).orElse(answer.mediaType());
		return MediaCheckResult.ok(url, contentType, answer.size());
	}

	/** Declared as HTML, or (declared as nothing useful) starting like HTML. */
	private static boolean isWebPage(ProbeAnswer answer) {
		if (answer.mediaType() != null && WEB_PAGE_TYPES.contains(answer.mediaType())) {
			return true;
		}
		return !isSpecific(answer.mediaType()) && answer.head() != null
				&& MediaFormat.describeOther(answer.head()).equals(MediaFormat.HTML_PAGE);
	}

	/** A Content-Type that names a real type, not a generic "some bytes". */
	private static boolean isSpecific(String mediaType) {
		return mediaType != null && !MediaProbe.isGeneric(mediaType);
	}
}

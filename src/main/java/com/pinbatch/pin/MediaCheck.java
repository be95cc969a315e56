package com.pinbatch.pin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.pinbatch.text.FileNames;
import com.pinbatch.text.Formats;

/**
 * Checks the media_url cell: exactly one https URL to a direct file, or one local file of a type and size
 * Pinterest takes.
 */
final class MediaCheck {

	static final long MAX_IMAGE_BYTES = 32L * 1024 * 1024;

	static final long MAX_VIDEO_BYTES = 2L * 1024 * 1024 * 1024;

	private static final Set<String> IMAGE_TYPES = Set.of("jpg", "jpeg", "png", "webp", "gif");

	private static final Set<String> VIDEO_TYPES = Set.of("mp4", "mov");

	/**
	 * Extensions that certainly are not a type Pinterest takes. Other unknown extensions on a URL are let through
	 * as images: CDNs serve images from paths like /img/123.v2 or /render.php.
	 */
	private static final Set<String> OTHER_FILE_TYPES = Set.of("bmp", "tif", "tiff", "heic", "heif", "avif", "svg",
			"ico", "psd", "raw", "dng", "cr2", "nef", "pdf", "avi", "mkv", "webm", "wmv", "flv", "m4v", "mpg", "mpeg",
			"3gp", "ogv", "mp3", "wav", "m4a", "zip", "html", "htm", "doc", "docx", "ppt", "pptx", "txt");

	/** Hosts whose links open a web page instead of the file (share links, a site's pages), with what they are. */
	private static final Map<String, String> PAGE_HOSTS = Map.ofEntries(
			Map.entry("drive.google.com", "a Google Drive share page"),
			Map.entry("docs.google.com", "a Google Docs share page"),
			Map.entry("photos.google.com", "a Google Photos share page"),
			Map.entry("photos.app.goo.gl", "a Google Photos share page"),
			Map.entry("dropbox.com", "a Dropbox share page"),
			Map.entry("onedrive.live.com", "a OneDrive share page"),
			Map.entry("1drv.ms", "a OneDrive share page"),
			Map.entry("sharepoint.com", "a SharePoint share page"),
			Map.entry("icloud.com", "an iCloud share page"),
			Map.entry("wetransfer.com", "a WeTransfer download page"),
			Map.entry("we.tl", "a WeTransfer download page"),
			Map.entry("canva.com", "a Canva design's page"),
			Map.entry("instagram.com", "an Instagram page"),
			Map.entry("flickr.com", "a Flickr page"),
			Map.entry("pin.it", "a Pinterest pin's page"));

	/** Sites whose pages are on these hosts and whose files on others (i.imgur.com, images.unsplash.com). */
	private static final Map<String, String> PAGE_ONLY_HOSTS = Map.of("imgur.com", "an Imgur page", "www.imgur.com",
			"an Imgur page", "m.imgur.com", "an Imgur page", "unsplash.com", "an Unsplash page", "www.unsplash.com",
			"an Unsplash page");

	/**
	 * What the address is when it opens a web page instead of the file: a share link, or a page of a site such as
	 * Pinterest itself (a pin's page copied as its image), Instagram or Imgur.
	 */
	static Optional<String> webPage(WebAddress address) {
		Optional<String> page = address.lookUpHost(PAGE_HOSTS);
		if (page.isEmpty()) {
			page = Optional.ofNullable(PAGE_ONLY_HOSTS.get(address.host()));
		}
		if (page.isEmpty() && ("." + address.host()).contains(".pinterest.")) {
			page = Optional.of("a Pinterest page"); // pinterest.com, .de, .co.uk ...: its images are on pinimg.com
		}
		return page;
	}

	/** What splits a cell holding several media items. */
	private static final Pattern ITEM_SEPARATOR = Pattern.compile("[\\s,;|]+");

	private final Path baseDir;

	private final Path allowedFolder;

	MediaCheck(Path baseDir, Path allowedFolder) {
		this.baseDir = baseDir;
		this.allowedFolder = allowedFolder;
	}

	/**
	 * @return the media item when its kind is known (even if it has problems, so that cover rules can still be
	 *         checked), otherwise null
	 */
	Media check(PinDraft draft, ProblemList problems) {
		if (!draft.has(PinField.MEDIA_URL)) {
			if (draft.columnNames().containsKey(PinField.MEDIA_URL)) {
				problems.add(PinField.MEDIA_URL, "media_missing", "%s is empty; Pinterest has no text-only pins"
						+ " — give one https image or video URL, or a local file path");
			}
			else {
				problems.add(PinField.MEDIA_URL, "media_missing", "the file has no media column; Pinterest has no"
						+ " text-only pins — add a %s column with one https image or video URL, or a local file path,"
						+ " per row");
			}
			return null;
		}
		String value = draft.get(PinField.MEDIA_URL);
		long items = itemCount(value);
		if (items > 1) {
			problems.add(PinField.MEDIA_URL, "multiple_media", "%s holds %d media items; a pin takes exactly one image"
					+ " or one video — keep one and put the others on rows of their own", items);
			return null;
		}
		String mark = CellText.leadingDirectionMark(value);
		if (mark != null && WebAddress.hasScheme(CellText.trim(CellText.withoutDirectionMarks(value)))) {
			// as a file path it was "not a file here"; the address keeps the mark, so a row sent so is known again
			problems.add(PinField.MEDIA_URL, "media_url_invalid", "%s starts with an invisible character (%s, which"
					+ " right-to-left sheets put in cells) before its address — retype the cell, or delete that"
					+ " character", mark);
			return null;
		}
		Optional<WebAddress.Typed> typed = WebAddress.asTyped(value);
		// a www.images.example/a.jpg is the address a browser opens, unless it is a file here (wget keeps sites so)
		boolean url = WebAddress.hasScheme(value) || typed.isPresent() && !isFileHere(value);
		return url ? checkUrl(value, typed, problems) : checkLocalFile(value, problems);
	}

	/**
	 * URLs in a cell that holds any URL, otherwise file names. Separators alone prove nothing: a URL may hold
	 * commas and a file path spaces.
	 */
	private static long itemCount(String value) {
		if (!hasItemSeparator(value)) {
			// the usual cell, one URL or path: no split, the same count
			return WebAddress.hasScheme(value) || extension(value).filter(e -> isSupported(e)
					|| OTHER_FILE_TYPES.contains(e)).isPresent() ? 1 : 0;
		}
		List<String> parts = Arrays.asList(ITEM_SEPARATOR.split(value));
		long urls = parts.stream().filter(WebAddress::hasScheme).count();
		if (urls > 0) {
			return urls;
		}
		return parts.stream()
			.filter(part -> extension(part).filter(e -> isSupported(e) || OTHER_FILE_TYPES.contains(e)).isPresent())
			.count();
	}

	/** {@code ITEM_SEPARATOR.matcher(value).find()} without a matcher: it runs for every row, twice a run. */
	private static boolean hasItemSeparator(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == ';' || c == '|' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f'
					|| c == '\r') {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param value the cell, for messages
	 * @param typed the address it gives ({@link WebAddress#asTyped}: a file name with a space is sent as a browser
	 *              sends it); empty when it gives none
	 */
	private Media checkUrl(String value, Optional<WebAddress.Typed> typed, ProblemList problems) {
		if (typed.isEmpty()) {
			problems.add(PinField.MEDIA_URL, "media_url_invalid", "%s '%s' is not a valid URL"
					+ " — check it for spaces or typos, or give a local file path", value);
			return null;
		}
		WebAddress address = typed.get().address();
		if (!address.isHttps()) {
			problems.add(PinField.MEDIA_URL, "media_url_not_https", "%s '%s' does not use https; Pinterest fetches"
					+ " media over https only — give the https:// address of the file, or a local file path", value);
		}
		Optional<String> page = webPage(address);
		if (page.isPresent()) {
			problems.add(PinField.MEDIA_URL, "media_share_link", "%s '%s' is %s, which shows a web page instead of the"
					+ " file — give a direct file URL (in a browser, right-click the picture and copy its address), or"
					+ " download the file and give its local path", value, page.get());
		}
		Optional<String> extension = extension(address.path());
		if (extension.isPresent() && OTHER_FILE_TYPES.contains(extension.get())) {
			unsupportedType(value, extension.get(), problems);
			return null;
		}
		MediaKind kind = extension.filter(VIDEO_TYPES::contains).isPresent() ? MediaKind.VIDEO : MediaKind.IMAGE;
		return new Media(typed.get().sent(), kind, false);
	}

	private Media checkLocalFile(String value, ProblemList problems) {
		Optional<String> extension = extension(value);
		if (extension.isEmpty()) {
			problems.add(PinField.MEDIA_URL, "unsupported_media_type", "%s '%s' has no file extension, so its type"
					+ " is unknown — name the file .jpg, .png, .webp, .gif, .mp4 or .mov", value);
			return null;
		}
		if (!isSupported(extension.get())) {
			unsupportedType(value, extension.get(), problems);
			return null;
		}
		MediaKind kind = VIDEO_TYPES.contains(extension.get()) ? MediaKind.VIDEO : MediaKind.IMAGE;
		Path file;
		try {
			file = resolve(value);
		}
		catch (InvalidPathException ex) {
			problems.add(PinField.MEDIA_URL, "media_file_not_found", FileNames.canName(value)
					? "%s '%s' is neither an https URL nor a valid file path — give an https URL or the path of a"
							+ " local file"
					: "%s '%s' " + FileNames.CANNOT_OPEN, value);
			return new Media(value, kind, true);
		}
		Optional<Path> inside = MediaFolder.resolveInside(file, allowedFolder);
		if (inside.isEmpty() && WebAddress.startsLikeHost(value)) {
			problems.add(PinField.MEDIA_URL, "media_file_not_found", "%s '%s' is no file here, and as a web address it"
					+ " has no https:// in front — write it like https://%s, or give a local file's path", value,
					value);
			return new Media(file.toString(), kind, true);
		}
		if (inside.isEmpty()) {
			problems.add(PinField.MEDIA_URL, "media_file_not_found", "%s '%s' "
					+ MediaFolder.notInside(allowedFolder).replace("%", "%%"), value);
			return new Media(file.toString(), kind, true);
		}
		file = inside.get();
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException ex) {
			problems.add(PinField.MEDIA_URL, "media_file_not_found", "%s '%s' cannot be read (%s) — check the file's"
					+ " permissions", value, file);
			return new Media(file.toString(), kind, true);
		}
		long limit = kind == MediaKind.VIDEO ? MAX_VIDEO_BYTES : MAX_IMAGE_BYTES;
		if (size > limit) {
			problems.add(PinField.MEDIA_URL, "media_too_large", "%s '%s' is %s; Pinterest takes %s up to %s"
					+ " — make the file smaller", value, megabytes(size), kind == MediaKind.VIDEO ? "videos" : "images",
					kind == MediaKind.VIDEO ? "2 GB" : "32 MB");
		}
		return new Media(file.toString(), kind, true);
	}

	private boolean isFileHere(String value) {
		try {
			return Files.exists(resolve(value));
		}
		catch (InvalidPathException notAPath) {
			return false;
		}
	}

	private Path resolve(String value) {
		Path path = Path.of(value);
		if (!path.isAbsolute() && baseDir != null) {
			path = baseDir.resolve(path);
		}
		return path.toAbsolutePath().normalize();
	}

	private static void unsupportedType(String value, String extension, ProblemList problems) {
		problems.add(PinField.MEDIA_URL, "unsupported_media_type", "%s '%s' is a .%s file; Pinterest takes JPEG,"
				+ " PNG, WebP or GIF images and MP4 or MOV videos — convert it to one of those", value, extension);
	}

	private static boolean isSupported(String extension) {
		return IMAGE_TYPES.contains(extension) || VIDEO_TYPES.contains(extension);
	}

	/** The lower-case extension of the last path segment, if it has one. */
	static Optional<String> extension(String path) {
		String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
		int dot = name.lastIndexOf('.');
		if (dot <= 0 || dot == name.length() - 1) {
			return Optional.empty();
		}
		return Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	private static String megabytes(long bytes) {
		return Formats.plain("%.1f MB", bytes / (1024.0 * 1024.0));
	}
}

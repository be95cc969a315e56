package com.pinbatch.media;

/**
 * Why a media item cannot be used.
 *
 * @param code    stable snake_case code for the result file's {@code error_code}, e.g. {@code media_too_large}
 * @param message one line naming the file or URL and saying how to fix it
 */
public record MediaProblem(String code, String message) {

	public static final String FILE_NOT_FOUND = "media_file_not_found";

	public static final String UNSUPPORTED_TYPE = "unsupported_media_type";

	public static final String TYPE_MISMATCH = "media_type_mismatch";

	public static final String TOO_LARGE = "media_too_large";

	/** A local file that starts like an image or video but is not one all through (damaged, cut short, disguised). */
	public static final String CORRUPT = "media_corrupt";

	public static final String UNREACHABLE = "media_unreachable";

	public static final String WEB_PAGE = "media_is_web_page";
}

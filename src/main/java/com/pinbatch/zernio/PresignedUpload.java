package com.pinbatch.zernio;

/**
 * Answer of {@code POST /v1/media/presign}.
 *
 * @param uploadUrl where to PUT the bytes (valid for an hour; it carries its own signature, so keep it out of logs)
 * @param publicUrl what to put in {@code mediaItems[].url} once uploaded
 * @param key       Zernio's storage key
 */
public record PresignedUpload(String uploadUrl, String publicUrl, String key) {

	@Override
	public String toString() {
		return "PresignedUpload[publicUrl=" + publicUrl + ", key=" + key + "]";
	}
}

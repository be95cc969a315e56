package com.pinbatch.media;

/**
 * What a media server said about a URL, before judging it.
 *
 * @param status    HTTP status of the final answer (after redirects); 0 when there was none
 * @param mediaType declared Content-Type without parameters, lower case; null if none
 * @param size      total bytes, -1 if unknown
 * @param head      the first bytes of the content when a ranged GET was made, else null
 * @param failure   why there was no answer (timeout, refused, unknown host); null when there was one
 */
record ProbeAnswer(int status, String mediaType, long size, byte[] head, String failure) {

	static ProbeAnswer failed(String failure) {
		return new ProbeAnswer(0, null, -1, null, failure);
	}
}

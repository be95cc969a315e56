package com.pinbatch.zernio;

/**
 * A post found on Zernio that an earlier attempt of a row most likely created.
 *
 * @param byMetadata true when the post carries the row's own metadata (certain); false when it was recognised by
 *                   what Zernio fingerprints (account, content, media URLs) and its publish time: very likely the
 *                   row's, but a row repeating another's text and media would be taken for it, so it is reported
 */
public record EarlierPost(String id, boolean byMetadata) {
}

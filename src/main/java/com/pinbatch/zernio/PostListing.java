package com.pinbatch.zernio;

import java.util.List;

/**
 * The posts one listing found, and the requests it took (a page of up to 500 posts each).
 */
public record PostListing(List<PostState> posts, int requests) {
}

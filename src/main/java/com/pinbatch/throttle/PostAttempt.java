package com.pinbatch.throttle;

import com.pinbatch.zernio.CreatePostRequest;
import com.pinbatch.zernio.SendResult;

/** One {@code POST /v1/posts} send, already classified; typically {@code zernioClient::createPost}. */
@FunctionalInterface
public interface PostAttempt {

	SendResult attempt(CreatePostRequest request, String requestId);
}

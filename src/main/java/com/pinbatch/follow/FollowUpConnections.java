package com.pinbatch.follow;

import java.time.Clock;

import com.pinbatch.zernio.ZernioClient;

/**
 * Where the follow-up job's step finds the Zernio it asks, by the job's target parameter: made once per application
 * from configuration, never passed through the job repository (the client holds the API key).
 */
public interface FollowUpConnections {

	/** The paced client of a target ({@code sandbox} or {@code zernio}). */
	ZernioClient client(String target);

	/** The time of the world a target lives in: the sandbox's may be moved ahead of the real one. */
	Clock clock(String target);
}

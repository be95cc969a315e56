package com.pinbatch.lease;

import java.time.Instant;

/** Who holds the run of one input, since when, and when it last proved it was alive. */
public record Lease(String runKey, String owner, Instant acquiredAt, Instant heartbeatAt) {
}

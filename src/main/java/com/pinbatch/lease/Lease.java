package com.pinbatch.lease;

import java.time.Instant;

/**
 * Who holds the run of one input, since when, and until when its lease lasts unless it is kept alive (the holder's
 * last keep-alive plus the time to live).
 */
public record Lease(String runKey, String owner, Instant acquiredAt, Instant lockedUntil) {
}

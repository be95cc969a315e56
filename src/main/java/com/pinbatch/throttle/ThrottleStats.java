package com.pinbatch.throttle;

/**
 * Counters of a {@link PacedSender}, for progress and benchmarks.
 *
 * @param sends               requests sent, resends included
 * @param rateLimited         429 answers received (throughput and account-level)
 * @param retries             resends after a 429, 5xx or missing answer
 * @param accountCapRefusals  rows failed without sending because their account was at a cap
 * @param peakConcurrentSends most requests in flight at once
 * @param pacePerMinute       current global pace
 */
public record ThrottleStats(long sends, long rateLimited, long retries, long accountCapRefusals,
		int peakConcurrentSends, double pacePerMinute) {
}

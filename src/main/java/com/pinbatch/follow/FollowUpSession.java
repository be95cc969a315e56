package com.pinbatch.follow;

import java.time.Clock;
import java.util.Map;

import com.pinbatch.result.RowStatus;
import com.pinbatch.zernio.ZernioClient;

/**
 * What the follow-up being launched talks to (the command's paced Zernio client, and the clock of the world it
 * talks to), and what it came to, for the command to report. One follow-up at a time per process.
 */
public class FollowUpSession {

	/**
	 * What a follow-up did.
	 *
	 * @param counts     the written result file's rows by status
	 * @param errorCodes its error codes, most frequent first: {count, first row}
	 * @param followed   rows asked about
	 * @param changed    rows whose line changed
	 * @param lookUps    listing pages and single-post requests sent
	 * @param retries    {@code POST /v1/posts/{id}/retry} requests sent
	 */
	/** @param accounts rows whose pin this data folder's runs sent, by account and status */
	public record Outcome(Map<RowStatus, Long> counts, Map<String, long[]> errorCodes,
			Map<String, Map<RowStatus, Long>> accounts, int followed, int changed, int lookUps, int retries) {
	}

	private volatile ZernioClient client;

	private volatile Clock clock = Clock.systemUTC();

	private volatile Outcome outcome;

	void open(ZernioClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
		this.outcome = null;
	}

	ZernioClient client() {
		return client;
	}

	Clock clock() {
		return clock;
	}

	void finished(Outcome outcome) {
		this.outcome = outcome;
	}

	/** Null until the follow-up ended. */
	Outcome outcome() {
		return outcome;
	}

	void close() {
		client = null;
	}
}

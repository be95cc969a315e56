package com.pinbatch.sandbox;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One request the simulator answered (or dropped), for tests and benchmarks to inspect.
 *
 * @param query   the raw query string, or null
 * @param headers request headers with lower-cased names; repeated headers joined with ", "
 * @param status  the HTTP status sent; 0 when the connection was dropped without an answer
 * @param at      when the simulator answered it (or dropped it), by its clock
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers, String body,
		int status, Instant at) {

	public String header(String name) {
		return headers.get(name.toLowerCase(Locale.ROOT));
	}
}

package com.pinbatch.result;

import java.util.List;

/** The columns the result file appends after every input column, in this order. */
public final class ResultColumns {

	public static final List<String> NAMES = List.of("row", "status", "post_id", "pin_url", "publish_at_utc", "error_code",
			"error_message", "attempts", "request_id", "finished_at");

	private ResultColumns() {
	}
}

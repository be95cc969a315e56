package com.pinbatch.console;

import com.pinbatch.result.RowResult;

/**
 * A row of a running send as its page lists it: its stored outcome, its message in the console's words (a failed
 * row's "run again with --retry-failed" is, here, an upload of the result file).
 */
record LiveRow(long rowNumber, String status, String pinUrl, String errorMessage) {

	static LiveRow of(RowResult row, Upload upload) {
		return new LiveRow(row.rowNumber(), row.status().name(), row.pinUrl(), upload.shown(row.errorMessage()));
	}
}

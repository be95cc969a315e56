package com.pinbatch.job;

import com.pinbatch.result.RowResult;
import com.pinbatch.zernio.CreatePostRequest;

/**
 * A row after mapping, validation and board resolution: either its outcome is already decided (invalid, dry run,
 * carried over from an earlier result file) or it carries the request to send.
 */
public record PreparedRow(long rowNumber, RowResult decided, String accountId, String accountLabel,
		CreatePostRequest request) {

	public static PreparedRow decided(RowResult result) {
		return new PreparedRow(result.rowNumber(), result, null, null, null);
	}

	public static PreparedRow toSend(long rowNumber, String accountId, String accountLabel,
			CreatePostRequest request) {
		return new PreparedRow(rowNumber, null, accountId, accountLabel, request);
	}

	public boolean isDecided() {
		return decided != null;
	}
}

package com.pinbatch.follow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.pinbatch.input.InputFileException;
import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;

/**
 * A result file read for {@code --follow-up}: the rows whose outcome on Pinterest is still to learn, and the tally of
 * the others, which stay as they are. Rows are read one at a time; only the open ones are kept.
 */
public final class FollowUpFile {

	/**
	 * @param open  rows on Zernio with an outcome to learn, in file order
	 * @param closed the other rows' statuses and error codes
	 */
	public record Read(List<RowResult> open, FollowUpTally closed) {

		/** Every row's status as the file gives it, open ones included. */
		public Map<RowStatus, Long> counts() {
			return all().counts();
		}

		/** Every row's error code as the file gives it: {count, first row}, most frequent first. */
		public Map<String, long[]> errorCodes() {
			return all().errorCodes();
		}

		private FollowUpTally all() {
			FollowUpTally all = closed.copy();
			open.forEach(all::add);
			return all;
		}
	}

	private FollowUpFile() {
	}

	/**
	 * Reads the result file.
	 *
	 * @param now rows SCHEDULED for later than this are left alone: Zernio holds them
	 * @throws InputFileException when it is missing, unreadable, not a result file, a status is not pinbatch's, or a
	 *                            row on Zernio lost its post id
	 */
	public static Read read(Path file, Instant now) {
		if (!Files.isRegularFile(file)) {
			throw new InputFileException("--follow-up=" + file + ": file not found; give the result file a run wrote"
					+ " (NAME.results.csv or NAME.results.xlsx)");
		}
		List<RowResult> open = new ArrayList<>();
		FollowUpTally closed = new FollowUpTally();
		boolean sent = false;
		boolean checked = false;
		try (RowSource source = RowSources.openResultFile(file, InputOptions.defaults(), "--follow-up")) {
			for (InputRow row = source.next(); row != null; row = source.next()) {
				RowResult result = outcome(file, row);
				if (result.status().mayChange() && result.postId() == null) {
					// the run wrote its post there: without it the row could never be asked about, nor concluded
					throw new InputFileException(file + ": row " + row.rowNumber() + ": " + result.status() + " with no"
							+ " post_id: a follow-up asks Zernio about a pin by the post_id the run wrote; put it back,"
							+ " or run the command that wrote this file again, which writes it anew with every"
							+ " post_id");
				}
				sent |= result.postId() != null;
				checked |= result.status() == RowStatus.VALID;
				if (isOpen(result, now)) {
					open.add(result);
				}
				else {
					closed.add(result);
				}
			}
		}
		if (checked && !sent) {
			throw new InputFileException("--follow-up=" + file + " is a dry run's result file: nothing was sent, so"
					+ " Zernio has nothing to tell; run the input without --dry-run to send its pins, then follow up"
					+ " that run's result file");
		}
		return new Read(List.copyOf(open), closed);
	}

	/**
	 * On Zernio with an outcome still to learn: CREATED and DUPLICATE rows, and SCHEDULED rows whose time has come
	 * (or is not known). A row without a post id cannot be asked about.
	 */
	static boolean isOpen(RowResult row, Instant now) {
		if (row.postId() == null) {
			return false;
		}
		return row.status().awaitsOutcome() || row.status() == RowStatus.SCHEDULED
				&& (row.publishAt() == null || !row.publishAt().isAfter(now));
	}

	private static RowResult outcome(Path file, InputRow row) {
		String status = row.prior().status();
		try {
			return RowResult.carriedOver(row.rowNumber(), row.prior());
		}
		catch (IllegalArgumentException | NullPointerException unknown) {
			throw new InputFileException(file + ": row " + row.rowNumber() + ": status '" + (status == null ? "" : status)
					+ "' is not one pinbatch writes (" + Arrays.stream(RowStatus.values()).map(Enum::name)
						.collect(Collectors.joining(", "))
					+ "); put back the status the run wrote");
		}
	}
}

package com.pinbatch.console;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * One row of the review or result table, as text to escape (every cell is hostile).
 *
 * @param thumbnail  the image to show beside it: an https URL, or the console's own address of a local file inside
 *                   the upload's folder; null: none
 * @param fixColumn  the column whose cell to fix (an INVALID or FAILED row's message names it); null: none
 * @param fixCell    that cell's text
 * @param publishAt  when it publishes, in the chosen zone; empty: at once (or as Zernio's queue decides)
 * @param hour       the hour it publishes in (for the capacity timeline); empty like {@code publishAt}
 * @param publishes  when it publishes; null like an empty {@code publishAt}
 */
record ReviewRow(long row, String status, String title, String board, String account, String publishAt, String hour,
		String thumbnail, String pinUrl, String errorCode, String errorMessage, String fixColumn, String fixCell,
		String media, Instant publishes) {

	/**
	 * The same row with the picture its media cell shows, from the web or the upload's folder: asked only for the rows
	 * a page lists, since a local file's check is a look at the disk (a page that looked for every row of a
	 * million-row file took most of a minute).
	 */
	ReviewRow withThumbnail(Path mediaFolder, String localMedia) {
		return new ReviewRow(row, status, title, board, account, publishAt, hour,
				ResultTable.thumbnail(media, row, mediaFolder, localMedia), pinUrl, errorCode, errorMessage, fixColumn,
				fixCell, media, publishes);
	}

	/** The same row under another status, as a page names it. */
	ReviewRow withStatus(String shown) {
		return new ReviewRow(row, shown, title, board, account, publishAt, hour, thumbnail, pinUrl, errorCode,
				errorMessage, fixColumn, fixCell, media, publishes);
	}

	public boolean invalid() {
		return "INVALID".equals(status);
	}

	/** The same row with its message as the console says it (see {@link Upload#shown}). */
	ReviewRow shownFor(Upload upload) {
		String shown = upload.shown(errorMessage);
		// a row without a board goes to the upload's (the form's Board box, or the review's Board for every row)
		String boardShown = board.isBlank() && upload.board() != null ? upload.board() : board;
		return (shown == null || shown.equals(errorMessage)) && boardShown.equals(board) ? this : new ReviewRow(row,
				status, title, boardShown, account, publishAt, hour, thumbnail, pinUrl, errorCode, shown, fixColumn,
				fixCell, media, publishes);
	}

	/** The CSS class of the status badge (a fixed set, never a cell's text). */
	public String statusClass() {
		return switch (status) {
			case "PUBLISHED", "CREATED", "DUPLICATE", "SCHEDULED", "VALID" -> "ok " + status.toLowerCase(Locale.ROOT);
			case "INVALID", "FAILED" -> "bad " + status.toLowerCase(Locale.ROOT);
			case ReviewPage.OVER_CAPS -> "bad over-caps";
			default -> "pending";
		};
	}
}

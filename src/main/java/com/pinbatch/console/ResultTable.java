package com.pinbatch.console;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.PriorOutcome;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;
import com.pinbatch.net.PublicAddresses;
import com.pinbatch.pin.BoundColumns;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.MediaFolder;
import com.pinbatch.pin.PinField;
import com.pinbatch.plan.CapAdvice;

/**
 * Reads a result file (the dry run's or a run's) back into rows to show: the pin's own cells through the column
 * mapping, its outcome from the result columns, and for a refused row the cell to fix.
 */
final class ResultTable {

	/** How much of a cell to fix its message's line shows, in characters. */
	private static final int FIX_CELL_SHOWN = 120;

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00", Locale.ENGLISH);

	private ResultTable() {
	}

	/**
	 * Every row, without its picture ({@link ReviewRow#withThumbnail} gives it).
	 *
	 * @param mapping the column mapping the run read the input with: the result file keeps the input's headers
	 */
	static List<ReviewRow> read(Path resultFile, ColumnMapping mapping, ZoneId zone) {
		List<ReviewRow> rows = new ArrayList<>();
		read(resultFile, mapping, zone, rows::add);
		return rows;
	}

	/** The same, each row handed to {@code rows} as it is read: nothing of the file is kept here. */
	static void read(Path resultFile, ColumnMapping mapping, ZoneId zone, Consumer<ReviewRow> rows) {
		try (RowSource source = RowSources.open(resultFile, InputOptions.defaults())) {
			BoundColumns columns = mapping.bind(source.headers());
			for (InputRow row = source.next(); row != null; row = source.next()) {
				rows.accept(row(row, columns, zone));
			}
		}
	}

	private static ReviewRow row(InputRow row, BoundColumns columns, ZoneId zone) {
		PriorOutcome outcome = row.prior();
		String status = outcome == null ? "" : outcome.status();
		String message = outcome == null ? "" : outcome.errorMessage();
		// a row over its account's caps is fixed by its time (or Spread), not by its account, which its message
		// names first (before: "account: acme-home" shown as the cell to fix)
		String fixColumn = outcome != null && CapAdvice.ERROR_CODE.equals(text(outcome.errorCode()).strip())
				? columns.header(PinField.PUBLISH_AT) : fixColumn(message, row.headers());
		String fixCell = fixColumn == null ? null : shortened(row.value(row.headers().indexOf(fixColumn)));
		return new ReviewRow(row.rowNumber(), status, text(columns.cell(row, PinField.TITLE)),
				text(columns.cell(row, PinField.BOARD)), text(columns.cell(row, PinField.ACCOUNT)),
				shownPublishAt(publishAt(outcome, zone, SHOWN), columns.cell(row, PinField.PUBLISH_AT)),
				publishAt(outcome, zone, HOUR),
				null, outcome == null ? "" : text(outcome.pinUrl()), outcome == null ? "" : text(outcome.errorCode()),
				text(message), fixColumn, fixCell, columns.cell(row, PinField.MEDIA_URL), publishes(outcome));
	}

	/**
	 * A cell to fix as the message's line shows it: a long one (a 5,000-character title, which its own column shows
	 * whole) by its start and its length.
	 */
	static String shortened(String cell) {
		if (cell == null || cell.codePointCount(0, cell.length()) <= FIX_CELL_SHOWN) {
			return cell;
		}
		return cell.substring(0, cell.offsetByCodePoints(0, FIX_CELL_SHOWN - 20)) + "… ("
				+ cell.codePointCount(0, cell.length()) + " characters)";
	}

	/** The header a refusal's message starts with: every row message names its column first. */
	static String fixColumn(String message, List<String> headers) {
		if (message == null || message.isBlank()) {
			return null;
		}
		return headers.stream()
			.filter(header -> !header.isBlank() && message.startsWith(header.strip()))
			.max(Comparator.comparingInt(String::length))
			.orElse(null);
	}

	/**
	 * When the pin publishes; a row no run has decided yet (PENDING), or whose date could not be read, shows its date
	 * as written: it does not publish "at once".
	 */
	private static String shownPublishAt(String decided, String written) {
		return decided.isEmpty() ? text(written).strip() : decided;
	}

	/** When the row publishes, as its outcome says; null when it does not say (at once), or not readably. */
	private static Instant publishes(PriorOutcome outcome) {
		String utc = outcome == null ? null : outcome.publishAtUtc();
		try {
			return utc == null || utc.isBlank() ? null : Instant.parse(utc.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** A time as the console's pages show it: in the upload's zone, named. */
	static String shown(Instant time, ZoneId zone) {
		return SHOWN.format(time.atZone(zone)) + " " + zone.getId();
	}

	private static String publishAt(PriorOutcome outcome, ZoneId zone, DateTimeFormatter format) {
		String utc = outcome == null ? null : outcome.publishAtUtc();
		if (utc == null || utc.isBlank()) {
			return "";
		}
		try {
			return format.format(Instant.parse(utc.strip()).atZone(zone)) + " " + zone.getId();
		}
		catch (DateTimeParseException ex) {
			return utc;
		}
	}

	/** An https image is shown from its address; a local file only from inside the upload's folder. */
	static String thumbnail(String media, long row, Path mediaFolder, String localMedia) {
		String url = text(media).strip();
		if (url.isEmpty()) {
			return null;
		}
		if (url.regionMatches(true, 0, "https://", 0, 8)) {
			// the viewer's browser fetches it: not from their own machine or network (a router's page, a cloud's
			// metadata), which a cell could name to make them request it
			return PublicAddresses.isPublicNameAsWritten(host(url)) ? url : null;
		}
		if (url.contains("://") || mediaFolder == null || localMedia == null) {
			return null;
		}
		return localFile(mediaFolder, url) != null ? localMedia + row : null;
	}

	/** The host of an https address as a browser takes it: before the path, after any user, without the port. */
	private static String host(String url) {
		String authority = url.substring("https://".length()).split("[/?#\\\\]", 2)[0];
		String host = authority.substring(authority.lastIndexOf('@') + 1);
		return host.startsWith("[") ? host : host.split(":", 2)[0];
	}

	/** The local media file of the row's media cell, when it is an existing file inside the folder; else null. */
	static Path localMedia(Path resultFile, ColumnMapping mapping, long rowNumber, Path folder) {
		try (RowSource source = RowSources.open(resultFile, InputOptions.defaults())) {
			BoundColumns columns = mapping.bind(source.headers());
			for (InputRow row = source.next(); row != null; row = source.next()) {
				if (row.rowNumber() == rowNumber) {
					String media = columns.cell(row, PinField.MEDIA_URL);
					return media == null || media.contains("://") ? null : localFile(folder, media);
				}
			}
		}
		return null;
	}

	/** The local media file of a cell, when it is a file inside the folder; null otherwise (or not a path at all). */
	static Path localFile(Path folder, String cell) {
		try {
			return MediaFolder.resolveInside(folder.resolve(cell.strip()), folder).orElse(null);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}

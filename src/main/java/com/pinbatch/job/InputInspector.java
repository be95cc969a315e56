package com.pinbatch.job;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.pinbatch.input.InputDigest;
import com.pinbatch.input.InputFileException;
import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;
import com.pinbatch.pin.BoundColumns;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.DateOrderDetector;
import com.pinbatch.pin.DuplicateLint;
import com.pinbatch.pin.HeaderlessColumns;
import com.pinbatch.pin.MappingAdvice;
import com.pinbatch.pin.MappingException;
import com.pinbatch.pin.PinDraft;
import com.pinbatch.pin.RowPairs;
import com.pinbatch.pin.SpreadsheetDamage;
import com.pinbatch.pin.UnreadPublishDates;
import com.pinbatch.pin.UnzonedTimes;
import com.pinbatch.pin.ValidationSettings;

import org.springframework.util.function.SingletonSupplier;

/**
 * Reads a whole input before anything is sent. A malformed row near the end must stop the run with exit 2 before the
 * first pin is created, not after half the file went out, so a launcher reads every input of a request first. The
 * same pass ({@link #inspect}) takes the content hash that names the run, counts the rows (for progress), decides the
 * day/month order of the date column and finds rows Zernio would reject as duplicates of earlier ones: all of these
 * need the whole file, and a restart must reach the same answers.
 */
public final class InputInspector {

	/**
	 * What a launcher learns from the read: the data rows, what was assumed to read them, the digest of the bytes read
	 * (to name the run without reading the file again) and the character set they were read in (null for a workbook;
	 * named to the job, its reads need not look at the whole file to find it again).
	 */
	public record Check(long rows, List<String> assumptions, InputDigest digest, String charset,
			boolean separatorLineHidden) {
	}

	/** Also sees each row of the survey's pass, so that a planner needs no pass of its own. */
	interface RowVisitor {

		void accept(InputRow row, PinDraft draft);
	}

	/**
	 * What the pass found.
	 *
	 * @param validation the settings to validate rows with, the column's date order decided
	 * @param duplicates rows that repeat an earlier row's content, mapped to that row
	 * @param notes       lines worth showing the user (date order, repeated links)
	 * @param assumptions what was assumed to read the file (encoding, header row, sheet), shown on every run
	 * @param charset     the character set the file was read in (null for a workbook)
	 * @param separatorLineHidden whether the rows are numbered without Excel's hidden "sep=;" first line
	 */
	record Survey(long rows, ValidationSettings validation, RowPairs duplicates, List<String> notes,
			List<String> assumptions, String charset, boolean separatorLineHidden) {
	}

	private InputInspector() {
	}

	/**
	 * @param undatedAtOnce whether a pin without a date is published at once (--when-no-date=now)
	 * @param digest        takes the hash of the bytes read, or null
	 * @throws InputFileException or MappingException for a file the user must fix
	 */
	static Survey inspect(Path file, InputOptions options, ColumnMapping mapping, ValidationSettings validation,
			boolean undatedAtOnce, RowVisitor alsoEachRow, InputDigest digest) {
		try (RowSource source = RowSources.open(file, options, digest)) {
			BoundColumns columns = bind(file, mapping, source, validation.defaultBoard() != null);
			List<String> assumptions = new ArrayList<>(source.notes());
			MappingAdvice.notUsed(columns).ifPresent(line -> assumptions.add(file + ": " + line));
			MappingAdvice.unmatched(columns, mapping).ifPresent(line -> assumptions.add(file + ": " + line));
			MappingAdvice.readByName(columns, mapping).ifPresent(line -> assumptions.add(file + ": " + line));
			MappingAdvice.readByFallback(columns).ifPresent(line -> assumptions.add(file + ": " + line));
			MappingAdvice.zoneInHeader(columns, validation.zone(), Instant.now())
				.ifPresent(line -> assumptions.add(file + ": " + line));
			DateOrderDetector dates = new DateOrderDetector();
			DuplicateLint duplicates = new DuplicateLint(validation);
			SpreadsheetDamage damage = new SpreadsheetDamage(columns, source.savedAsUnicode());
			UnzonedTimes unzoned = new UnzonedTimes(validation.zone(), validation.dateFormat(), ZoneId.systemDefault());
			HeaderlessColumns headerless = new HeaderlessColumns(source.headers());
			UnreadPublishDates unreadDates = new UnreadPublishDates(columns, mapping, validation, undatedAtOnce);
			long rows = 0;
			for (InputRow row = source.next(); row != null; row = source.next()) {
				PinDraft draft = columns.draft(row);
				dates.accept(draft);
				duplicates.accept(draft);
				damage.accept(row, draft);
				unzoned.accept(draft);
				headerless.accept(row);
				unreadDates.accept(row);
				alsoEachRow.accept(row, draft);
				rows++;
			}
			requireRows(file, rows);
			unreadDates.refusal().ifPresent(refusal -> {
				throw new MappingException(file + ": " + refusal);
			});
			List<String> notes = new ArrayList<>();
			// with --date-format the user's form reads the dates, not the order detected here
			if (validation.dateFormat() == null) {
				dates.decision().ifPresent(notes::add);
				dates.contradiction().ifPresent(notes::add);
			}
			duplicates.repeatedLinks().forEach(link -> notes.add(link.describe()));
			notes.addAll(source.findings());
			notes.addAll(damage.notes());
			notes.addAll(headerless.notes());
			unzoned.note(dates.order()).ifPresent(notes::add);
			return new Survey(rows, validation.withDateOrder(dates.order()), duplicates.duplicates(), notes,
					assumptions, source.charset(), source.separatorLineHidden());
		}
	}

	private static long requireRows(Path file, long rows) {
		if (rows == 0) {
			throw new InputFileException(file + ": has no data rows below the header row");
		}
		return rows;
	}

	/** Up to the first 20 data rows, for the advice of a refusal: as many as can be read. */
	private static List<InputRow> firstRows(RowSource source) {
		List<InputRow> rows = new ArrayList<>();
		try {
			for (InputRow row = source.next(); row != null && rows.size() < RowSource.HEADER_SEARCH_ROWS;
					row = source.next()) {
				rows.add(row);
			}
		}
		catch (InputFileException ex) {
			// the rows before the damage are enough for advice; the refusal is of the headers
		}
		return rows;
	}

	private static BoundColumns bind(Path file, ColumnMapping mapping, RowSource source, boolean boardDefault) {
		Supplier<List<InputRow>> readOnce = SingletonSupplier.of(() -> firstRows(source));
		try {
			BoundColumns columns = mapping.bind(source.headers());
			MappingAdvice.requireColumns(columns, mapping, boardDefault, readOnce);
			return columns;
		}
		catch (MappingException ex) {
			// a header row without rows holds no pins: mapping lines for it would change nothing (a template kept
			// empty, "title,description", was answered with lines of HEADER to fill in)
			requireRows(file, readOnce.get().size());
			throw new MappingException(file + ": " + ex.getMessage(), ex);
		}
	}
}

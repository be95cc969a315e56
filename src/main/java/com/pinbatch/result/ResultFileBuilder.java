package com.pinbatch.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.PriorOutcome;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;

/**
 * Rebuilds the complete result file from the input file and the stored outcomes: one line per input row, in input
 * order, rows without an outcome {@code PENDING}. Both sides are read in row order and merged, so memory stays flat
 * however large the file. The file is written beside its final name and moved into place, so a crash while writing
 * never leaves a half file where the last good one was.
 */
public class ResultFileBuilder {

	/** Row numbers read from the store at a time. */
	private static final int WINDOW = 1000;

	private final RowResultStore store;

	public ResultFileBuilder(RowResultStore store) {
		this.store = store;
	}

	/**
	 * Writes the result file and returns the tally of its lines. A result file of the same input already there keeps
	 * its outcomes for the rows this run knows less of (see {@link EarlierResultFile}).
	 *
	 * @param thisRunSent false when the run sent nothing (the input was processed before, or is a copy of another)
	 * @param onSandbox   whether the run's pins went to the sandbox
	 * @throws java.io.UncheckedIOException naming the result file when it cannot be written (a full disk, say)
	 */
	public StatusTally write(Path input, InputOptions options, String runKey, Path resultFile, boolean thisRunSent,
			boolean onSandbox) {
		try (RowSource source = RowSources.open(input, options);
				ResultFileStream lines = ResultFileStream.open(resultFile, source.headers(), source.delimiter(),
						thisRunSent, onSandbox)) {
			StoredResults stored = new StoredResults(runKey);
			List<RowResultStore.Outcome> learnt = new ArrayList<>();
			for (InputRow row = source.next(); row != null; row = source.next()) {
				RowResult known = unlessCarried(row, stored.resultFor(row.rowNumber()));
				RowResult written = lines.write(row, known);
				if (written != known && known.status() != RowStatus.PENDING) {
					// the earlier file knew more of a row this run decided (a follow-up of it saw the pin published):
					// the job repository learns it too, so the run's counts by account say what the file says
					learnt.add(new RowResultStore.Outcome(written, null, null));
				}
				if (learnt.size() == WINDOW) {
					store.saveAll(runKey, learnt); // a follow-up may have changed many rows: a statement per window
					learnt.clear();
				}
			}
			store.saveAll(runKey, learnt);
			return lines.finish();
		}
	}

	/** What the run's stored outcomes say, without a result file (error codes not counted). */
	public StatusTally stored(String runKey) {
		return StatusTally.of(store.countByStatus(runKey), Map.of());
	}

	/**
	 * Ends a result file whose lines were written up to some row: the input's later rows are written
	 * {@code PENDING} (a run that stopped), then the file is moved into place.
	 */
	public static StatusTally finishPending(ResultFileStream lines, Path input, InputOptions options) {
		try (RowSource source = RowSources.open(input, options)) {
			for (InputRow row = source.next(); row != null; row = source.next()) {
				if (row.rowNumber() > lines.lastRow()) {
					lines.write(row, unlessCarried(row, RowResult.pending(row.rowNumber())));
				}
			}
		}
		return lines.finish();
	}

	/**
	 * {@code known}, unless it is PENDING for a line of an earlier result file (--retry-failed) whose pin is on Zernio,
	 * which a run only carries over: when the run stopped before it, that line stands, post id and all.
	 */
	private static RowResult unlessCarried(InputRow row, RowResult known) {
		PriorOutcome prior = row.prior();
		boolean carriedOnly = prior != null && prior.status() != null && RowStatus.isOnZernio(prior.status().trim());
		return known.status() == RowStatus.PENDING && carriedOnly ? RowResult.carriedOver(row.rowNumber(), prior)
				: known;
	}

	/**
	 * Writes an earlier result file again, to {@code target}, with some rows' outcomes replaced ({@code --follow-up};
	 * none for a download in the other format):
	 * every other row exactly as read, the input columns untouched. A workbook stays a workbook when written over
	 * itself; otherwise the target's name chooses, as for a run. Written beside the target and moved into place.
	 *
	 * @param updates new outcomes by row number
	 */
	public static void rewrite(Path resultFile, Map<Long, RowResult> updates, Path target) {
		rewrite(resultFile, result -> updates.getOrDefault(result.rowNumber(), result), target);
	}

	/** The same, each row's outcome as {@code change} makes it of the one the file holds. */
	public static void rewrite(Path resultFile, UnaryOperator<RowResult> change, Path target) {
		Path temporary = ResultFileStream.temporarySibling(target);
		boolean workbook = RowSources.isWorkbook(resultFile) && target.toAbsolutePath().normalize()
			.equals(resultFile.toAbsolutePath().normalize());
		try (RowSource source = RowSources.open(resultFile, InputOptions.defaults());
				ResultFileWriter writer = workbook ? new XlsxResultFileWriter(temporary)
						: ResultFiles.open(temporary, source.delimiter())) {
			writer.writeHeader(source.headers());
			for (InputRow row = source.next(); row != null; row = source.next()) {
				writer.writeRow(row, change.apply(RowResult.carriedOver(row.rowNumber(), row.prior())));
			}
		}
		move(temporary, target);
	}

	private static void move(Path from, Path to) {
		try {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the result file " + to + ": " + ex.getMessage(), ex);
		}
	}

	/** Reads the stored outcomes a window of row numbers at a time, alongside the input. */
	private final class StoredResults {

		private final String runKey;

		private final Map<Long, RowResult> window = new HashMap<>();

		private long windowStart = 1;

		private long windowEnd = 0;

		StoredResults(String runKey) {
			this.runKey = runKey;
		}

		RowResult resultFor(long rowNumber) {
			if (rowNumber < windowStart) {
				// out of order (a result file the user sorted, fed back with --retry-failed): ask for this row alone
				RowResult stored = store.find(runKey, List.of(rowNumber)).get(rowNumber);
				return stored != null ? stored : RowResult.pending(rowNumber);
			}
			if (rowNumber > windowEnd) {
				windowStart = rowNumber;
				windowEnd = rowNumber + WINDOW - 1;
				window.clear();
				store.range(runKey, windowStart, windowEnd).forEach(result -> window.put(result.rowNumber(), result));
			}
			RowResult stored = window.get(rowNumber);
			return stored != null ? stored : RowResult.pending(rowNumber);
		}
	}
}

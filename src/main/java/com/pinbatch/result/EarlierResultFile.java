package com.pinbatch.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.pinbatch.input.InputFileException;
import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.PriorOutcome;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;
import com.pinbatch.text.SafeText;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result file already at the place a new one is about to be written, read alongside the input, so that a run
 * that knows less of a row (a run stopped by a rejected key, run from another folder with an empty job repository,
 * or a dry run) never wipes out what an earlier run found: a row keeps the earlier outcome when this run only knows
 * it as PENDING, or did not send it where the earlier run got it onto Zernio.
 * <p>
 * Only a result file of the same input counts: the same input columns, and for each row the same cells, at the same
 * row number or moved a little (rows deleted or added above it). Rows are read in order and only those near the row
 * being written are held, so memory stays flat. Anything else at that path (another input's
 * result file, a file that is not a result file, one that cannot be read) is simply replaced, as before.
 */
final class EarlierResultFile implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(EarlierResultFile.class);

	private final RowSource source;

	/** False when no row was sent by this run: every outcome it writes was taken from the job repository. */
	private final boolean thisRunSent;

	/**
	 * How far a row may have moved since the earlier file (rows deleted or added above it in a sheet that keeps
	 * growing) and still be found there by its cells; a row moved further is only known to the job repository.
	 */
	static final int MOVED_AT_MOST = 1_000;

	/** The earlier file's rows read so far and still near enough to the rows being written, in file order. */
	private final ArrayDeque<InputRow> near = new ArrayDeque<>();

	/** The same rows by their input cells; a row taken by a row of this run is taken out. */
	private final Map<List<String>, ArrayDeque<InputRow>> byCells = new HashMap<>();

	private List<String> inputHeaders = List.of();

	private boolean readToTheEnd;

	/** Rows of the earlier file that no row of this run matched by its cells (edited, when nothing was sent). */
	private long unmatched;

	/** Whether this run's pins go to the sandbox; an earlier line sent the other way tells nothing of them. */
	private final boolean onSandbox;

	private EarlierResultFile(RowSource source, boolean thisRunSent, boolean onSandbox) {
		this.source = source;
		this.thisRunSent = thisRunSent;
		this.onSandbox = onSandbox;
	}

	/**
	 * The result file of this input at {@code resultFile}; one that knows nothing when there is none.
	 *
	 * @param thisRunSent false when the new file is written by a run that sent nothing (the input was processed
	 *                    before): its outcomes, attempts and all, are the job repository's
	 * @param onSandbox   whether this run's pins go to the sandbox
	 */
	static EarlierResultFile at(Path resultFile, List<String> inputHeaders, boolean thisRunSent, boolean onSandbox) {
		if (!Files.isRegularFile(resultFile)) {
			return new EarlierResultFile(null, thisRunSent, onSandbox);
		}
		RowSource source = null;
		try {
			source = RowSources.open(resultFile, InputOptions.defaults());
			EarlierResultFile earlier = new EarlierResultFile(source, thisRunSent, onSandbox);
			if (earlier.isResultFileOf(inputHeaders)) {
				return earlier;
			}
		}
		catch (InputFileException | UncheckedIOException unreadable) {
			// not a file we can read back: it is replaced, as any other file there
		}
		if (source != null) {
			source.close();
		}
		return new EarlierResultFile(null, thisRunSent, onSandbox);
	}

	/**
	 * What the new result file should say of this row: {@code known} as this run knows it, unless the earlier file
	 * knows more of the same row.
	 */
	RowResult better(InputRow row, RowResult known) {
		InputRow earlier = source == null ? null : sameRow(row);
		if (earlier == null || earlier.prior() == null || earlier.prior().status() == null
				|| sentTheOtherWay(earlier.prior().requestId())) {
			return known;
		}
		RowResult before;
		try {
			before = RowResult.carriedOver(row.rowNumber(), earlier.prior());
		}
		catch (IllegalArgumentException unknownStatus) {
			return known;
		}
		return knowsMore(before, known) ? before : known;
	}

	/**
	 * The earlier file's line of this row (the same cells, at its row number or moved a little), or null: none, or
	 * one of a pin sent the other way (to the sandbox, or not).
	 */
	PriorOutcome lineOf(InputRow row) {
		InputRow earlier = source == null ? null : sameRow(row);
		return earlier == null || earlier.prior() == null || earlier.prior().status() == null
				|| sentTheOtherWay(earlier.prior().requestId()) ? null : earlier.prior();
	}

	/** A rehearsal's pin is not this run's, nor the other way round; a line without a request id does not say. */
	private boolean sentTheOtherWay(String requestId) {
		return requestId != null && !requestId.isBlank() && RequestIds.sentToSandbox(requestId) != onSandbox;
	}

	/**
	 * PENDING knows less than a pin an earlier run sent. An outcome reached without sending (a dry run's VALID,
	 * INVALID for a date now past, an account at its cap) knows less than a pin the earlier run got onto Zernio. This
	 * run's outcome of that very pin, taken from the job repository without sending, knows less when it is less far
	 * along than the earlier line (a --follow-up of that file may have written a later state than the repository
	 * holds).
	 */
	private boolean knowsMore(RowResult earlier, RowResult now) {
		if (now.status() == RowStatus.PENDING) {
			// what an earlier run sent stays (on Zernio, or its answer lost: its request id is what finds its pin); a
			// check's word (a dry run's VALID, an INVALID the row may no longer be) is not this run's: a live run
			// stopped before the row read "VALID", and "no row PENDING"
			return RowStatus.isOnZernio(earlier.status().name()) || earlier.postId() != null
					|| earlier.requestId() != null && !earlier.requestId().isBlank();
		}
		if (RowResult.PIN_MOVED.equals(now.errorCode())) {
			return false; // the earlier line's pin, found since to be at another time than the row now gives
		}
		// a run of an input processed before shows the repository's outcomes with the attempts of the run that sent
		boolean notSentNow = !thisRunSent || now.attempts() == 0;
		// a FAILED outcome with a post is a pin Pinterest refused, sent by this run or an earlier one: not "never sent"
		boolean nowNeverSent = notSentNow && !RowStatus.isOnZernio(now.status().name()) && now.postId() == null;
		// the same post further along: published, or refused by Pinterest (FAILED with a post, "not on Zernio" as a
		// status, yet that pin's last word)
		boolean samePinLessFar = notSentNow && now.postId() != null && now.postId().equals(earlier.postId())
				&& howFar(earlier.status()) > howFar(now.status());
		return nowNeverSent && RowStatus.isOnZernio(earlier.status().name()) || samePinLessFar;
	}

	/**
	 * How far a pin on Zernio is known to have got: accepted, held for its time, published or refused by Pinterest (a
	 * FAILED outcome of a post is its last).
	 */
	private static int howFar(RowStatus status) {
		return switch (status) {
			case PUBLISHED, FAILED -> 3;
			case SCHEDULED -> 2;
			case CREATED, DUPLICATE -> 1;
			default -> 0;
		};
	}

	@Override
	public void close() {
		if (source != null) {
			source.close();
		}
	}

	/**
	 * Before a run that sent nothing (its input processed before) writes the input's result file again from the job
	 * repository: when that file has rows whose cells match no row of the input, someone edited them there (fixes to
	 * send with --retry-failed, as the run's advice says). The file is kept beside it, as
	 * {@code NAME.edited-TIME.results.csv} (a result file, which a folder's run passes over), rather than lost.
	 *
	 * @return the copy kept, if one was
	 */
	Optional<Path> keepIfEdited(Path resultFile, Instant now) {
		if (source == null || thisRunSent) {
			return Optional.empty();
		}
		try {
			for (InputRow rest = readToTheEnd ? null : source.next(); rest != null; rest = source.next()) {
				unmatched++; // the input has no more rows: no row of this run can match it
			}
		}
		catch (InputFileException | UncheckedIOException unreadable) {
			// what was read tells
		}
		long edited = unmatched + byCells.values().stream().mapToLong(ArrayDeque::size).sum();
		if (edited == 0) {
			return Optional.empty();
		}
		String name = resultFile.getFileName().toString();
		int kind = Math.max(name.lastIndexOf(".results."), name.lastIndexOf(".retry."));
		String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now);
		Path kept = resultFile.resolveSibling(kind < 0 ? name + ".edited-" + stamp
				: name.substring(0, kind) + ".edited-" + stamp + name.substring(kind));
		try {
			Files.copy(resultFile, kept, StandardCopyOption.COPY_ATTRIBUTES);
		}
		catch (IOException notKept) {
			throw new UncheckedIOException(notKept);
		}
		LOG.warn("{}: {} edited since it was written (cells that are not the input's); kept as {} before it is written"
				+ " again: to send the edited rows, run --retry-failed={}", name, edited == 1 ? "1 row was"
						: edited + " rows were", kept.getFileName(), kept.toAbsolutePath());
		return Optional.of(kept);
	}

	private boolean isResultFileOf(List<String> headers) {
		// a result file read back gives its rows' earlier outcomes; an input file gives none
		inputHeaders = headers;
		InputRow first = source.next();
		if (first != null) {
			keep(first);
		}
		else {
			readToTheEnd = true;
		}
		return source.headers().equals(headers) && (first == null || first.prior() != null);
	}

	/**
	 * The earlier file's line of this row: the one with the same cells, at the same row number, or else the nearest
	 * one up to {@link #MOVED_AT_MOST} rows away not taken yet (its row moved: rows were deleted or added above it).
	 * Rows come in the input's order on both sides, so only those near the row are held.
	 */
	private InputRow sameRow(InputRow row) {
		long number = row.rowNumber();
		try {
			while (!readToTheEnd && (near.isEmpty() || near.peekLast().rowNumber() < number + MOVED_AT_MOST)) {
				InputRow next = source.next();
				if (next == null) {
					readToTheEnd = true;
				}
				else {
					keep(next);
				}
			}
		}
		catch (InputFileException | UncheckedIOException unreadable) {
			readToTheEnd = true; // the rest of the earlier file is lost to us: this run's outcomes stand
		}
		while (!near.isEmpty() && near.peekFirst().rowNumber() < number - MOVED_AT_MOST) {
			InputRow gone = near.removeFirst();
			ArrayDeque<InputRow> same = byCells.get(cells(gone));
			if (same != null && same.remove(gone)) {
				unmatched++;
				if (same.isEmpty()) {
					byCells.remove(cells(gone));
				}
			}
		}
		ArrayDeque<InputRow> same = byCells.get(cells(row));
		if (same == null) {
			return null;
		}
		InputRow nearest = null;
		for (InputRow candidate : same) {
			if (nearest == null || Math.abs(candidate.rowNumber() - number) < Math.abs(nearest.rowNumber() - number)) {
				nearest = candidate;
			}
		}
		same.remove(nearest);
		if (same.isEmpty()) {
			byCells.remove(cells(row));
		}
		return nearest;
	}

	private void keep(InputRow earlier) {
		near.addLast(earlier);
		byCells.computeIfAbsent(cells(earlier), key -> new ArrayDeque<>(1)).addLast(earlier);
	}

	/**
	 * The row's input cells, as a result file holds them (made safe: a cell's zero-width or control characters are
	 * not written), so that an input row and its line match: a row of the earlier file also has its result columns
	 * after them.
	 */
	private List<String> cells(InputRow row) {
		List<String> cells = new ArrayList<>(inputHeaders.size());
		for (int column = 0; column < inputHeaders.size(); column++) {
			cells.add(SafeText.cell(row.value(column)));
		}
		return cells;
	}
}

package com.pinbatch.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import com.pinbatch.input.InputRow;
import com.pinbatch.text.FileProblems;

/**
 * A result file being written, one input row at a time in input order: beside its final name, moved into place by
 * {@link #finish()} (a crash or a stop while writing never leaves a half file where the last good one was), the
 * earlier result file of the same input read alongside (see {@link EarlierResultFile}), and the totals of what was
 * written counted on the way. Closing an unfinished stream removes its temporary file.
 */
public final class ResultFileStream implements AutoCloseable {

	private final Path resultFile;

	private final Path temporary;

	private final ResultFileWriter writer;

	private final EarlierResultFile earlier;

	private final StatusTally tally = new StatusTally();

	private long lastRow;

	private boolean finished;

	private ResultFileStream(Path resultFile, Path temporary, ResultFileWriter writer, EarlierResultFile earlier) {
		this.resultFile = resultFile;
		this.temporary = temporary;
		this.writer = writer;
		this.earlier = earlier;
	}

	/**
	 * @param inputHeaders the input's header row, written first
	 * @param delimiter    the input's delimiter, for a CSV result file
	 * @throws UncheckedIOException naming the result file when it cannot be started
	 */
	public static ResultFileStream open(Path resultFile, List<String> inputHeaders, char delimiter,
			boolean onSandbox) {
		return open(resultFile, inputHeaders, delimiter, true, onSandbox);
	}

	/**
	 * As {@link #open(Path, List, char)}, for a run that may have sent nothing.
	 *
	 * @param thisRunSent false when every outcome written is taken from the job repository (the input was processed
	 *                    before): an earlier result file that knows a pin further along then keeps its line
	 * @param onSandbox   whether this run's pins go to the sandbox: an earlier line of the other kind is not kept
	 */
	public static ResultFileStream open(Path resultFile, List<String> inputHeaders, char delimiter,
			boolean thisRunSent, boolean onSandbox) {
		Path temporary = temporarySibling(resultFile);
		ResultFileWriter writer = null;
		try {
			writer = ResultFiles.open(temporary, delimiter);
			writer.writeHeader(inputHeaders);
			return new ResultFileStream(resultFile, temporary, writer,
					EarlierResultFile.at(resultFile, inputHeaders, thisRunSent, onSandbox));
		}
		catch (UncheckedIOException ex) {
			if (writer != null) {
				closeQuietly(writer);
			}
			deleteQuietly(temporary);
			throw cannotWrite(resultFile, ex);
		}
	}

	/**
	 * Writes the row's line: its outcome as this run knows it, unless the earlier result file knows more.
	 *
	 * @return the outcome written: {@code known} itself, or the earlier file's
	 */
	public RowResult write(InputRow row, RowResult known) {
		RowResult result = earlier.better(row, known).asWritten();
		try {
			writer.writeRow(row, result);
		}
		catch (UncheckedIOException ex) {
			throw cannotWrite(resultFile, ex);
		}
		tally.add(result);
		lastRow = Math.max(lastRow, row.rowNumber());
		return result;
	}

	/** What the lines written so far say. */
	public StatusTally tally() {
		return tally;
	}

	/** The highest row number written so far; 0 before the first row. */
	public long lastRow() {
		return lastRow;
	}

	/** Closes the file and moves it into place; returns what its lines say. */
	public StatusTally finish() {
		try {
			writer.close();
			earlier.keepIfEdited(resultFile, Instant.now()).ifPresent(tally::keptEditedAs);
			earlier.close();
			Files.move(temporary, resultFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (UncheckedIOException ex) {
			throw cannotWrite(resultFile, ex);
		}
		catch (IOException ex) {
			throw cannotWrite(resultFile, new UncheckedIOException(ex));
		}
		finally {
			finished = true;
			deleteQuietly(temporary);
		}
		return tally;
	}

	@Override
	public void close() {
		if (!finished) {
			finished = true;
			closeQuietly(writer);
			earlier.close();
			deleteQuietly(temporary);
		}
	}

	/** The result file the user knows is named, with the root cause (a full disk, say), never the temporary. */
	private static UncheckedIOException cannotWrite(Path resultFile, UncheckedIOException ex) {
		return new UncheckedIOException("result file " + resultFile.toAbsolutePath() + " cannot be written ("
				+ FileProblems.reason(ex) + ")", ex.getCause());
	}

	static Path temporarySibling(Path resultFile) {
		Path folder = resultFile.toAbsolutePath().getParent();
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the folder " + folder + " for the result file", ex);
		}
		String name = resultFile.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String extension = dot < 0 ? "" : name.substring(dot);
		return folder.resolve("." + name + ".partial" + extension);
	}

	private static void closeQuietly(ResultFileWriter writer) {
		try {
			writer.close();
		}
		catch (RuntimeException ignored) {
			// already failing: the first problem is the one reported
		}
	}

	private static void deleteQuietly(Path temporary) {
		try {
			Files.deleteIfExists(temporary);
		}
		catch (IOException ignored) {
			// the next write replaces it
		}
	}
}

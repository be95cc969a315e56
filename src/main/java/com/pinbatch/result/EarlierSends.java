package com.pinbatch.result;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.pinbatch.input.InputRow;
import com.pinbatch.input.PriorOutcome;

/**
 * The input's result file as an earlier run left it, read alongside the input as its rows are sent: what that run
 * did with each row, for a run whose job repository knows nothing of it (another data folder: another user's home,
 * a folder lost or moved). A row the earlier run got onto Zernio, or whose send may have created its pin, is looked
 * for there before it is sent, as the job repository would have had it (before, past Zernio's 24-hour duplicate
 * window, each became a second pin). Only a line of the same cells counts; memory stays flat.
 */
public final class EarlierSends implements AutoCloseable {

	/** Rows asked about lately, by row number: a chunk processed again (a retry) asks for its rows again. */
	private static final int REMEMBERED = 10_000;

	private final Path resultFile;

	private final boolean onSandbox;

	private EarlierResultFile file;

	private final Map<Long, PriorOutcome> asked = new LinkedHashMap<>(16, 0.75f, false) {

		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, PriorOutcome> eldest) {
			return size() > REMEMBERED;
		}
	};

	/**
	 * @param resultFile where the input's result file is written (the earlier one is read there)
	 * @param onSandbox  whether this run's pins go to the sandbox: an earlier line sent the other way tells nothing
	 */
	public EarlierSends(Path resultFile, boolean onSandbox) {
		this.resultFile = resultFile;
		this.onSandbox = onSandbox;
	}

	/** The earlier result file's line of this row; null when it has none (or there is no such file). */
	public PriorOutcome of(InputRow row) {
		if (file == null) {
			file = EarlierResultFile.at(resultFile, row.headers(), true, onSandbox);
		}
		return asked.computeIfAbsent(row.rowNumber(), number -> file.lineOf(row));
	}

	@Override
	public void close() {
		if (file != null) {
			file.close();
		}
	}
}

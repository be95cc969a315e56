package com.pinbatch.result;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.pinbatch.input.InputFileException;
import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.ResultFileRowSource;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;

/** Where the pins of a result file went, as its request ids tell (see {@link RequestIds}). */
public enum PinsSentTo {

	/** No line was sent (a dry run's file, every row invalid), or the file is no result file, or is not there. */
	NOWHERE,

	/** Every line sent went to the sandbox: a rehearsal. */
	SANDBOX,

	/** Some line went to Zernio: pins on Pinterest, or on their way there. */
	ZERNIO;

	/**
	 * Why a run cannot take up the pins of an earlier result file ({@code option}: --retry-failed, --follow-up): they
	 * went to the sandbox and the run is for real (its published lines would pass for pins on Pinterest, and never be
	 * sent), or the other way round; null when it can.
	 */
	public static String mismatch(Path resultFile, boolean onSandbox, String option) {
		PinsSentTo sentTo = of(resultFile);
		if (sentTo == SANDBOX && !onSandbox) {
			return option + "=" + resultFile + ": its pins were sent to the sandbox (a rehearsal), not to Zernio;"
					+ " to send them for real, run the input file itself without --sandbox; to go on rehearsing, add"
					+ " --sandbox";
		}
		if (sentTo == ZERNIO && onSandbox) {
			return option + "=" + resultFile + ": its pins were sent to Zernio, which the sandbox does not know;"
					+ " leave out --sandbox";
		}
		return null;
	}

	/** Reads the file up to its first line sent to Zernio; a file that cannot be read is {@link #NOWHERE}. */
	public static PinsSentTo of(Path resultFile) {
		if (!Files.isRegularFile(resultFile)) {
			return NOWHERE;
		}
		try (RowSource source = RowSources.open(resultFile, InputOptions.defaults())) {
			if (!(source instanceof ResultFileRowSource)) {
				return NOWHERE;
			}
			PinsSentTo found = NOWHERE;
			for (InputRow row = source.next(); row != null; row = source.next()) {
				String requestId = row.prior() == null ? null : row.prior().requestId();
				if (requestId == null || requestId.isBlank()) {
					continue;
				}
				if (!RequestIds.sentToSandbox(requestId)) {
					return ZERNIO;
				}
				found = SANDBOX;
			}
			return found;
		}
		catch (InputFileException | UncheckedIOException unreadable) {
			return NOWHERE;
		}
	}
}

package com.pinbatch.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import com.pinbatch.input.InputSettling;

/**
 * What a front end asks to run: the inputs, and the options that change how they are read, checked and sent. The
 * same request on the same files is the same job instances (so it resumes, or reports what was done).
 *
 * @param sources     the files to process (a folder stands for the spreadsheets in it); for a retry, the result file
 * @param results     the one result file to write; null: beside each input ({@code NAME.results.csv|xlsx})
 * @param retryFailed whether {@code sources} is an earlier result file whose INVALID and FAILED rows are retried
 * @param sheet       the workbook sheet to read; null: the first
 * @param encoding    the text encoding of a CSV; null: detected
 * @param mapping     a YAML file mapping column names; null: the built-in names
 * @param account     the account of rows that name none; null: none
 * @param board       the board of rows that name none; null: none
 * @param timezone    the zone of publish times written without one
 * @param dateFormat  the pattern of publish times; null: recognised
 * @param whenNoDate  what a row without a publish date becomes: {@code now}, {@code queue} or {@code draft}
 * @param spread      spread the publish times of pins beyond an account's caps over later slots
 * @param mediaRoot   the folder local media may come from; null: each input's folder
 * @param checkMedia  ask every media URL before sending whether Pinterest can take it
 * @param dryRun      check and plan everything, send nothing
 * @param sandbox     send to the built-in Zernio sandbox instead of Zernio
 * @param by          who asked, as histories show it: {@code host NAME} for the command line, {@code console: USER}
 *                    for the web console; null: not said
 * @param settle      how long an input must have been left alone before it is read (see {@link InputSettling}):
 *                    the command line's may still be being copied in by another program; zero for files the front
 *                    end wrote itself (the console's uploads)
 */
public record RunRequest(List<Path> sources, Path results, boolean retryFailed, String sheet, String encoding,
		Path mapping, String account, String board, ZoneId timezone, String dateFormat, String whenNoDate,
		boolean spread, Path mediaRoot, boolean checkMedia, boolean dryRun, boolean sandbox, String by,
		Duration settle) {

	public RunRequest {
		sources = List.copyOf(sources);
		settle = settle == null ? Duration.ZERO : settle;
		timezone = timezone == null ? ZoneId.systemDefault() : timezone;
		whenNoDate = whenNoDate == null ? "now" : whenNoDate;
	}

	/** A request whose inputs are read at once (files the front end wrote itself). */
	public RunRequest(List<Path> sources, Path results, boolean retryFailed, String sheet, String encoding,
			Path mapping, String account, String board, ZoneId timezone, String dateFormat, String whenNoDate,
			boolean spread, Path mediaRoot, boolean checkMedia, boolean dryRun, boolean sandbox, String by) {
		this(sources, results, retryFailed, sheet, encoding, mapping, account, board, timezone, dateFormat,
				whenNoDate, spread, mediaRoot, checkMedia, dryRun, sandbox, by, Duration.ZERO);
	}

	/** The same request with another sheet named. */
	RunRequest withSheet(String named) {
		return new RunRequest(sources, results, retryFailed, named, encoding, mapping, account, board, timezone,
				dateFormat, whenNoDate, spread, mediaRoot, checkMedia, dryRun, sandbox, by, settle);
	}

	/** A plain request for one file, everything else as the command line's defaults. */
	public static RunRequest of(Path input) {
		return new RunRequest(List.of(input), null, false, null, null, null, null, null, null, null, "now", false,
				null, false, false, false, null);
	}
}

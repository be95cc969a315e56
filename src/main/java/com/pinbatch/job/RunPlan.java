package com.pinbatch.job;

import java.nio.file.Path;
import java.util.Map;

import com.pinbatch.input.InputOptions;
import com.pinbatch.media.MediaProblem;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.RowPairs;
import com.pinbatch.pin.ValidationSettings;
import com.pinbatch.plan.WhenNoDate;

/**
 * Everything one run of the job needs that is not configuration: which file, how to read and check it, and the
 * connection to Zernio ({@code api} is null for a dry run without an API key: boards then stay unresolved).
 *
 * @param duplicates rows of this file that repeat an earlier row's content (row -> that earlier row), found by
 *                   reading the whole file first
 * @param whenNoDate what a row without a publish date becomes
 * @param slots      publish instants (epoch milliseconds) --spread gave rows beyond their account's caps, by row
 *                   number
 * @param mediaProblems what --check-media found wrong with media URLs, by URL (empty without it)
 * @param capped     what rows the sender would refuse at their account's cap say, by row number: a dry run shows
 *                   them all, a live run refuses the scheduled ones so before asking Zernio
 */
public record RunPlan(Path input, InputOptions inputOptions, String runKey, ColumnMapping mapping,
		ValidationSettings validation, RowPairs duplicates, WhenNoDate whenNoDate, RowPairs slots,
		Map<String, MediaProblem> mediaProblems, boolean dryRun, ApiSession api, CappedMessages capped) {
}

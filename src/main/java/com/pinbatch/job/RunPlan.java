package com.pinbatch.job;

import java.nio.file.Path;

import com.pinbatch.input.InputOptions;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.DuplicateLint;
import com.pinbatch.pin.ValidationSettings;

/**
 * Everything one run of the job needs that is not configuration: which file, how to read and check it, and the
 * connection to Zernio ({@code api} is null for a dry run without an API key: boards then stay unresolved).
 *
 * @param duplicates rows of this file that repeat an earlier row's content, found by reading the whole file first
 */
public record RunPlan(Path input, InputOptions inputOptions, String runKey, ColumnMapping mapping,
		ValidationSettings validation, DuplicateLint duplicates, boolean dryRun, ApiSession api) {
}

package com.pinbatch.job;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.pinbatch.schema.JobParameterLimit;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters of one input's job instance. Only the run key identifies the instance: it is a digest of the
 * input's content and of every option that changes what is sent, so the same input with the same options is the same
 * instance whatever the file is called. The rest says how to read, check and send the input (not identifying: they
 * are already in the key) so that each step, and a restart, works from the parameters alone.
 *
 * @param encoding the CSV's character set: the user's --encoding, else the one the launcher's check found (null: find
 *                 it, or a workbook)
 * @param target where pins go: {@link ApiSessionSource#SANDBOX}, {@link ApiSessionSource#ZERNIO} or
 *               {@link ApiSessionSource#NONE} (a dry run without a key)
 * @param by     who launched the run, as histories show it ({@code host NAME}, {@code console: USER}); null: not said
 */
public record InputParameters(String runKey, Path input, Path results, String sheet, String encoding, Path mapping,
		String account, String board, ZoneId timezone, String dateFormat, String whenNoDate, boolean spread,
		Path mediaRoot, boolean checkMedia, boolean dryRun, String target, String by) {

	/** Whether the run's pins go to the sandbox: a rehearsal, whose result lines never pass for pins on Pinterest. */
	public boolean onSandbox() {
		return ApiSessionSource.SANDBOX.equals(target);
	}

	public static final String INPUT_FILE = "input.file";

	public static final String RESULT_FILE = "result.file";

	private static final String SHEET = "input.sheet";

	private static final String ENCODING = "input.encoding";

	private static final String MAPPING = "input.mapping";

	private static final String ACCOUNT = "default.account";

	private static final String BOARD = "default.board";

	private static final String TIMEZONE = "timezone";

	private static final String DATE_FORMAT = "date-format";

	private static final String WHEN_NO_DATE = "when-no-date";

	private static final String SPREAD = "spread";

	private static final String MEDIA_ROOT = "media-root";

	private static final String CHECK_MEDIA = "check-media";

	private static final String DRY_RUN = "dry-run";

	private static final String TARGET = "zernio.target";

	public static final String BY = "run.by";

	/**
	 * The same input read in {@code charset} when the user named none: what the launcher's check found, so that the
	 * job's reads need not look at the whole file to find it again (the run key holds only what the user named).
	 */
	public InputParameters withEncodingFound(String charset) {
		if (encoding != null || charset == null) {
			return this;
		}
		return new InputParameters(runKey, input, results, sheet, charset, mapping, account, board, timezone,
				dateFormat, whenNoDate, spread, mediaRoot, checkMedia, dryRun, target, by);
	}

	/** The same input sent to {@code where}. */
	public InputParameters withTarget(String where) {
		return new InputParameters(runKey, input, results, sheet, encoding, mapping, account, board, timezone,
				dateFormat, whenNoDate, spread, mediaRoot, checkMedia, dryRun, where, by);
	}

	/**
	 * These parameters as the job reads them back, less what does not change how the input is read and checked (where
	 * its pins go, who launched it, its result file, a dry run): a launcher's and its job's own compare equal.
	 */
	public InputParameters asRead() {
		InputParameters read = of(toJobParameters());
		return new InputParameters(read.runKey, read.input, null, read.sheet, read.encoding, read.mapping, read.account,
				read.board, read.timezone, read.dateFormat, read.whenNoDate, read.spread, read.mediaRoot,
				read.checkMedia, false, null, null);
	}

	/**
	 * Why the job repository cannot keep these parameters (a path too long, see {@link JobParameterLimit}), or null.
	 *
	 * @param inputOption  how the user named the input ({@code --input}, {@code --retry-failed})
	 * @param resultsGiven whether the user named the result file, or it is the one beside the input
	 */
	public String tooLongToKeep(String inputOption, boolean resultsGiven) {
		Map<String, Object> given = new LinkedHashMap<>();
		given.put(inputOption, input.toAbsolutePath());
		given.put(resultsGiven ? "--results" : "the result file's path (beside the input; --results puts it elsewhere)",
				results == null ? null : results.toAbsolutePath());
		given.put("--mapping", mapping == null ? null : mapping.toAbsolutePath());
		given.put("--media-root", mediaRoot);
		given.put("--sheet", sheet);
		given.put("--account", account);
		given.put("--board", board);
		given.put("--date-format", dateFormat);
		return given.entrySet().stream()
			.map(option -> JobParameterLimit.refusal(option.getKey(), option.getValue()))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	public JobParameters toJobParameters() {
		JobParametersBuilder builder = new JobParametersBuilder().addString(RunKey.PARAMETER, runKey);
		text(builder, INPUT_FILE, input.toAbsolutePath());
		text(builder, RESULT_FILE, results.toAbsolutePath());
		text(builder, SHEET, sheet);
		text(builder, ENCODING, encoding);
		text(builder, MAPPING, mapping == null ? null : mapping.toAbsolutePath());
		text(builder, ACCOUNT, account);
		text(builder, BOARD, board);
		text(builder, TIMEZONE, timezone.getId());
		text(builder, DATE_FORMAT, dateFormat);
		text(builder, WHEN_NO_DATE, whenNoDate);
		text(builder, SPREAD, spread);
		text(builder, MEDIA_ROOT, mediaRoot);
		text(builder, CHECK_MEDIA, checkMedia);
		text(builder, DRY_RUN, dryRun);
		text(builder, TARGET, target);
		text(builder, BY, by);
		return builder.toJobParameters();
	}

	public static InputParameters of(JobParameters parameters) {
		return new InputParameters(parameters.getString(RunKey.PARAMETER), path(parameters, INPUT_FILE),
				path(parameters, RESULT_FILE), parameters.getString(SHEET), parameters.getString(ENCODING),
				path(parameters, MAPPING), parameters.getString(ACCOUNT), parameters.getString(BOARD),
				ZoneId.of(parameters.getString(TIMEZONE, "UTC")), parameters.getString(DATE_FORMAT),
				parameters.getString(WHEN_NO_DATE, "now"), flag(parameters, SPREAD), path(parameters, MEDIA_ROOT),
				flag(parameters, CHECK_MEDIA), flag(parameters, DRY_RUN),
				parameters.getString(TARGET, ApiSessionSource.NONE), parameters.getString(BY));
	}

	private static void text(JobParametersBuilder builder, String name, Object value) {
		if (value != null) {
			builder.addString(name, value.toString(), false);
		}
	}

	private static Path path(JobParameters parameters, String name) {
		String value = parameters.getString(name);
		return value == null ? null : Path.of(value);
	}

	private static boolean flag(JobParameters parameters, String name) {
		return Boolean.parseBoolean(parameters.getString(name, "false"));
	}
}

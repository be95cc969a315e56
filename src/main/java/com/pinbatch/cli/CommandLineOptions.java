package com.pinbatch.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The product's own options ({@code --name=value} or {@code --flag}). Options with a dot in their name
 * ({@code --zernio.base-url=...}, {@code --spring.datasource.url=...}) are configuration properties and are passed
 * on to Spring untouched; anything else unknown is a usage error.
 *
 * @param encoding       the CSV input's character encoding (Java charset name); null: UTF-8/UTF-16 as marked, else
 *                       detected
 * @param dateFormat     java.time pattern for publish dates in another format; null: ISO-8601 and the usual forms
 * @param whenNoDate     what an empty publish date means: {@code now}, {@code queue} or {@code draft}
 * @param spread         spread the publish times of the rows over the accounts' caps
 * @param checkMedia     check each media URL with a request before sending
 * @param summary        where to write the machine-readable JSON summary; null: none
 * @param verbose        DEBUG logging for pinbatch, with each send's request id
 * @param logFormat      {@code text} or {@code json} (structured log lines for log shippers)
 * @param mediaRoot      the folder local media files may come from (default: each input's folder)
 * @param pruneOlderThan prune mode: delete job runs (and their stored row outcomes) older than this many days
 */
public record CommandLineOptions(List<Path> inputs, Path results, String sheet, String encoding, Path mapping,
		boolean dryRun,
		boolean sandbox, Path retryFailed, String account, String board, ZoneId timezone, String dateFormat,
		String whenNoDate, boolean spread, boolean checkMedia, Path summary, boolean verbose, String logFormat,
		Integer pruneOlderThan, boolean help, boolean version, List<String> springArguments, Path mediaRoot) {

	public static final List<String> WHEN_NO_DATE = List.of("now", "queue", "draft");

	public static final List<String> LOG_FORMATS = List.of("text", "json");

	private static final Set<String> FLAGS = Set.of("dry-run", "sandbox", "spread", "check-media", "verbose", "help",
			"version");

	private static final Set<String> VALUED = Set.of("input", "results", "sheet", "encoding", "mapping", "retry-failed",
			"account", "board", "timezone", "date-format", "when-no-date", "summary", "log-format",
			"prune-older-than", "media-root");

	public static CommandLineOptions parse(String... args) {
		List<Path> inputs = new ArrayList<>();
		List<String> spring = new ArrayList<>();
		Map<String, String> single = new HashMap<>();
		Set<String> flags = new HashSet<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || arg.length() == 2) {
				throw new UsageException("unexpected argument '" + arg + "'; options look like --input=FILE (see --help)");
			}
			int equals = arg.indexOf('=');
			String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
			String value = equals < 0 ? null : arg.substring(equals + 1);
			if (name.contains(".")) {
				refuseSecret(name);
				spring.add(arg);
			}
			else if (FLAGS.contains(name)) {
				if (value != null) {
					throw new UsageException("--" + name + " takes no value");
				}
				flags.add(name);
			}
			else if (VALUED.contains(name)) {
				if (value == null || value.isBlank()) {
					throw new UsageException("--" + name + " needs a value, e.g. --" + name + "=" + example(name));
				}
				if (name.equals("input")) {
					inputs.add(Path.of(value));
				}
				else if (single.put(name, value) != null) {
					throw new UsageException("--" + name + " is given twice");
				}
			}
			else {
				throw new UsageException("unknown option --" + name + " (see --help)");
			}
		}
		CommandLineOptions options = new CommandLineOptions(List.copyOf(inputs), path(single.get("results")),
				single.get("sheet"), encoding(single.get("encoding")), path(single.get("mapping")), flags.contains("dry-run"), flags.contains("sandbox"),
				path(single.get("retry-failed")), single.get("account"), single.get("board"),
				zone(single.get("timezone")), dateFormat(single.get("date-format")),
				oneOf("when-no-date", single.getOrDefault("when-no-date", "now"), WHEN_NO_DATE),
				flags.contains("spread"), flags.contains("check-media"), path(single.get("summary")),
				flags.contains("verbose"), oneOf("log-format", single.getOrDefault("log-format", "text"), LOG_FORMATS),
				days(single.get("prune-older-than")), flags.contains("help"), flags.contains("version"),
				List.copyOf(spring), mediaRoot(single.get("media-root")));
		options.check();
		return options;
	}

	/**
	 * The API key is never taken from the command line: other users see it in the process list, it stays in the
	 * shell history, and the printed "to resume" command would repeat it. Spring's relaxed names count too
	 * ({@code --zernio.apiKey}, {@code --ZERNIO_API_KEY}).
	 */
	private static void refuseSecret(String name) {
		String relaxed = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
		if (relaxed.equals("zernio.apikey")) {
			throw new UsageException("the API key is not taken on the command line (it would show in the process"
					+ " list and the shell history): set ZERNIO_API_KEY, or zernio.api-key in a config file only you"
					+ " can read");
		}
	}

	/** True for {@code --prune-older-than=DAYS}: tidy the job repository instead of processing an input. */
	public boolean prune() {
		return pruneOlderThan != null;
	}

	public boolean jsonLogs() {
		return logFormat.equals("json");
	}

	private void check() {
		if (help || version) {
			return;
		}
		if (prune()) {
			if (!inputs.isEmpty() || retryFailed != null) {
				throw new UsageException("--prune-older-than tidies the job repository and processes no input; run it"
						+ " on its own, without --input or --retry-failed");
			}
			return;
		}
		if (inputs.isEmpty() && retryFailed == null) {
			throw new UsageException("no input: give --input=FILE (CSV or XLSX) or --retry-failed=RESULTS (see --help)");
		}
		if (!inputs.isEmpty() && retryFailed != null) {
			throw new UsageException("give either --input or --retry-failed, not both: --retry-failed reads the rows from the result file");
		}
		if (results != null && inputs.size() > 1) {
			throw new UsageException("--results names one file but there are " + inputs.size()
					+ " inputs; leave --results out to get one result file per input");
		}
	}

	/** The files to process: the inputs, or the earlier result file to retry. */
	public List<Path> sources() {
		return retryFailed != null ? List.of(retryFailed) : inputs;
	}

	/** --media-root: an existing folder, taken by its real path (the folder local media may come from). */
	private static Path mediaRoot(String value) {
		if (value == null) {
			return null;
		}
		try {
			Path folder = Path.of(value).toRealPath();
			if (java.nio.file.Files.isDirectory(folder)) {
				return folder;
			}
		}
		catch (java.io.IOException | java.nio.file.InvalidPathException ex) {
			// reported below
		}
		throw new UsageException("--media-root=" + value + " is not a folder; give the folder local media files may"
				+ " come from, e.g. --media-root=/srv/images");
	}

	private static Path path(String value) {
		return value == null ? null : Path.of(value);
	}

	private static ZoneId zone(String value) {
		if (value == null) {
			return ZoneId.of("UTC");
		}
		try {
			return ZoneId.of(value);
		}
		catch (DateTimeException ex) {
			throw new UsageException("--timezone=" + value
					+ " is not a time zone; use an IANA name such as Europe/Berlin or America/New_York");
		}
	}

	private static String oneOf(String name, String value, List<String> allowed) {
		if (!allowed.contains(value)) {
			throw new UsageException("--" + name + "=" + value + " is not one of " + String.join(", ", allowed)
					+ "; e.g. --" + name + "=" + allowed.get(0));
		}
		return value;
	}

	private static String encoding(String name) {
		if (name == null) {
			return null;
		}
		try {
			return Charset.forName(name.strip()).name();
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("--encoding=" + name + " is not a character encoding Java knows; use e.g."
					+ " --encoding=windows-1252, ISO-8859-15, x-MacRoman or UTF-16LE");
		}
	}

	private static String dateFormat(String pattern) {
		if (pattern == null) {
			return null;
		}
		try {
			DateTimeFormatter.ofPattern(pattern);
			return pattern;
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("--date-format=" + pattern + " is not a date pattern (" + ex.getMessage()
					+ "); use java.time letters, e.g. --date-format=dd.MM.yyyy HH:mm");
		}
	}

	private static Integer days(String value) {
		if (value == null) {
			return null;
		}
		try {
			int days = Integer.parseInt(value.strip());
			if (days >= 0) {
				return days;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException("--prune-older-than=" + value + " is not a number of days; e.g. --prune-older-than=30");
	}

	private static String example(String name) {
		return switch (name) {
			case "input" -> "pins.csv";
			case "results" -> "results.csv";
			case "retry-failed" -> "pins.results.csv";
			case "timezone" -> "Europe/Berlin";
			case "mapping" -> "mapping.yml";
			case "encoding" -> "windows-1252";
			case "date-format" -> "dd.MM.yyyy HH:mm";
			case "when-no-date" -> "now";
			case "summary" -> "summary.json";
			case "log-format" -> "json";
			case "prune-older-than" -> "30";
			case "media-root" -> "/srv/images";
			default -> "VALUE";
		};
	}
}
